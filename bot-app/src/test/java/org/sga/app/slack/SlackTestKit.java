package org.sga.app.slack;

import java.io.StringReader;
import org.sga.core.escalation.RoutingConfig;

/**
 * What the application's Slack tests and benchmarks share: a routing that sends every role of one invented team to a
 * Slack channel of its own, and questions staff ask, for load. Requests are signed by the adapter tests'
 * {@link org.sga.slack.SignedRequests}.
 */
public final class SlackTestKit {

    /** Questions as staff type them, for the load benchmarks (invented). */
    public static final String[] QUESTIONS = {
        "what should I do if a pupil shares nudes",
        "can I look at the images on a child's phone",
        "who do I tell if I think a child is being groomed online",
        "how do I preserve evidence on a laptop",
        "my DSL is off today who do I contact",
        "a parent sent me a screenshot of messages what now",
        "should I confiscate the phone",
        "when do I call the police",
    };

    private SlackTestKit() {
    }

    /**
     * One team whose roles are each a Slack channel with a backup: manager {@code CMGR}/{@code CMGR2}, safeguarding
     * lead {@code dslChannel}/{@code dslBackup}, allegations officer {@code CLADO}/{@code CLADO2}, out of hours
     * {@code COOH}/{@code COOH2}. Anyone in a role's channel may acknowledge for it.
     */
    public static RoutingConfig routing(String dslChannel, String dslBackup) {
        String yaml = """
                organisations:
                  - id: example-org
                    name: Example Organisation
                    teams:
                      - id: school
                        name: Example School
                        roles:
                          manager: {channel: {slack: CMGR}, backup: {slack: CMGR2}}
                          safeguarding_lead: {channel: {slack: %s}, backup: {slack: %s}}
                          allegations_officer: {channel: {slack: CLADO}, backup: {slack: CLADO2}}
                          out_of_hours: {channel: {slack: COOH}, backup: {slack: COOH2}}
                          governance_lead: {channel: {slack: CGOV}, backup: {slack: CGOV2}}
                """.formatted(dslChannel, dslBackup);
        return RoutingConfig.parse(new StringReader(yaml), "slack-test-routing.yml");
    }
}
