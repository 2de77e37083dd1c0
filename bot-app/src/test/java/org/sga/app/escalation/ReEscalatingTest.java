package org.sga.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.app.escalation.EscalationFixture.CHILD_ONLINE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE_IS_MANAGER;
import static org.sga.app.escalation.EscalationFixture.DSL_ACKNOWLEDGER;
import static org.sga.app.escalation.EscalationFixture.DSL_BACKUP;
import static org.sga.app.escalation.EscalationFixture.DSL_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.LADO_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.MANAGER_BACKUP;
import static org.sga.app.escalation.EscalationFixture.MANAGER_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.MONDAY_MORNING;
import static org.sga.app.escalation.EscalationFixture.NOT_CONFIDENT_TO_TELL_MANAGER;
import static org.sga.app.escalation.EscalationFixture.REPORTER;
import static org.sga.app.escalation.EscalationFixture.onSlack;
import static org.sga.app.escalation.EscalationFixture.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.Channel;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OfficeHours;
import org.sga.core.escalation.Organisation;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.escalation.RoleRoute;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.escalation.Team;
import org.sga.core.triage.Role;

class ReEscalatingTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Duration PAST_THE_DEADLINE = Duration.ofMinutes(31);

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);

    private EscalationFixture fixture() {
        return new EscalationFixture(databases.open(Db.H2, clock), clock);
    }

    @Nested
    class AfterTheDeadline {

        @Test
        void givenNobodyAcknowledgedBeforeTheDeadline_thenNothingHappensYet() {
            EscalationFixture f = fixture();
            f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            clock.advance(Duration.ofMinutes(29));

            assertThat(f.reEscalator("r1").runOnce().claimed()).isZero();
        }

        @Test
        void givenNobodyAcknowledgedByTheDeadline_thenTheBackupAndTheReporterAreNotifiedOnce() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.typedAck(raised.reference(), "manager", Platform.SLACK, COLLEAGUE);
            clock.advance(PAST_THE_DEADLINE);
            ReEscalator reEscalator = f.reEscalator("r1");

            ReEscalator.RunResult first = reEscalator.runOnce();
            ReEscalator.RunResult second = reEscalator.runOnce();

            assertThat(first.reEscalated()).isEqualTo(1);
            assertThat(second.claimed()).isZero();
            List<OutboxRow> rows = f.store.outbox().entries(raised.reference()).stream().map(OutboxEntry::row).toList();
            OutboxRow backup = only(rows, r -> r.attempt().equals(OutboxRow.BACKUP));
            assertThat(backup.role()).isEqualTo("safeguarding_lead");
            assertThat(backup.channelTarget()).isEqualTo(DSL_BACKUP);
            assertThat(backup.platform()).isEqualTo("slack");
            assertThat(backup.payload()).startsWith("RE-ESCALATION of " + raised.reference())
                    .contains("by 10:30", "ack " + raised.reference() + " safeguarding_lead",
                            "[URGENT] Safeguarding escalation " + raised.reference());
            OutboxRow toReporter = only(rows, r -> r.role().equals(OutboxRow.REPORTER)
                    && r.attempt().startsWith("backup-"));
            assertThat(toReporter.attempt()).isEqualTo("backup-safeguarding_lead");
            assertThat(toReporter.channelTarget()).isEqualTo("D0" + REPORTER);
            assertThat(toReporter.payload()).contains(raised.reference(), "Designated safeguarding lead",
                    "by 10:30", "backup has been notified");
            List<AuditRecord> audit = f.store.auditTrail().forRef(raised.reference());
            assertThat(audit).extracting(AuditRecord::type).containsExactly(EscalationRecords.RAISED,
                    EscalationRecords.ACKNOWLEDGED, EscalationRecords.RE_ESCALATED);
            assertThat(audit.getLast().payload()).contains("\"backup\":\"" + DSL_BACKUP + "\"");
        }

        @Test
        void givenTheRoleAcknowledgedJustInTime_thenNobodyElseIsNotified() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.typedAck(raised.reference(), "manager", Platform.SLACK, COLLEAGUE);
            clock.advance(Duration.ofMinutes(30));
            f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);
            clock.advance(Duration.ofMinutes(1));

            assertThat(f.reEscalator("r1").runOnce().claimed()).isZero();
            assertThat(f.store.outbox().entries(raised.reference()))
                    .noneMatch(e -> e.row().attempt().equals(OutboxRow.BACKUP));
        }

        @Test
        void givenTheBackupAcknowledgesForTheRole_thenTheReporterIsTold() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            clock.advance(PAST_THE_DEADLINE);
            f.reEscalator("r1").runOnce();

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK,
                    DSL_ACKNOWLEDGER).accepted()).isTrue();
            assertThat(f.store.outbox().entries(raised.reference()))
                    .filteredOn(e -> e.row().role().equals(OutboxRow.REPORTER))
                    .extracting(e -> e.row().attempt())
                    .containsExactlyInAnyOrder("backup-manager", "backup-safeguarding_lead", "ack-safeguarding_lead");
        }

        @Test
        void givenARoleWithNoBackupOnThePlatform_thenTheReporterIsToldToContactThemDirectly() {
            EscalationFixture f = fixture();
            // Fostering's allegations officer has a backup on the console only.
            org.sga.core.escalation.Reporter fosterer = new org.sga.core.escalation.Reporter(Platform.TEAMS,
                    "29:1exampleUserC", "Sam Example", "a:1exampleChat");
            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), fosterer, null);
            clock.advance(PAST_THE_DEADLINE);

            f.reEscalator("r1").runOnce();

            List<OutboxRow> rows = f.store.outbox().entries(raised.reference()).stream().map(OutboxEntry::row).toList();
            assertThat(rows).filteredOn(r -> r.attempt().equals(OutboxRow.BACKUP)).extracting(OutboxRow::role)
                    .containsExactly("safeguarding_lead");
            OutboxRow toReporter = only(rows, r -> r.attempt().equals("backup-allegations_officer"));
            assertThat(toReporter.payload()).contains("no backup to notify", "contact them directly");
            assertThat(toReporter.channelTarget()).isEqualTo("a:1exampleChat");
        }
    }

    @Nested
    class ManagerRouteClosed {

        @Test
        void givenColleagueIsManager_thenTheManagerIsNeverNotifiedAlsoNotAfterTheDeadline() {
            assertManagerNeverReached(fixture(), outcome(COLLEAGUE_IS_MANAGER));
        }

        @Test
        void givenReporterNotConfidentToTellManager_thenTheManagerIsNeverNotifiedAlsoNotAfterTheDeadline() {
            assertManagerNeverReached(fixture(), outcome(NOT_CONFIDENT_TO_TELL_MANAGER));
        }

        @Test
        void givenAnotherRolesBackupIsTheManagersChannel_thenTheManagerIsNotReachedThroughThatBackup() {
            EscalationFixture f = new EscalationFixture(databases.open(Db.H2, clock), clock, leadBackedUpByManager());

            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), onSlack(REPORTER), null);
            RecordingPlatform platform = deliverThroughTheDeadline(f);

            assertThat(platform.postedTo("slack-managers")).isEmpty();
            assertThat(platform.posted()).noneMatch(p -> p.row().role().equals("manager"));
            assertThat(platform.postedTo("D0" + REPORTER)).extracting(RecordingPlatform.Posted::text)
                    .anySatisfy(t -> assertThat(t).contains("Designated safeguarding lead", "no backup to notify"));
            assertThat(f.records.find(raised.reference()).orElseThrow().role(Role.SAFEGUARDING_LEAD).orElseThrow()
                    .backup()).isEmpty();
        }

        private void assertManagerNeverReached(EscalationFixture f, org.sga.core.triage.TriageOutcome outcome) {
            Raised raised = f.escalations.raise(outcome, onSlack(REPORTER), null);
            assertThat(raised.routing().notifiedRoles()).doesNotContain(Role.MANAGER)
                    .contains(Role.SAFEGUARDING_LEAD, Role.ALLEGATIONS_OFFICER);

            RecordingPlatform platform = deliverThroughTheDeadline(f);

            assertThat(platform.postedTo(MANAGER_CHANNEL)).isEmpty();
            assertThat(platform.postedTo(MANAGER_BACKUP)).isEmpty();
            assertThat(platform.posted()).noneMatch(p -> p.row().role().equals("manager"));
            assertThat(platform.posted()).extracting(RecordingPlatform.Posted::target)
                    .contains(DSL_CHANNEL, LADO_CHANNEL, DSL_BACKUP, "C0EXLADO02", "D0" + REPORTER);
            assertThat(f.store.outbox().entries(raised.reference())).noneMatch(e -> e.row().role().equals("manager"));
        }

        /** Delivers the notices, lets every deadline pass unacknowledged, re-escalates and delivers again. */
        private RecordingPlatform deliverThroughTheDeadline(EscalationFixture f) {
            RecordingPlatform platform = new RecordingPlatform();
            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
                clock.advance(Duration.ofHours(5));
                f.reEscalator("r1").runOnce();
                worker.runOnce();
            }
            return platform;
        }
    }

    @Nested
    class Racing {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoReEscalatorsOnTwoInstances_whenBothRunAtOnce_thenEachOverdueRoleIsReEscalatedOnce(Db db)
                throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store one = databases.open(fresh, clock);
            Store two = databases.open(fresh, clock);
            EscalationFixture instanceOne = new EscalationFixture(one, clock);
            EscalationFixture instanceTwo = new EscalationFixture(two, clock);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                refs.add(instanceOne.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null).reference());
            }
            clock.advance(PAST_THE_DEADLINE);
            ReEscalator a = instanceOne.reEscalator("a");
            ReEscalator b = instanceTwo.reEscalator("b");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (ReEscalator r : List.of(a, b)) {
                    runs.add(threads.submit((Callable<Integer>) () -> {
                        go.await();
                        int done = 0;
                        for (int pass = 0; pass < 5; pass++) {
                            done += r.runOnce().reEscalated();
                        }
                        return done;
                    }));
                }
                go.countDown();
                assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(30);
            } finally {
                threads.shutdownNow();
            }

            for (String ref : refs) {
                List<OutboxRow> rows = one.outbox().entries(ref).stream().map(OutboxEntry::row).toList();
                assertThat(rows).filteredOn(r -> r.attempt().equals(OutboxRow.BACKUP)).hasSize(2);
                assertThat(rows).filteredOn(r -> r.role().equals(OutboxRow.REPORTER)).hasSize(2);
                assertThat(one.auditTrail().forRef(ref)).filteredOn(r -> r.type().equals(EscalationRecords.RE_ESCALATED))
                        .hasSize(2);
            }
            assertThat(two.auditTrail().verify().ok()).isTrue();
        }
    }

    /** Brookfield-like, but the safeguarding lead's backup is the manager's own channel (the reader would refuse it). */
    private static RoutingConfig leadBackedUpByManager() {
        Map<Role, RoleRoute> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleRoute(new Channel(Map.of(Platform.SLACK, "slack-" + role.id())),
                    new Channel(Map.of(Platform.SLACK, "slack-backup-" + role.id())), Map.of()));
        }
        roles.put(Role.MANAGER, new RoleRoute(new Channel(Map.of(Platform.SLACK, "slack-managers")),
                new Channel(Map.of(Platform.SLACK, "slack-deputies")), Map.of()));
        roles.put(Role.SAFEGUARDING_LEAD, new RoleRoute(new Channel(Map.of(Platform.SLACK, "slack-dsl")),
                new Channel(Map.of(Platform.SLACK, "slack-managers")), Map.of()));
        Team team = new Team("t", "Team", "o", Map.of(Platform.SLACK, java.util.Set.of(REPORTER)),
                OfficeHours.defaults(), roles);
        return new RoutingConfig(List.of(new Organisation("o", "Org", List.of(team))), "t", Map.of());
    }

    private static OutboxRow only(List<OutboxRow> rows, java.util.function.Predicate<OutboxRow> which) {
        List<OutboxRow> found = rows.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
