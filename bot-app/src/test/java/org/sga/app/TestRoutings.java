package org.sga.app;

import java.io.StringReader;
import org.sga.core.escalation.RoutingConfig;

/** Invented routing for tests of an instance connected to both Slack and Teams: every role has a channel on each. */
public final class TestRoutings {

    private TestRoutings() {
    }

    /** The routing of {@link #slackAndTeams()} as the file would say it, for tests that vary it. */
    public static final String SLACK_AND_TEAMS = """
            organisations:
              - id: example-org
                teams:
                  - id: school
                    roles:
                      manager: {channel: {slack: C0MGR, teams: "19:mgr@thread.tacv2"}, backup: {slack: C0MGR2, teams: "19:mgr2@thread.tacv2"}}
                      safeguarding_lead: {channel: {slack: C0DSL, teams: "19:dsl@thread.tacv2"}, backup: {slack: C0DSL2, teams: "19:dsl2@thread.tacv2"}}
                      allegations_officer: {channel: {slack: C0LADO, teams: "19:lado@thread.tacv2"}, backup: {slack: C0LADO2, teams: "19:lado2@thread.tacv2"}}
                      out_of_hours: {channel: {slack: C0OOH, teams: "19:ooh@thread.tacv2"}, backup: {slack: C0OOH2, teams: "19:ooh2@thread.tacv2"}}
                      governance_lead: {channel: {slack: C0GOV, teams: "19:gov@thread.tacv2"}, backup: {slack: C0GOV2, teams: "19:gov2@thread.tacv2"}}
            """;

    public static RoutingConfig slackAndTeams() {
        return RoutingConfig.parse(new StringReader(SLACK_AND_TEAMS), "slack-and-teams.yml");
    }
}
