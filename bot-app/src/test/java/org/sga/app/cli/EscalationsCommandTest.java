package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.content.ShippedContent;
import org.sga.app.escalation.Routings;
import org.sga.app.settings.BuildFolderSettings;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.escalation.References;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.TriageEngine;

/** {@code escalations list --open} and {@code escalations show REF}: the escalation policy and where each chase is. */
class EscalationsCommandTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final TriageEngine ENGINE = Triage.engine(ShippedContent.SOURCE.library());
    private static final RoutingConfig EXAMPLE = RoutingConfig.parse(new InputStreamReader(
            EscalationsCommandTest.class.getResourceAsStream("/routing/routing-example.yml"), StandardCharsets.UTF_8),
            "routing-example.yml");
    /** Wednesday 9 December 2026, 19:45 in London: outside office hours. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-09T19:45:00Z"));
    private final TestDatabases.Fresh db = databases.fresh(Db.H2);
    private final Store store = databases.open(db, clock);
    private final Reporter reporter = new Reporter(Platform.SLACK, "U0EXAMPLE01", "Alex Example", "D0U0EXAMPLE01");

    private String raise(Set<Platform> connected, Map<String, String> answers, Reporter by) {
        return new EscalationService(EXAMPLE, ENGINE.definition(), store.escalations(),
                new EscalationRecords(store.auditTrail()), clock, new References(), EscalationEvents.NONE, connected)
                .raise(ENGINE.evaluate(answers), by, null).reference();
    }

    private CliTest.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(BuildFolderSettings.defaults(), () -> databases.open(db, clock), name -> null).run(List.of(args),
                new BufferedReader(new StringReader("")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenAnEmergencyAtItsBackup_thenShowPrintsThePolicyAndWhereEachRolesChaseStands() {
        String ref = raise(Set.of(Platform.SLACK), Map.of("immediate_danger", "yes", "concern_about", "child_harmed",
                "images_involved", "no"), reporter);
        clock.advance(Duration.ofMinutes(6));
        new ReEscalator(store.acknowledgements(), store.escalations(), new EscalationRecords(store.auditTrail()),
                store.outbox(), clock, ReEscalator.Settings.defaults("r1")).runOnce();

        CliTest.Run shown = run("escalations", "show", ref);

        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("policy: each role has 5 min to acknowledge; then its backup, with 5 min of its"
                        + " own; then 3 rounds notifying role and backup again, 5 min apart; then the reporter is told to phone")
                .contains("safeguarding_lead    slack:C0EXDSL001  backup slack:C0EXDSL002  (Robin Example, phone 01632 960001,"
                        + " backup Kit Example, backup phone 01632 960002)")
                .contains("safeguarding_lead    at its backup, waiting until 2026-12-09 19:56:00Z")
                .contains("out_of_hours         at its backup, waiting until 2026-12-09 19:56:00Z")
                .contains("safeguarding_lead    initial    deadline 2026-12-09 19:50:00Z  passed on 2026-12-09 19:51:00Z")
                .contains("escalation.re-escalated");
    }

    @Test
    void givenAnEscalationNobodyCouldBeGivenANotice_thenListShowsItOpenAndMarked() {
        // Every role on Teams only, and this instance connected to Slack only.
        String ref = new EscalationService(Routings.everyRoleOn(Platform.TEAMS), ENGINE.definition(), store.escalations(),
                new EscalationRecords(store.auditTrail()), clock, new References(), EscalationEvents.NONE,
                Set.of(Platform.SLACK))
                .raise(ENGINE.evaluate(Map.of("immediate_danger", "no", "concern_about", "adult", "images_involved", "no")),
                        reporter, null).reference();

        CliTest.Run listed = run("escalations", "list", "--open");

        assertThat(listed.out()).startsWith("1 open escalation").contains(ref).contains("NOBODY REACHED");
    }
}
