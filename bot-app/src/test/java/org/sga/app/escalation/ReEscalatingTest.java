package org.sga.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.app.escalation.EscalationFixture.ADULT_OUTSIDE_WORK;
import static org.sga.app.escalation.EscalationFixture.CHILD_IN_DANGER;
import static org.sga.app.escalation.EscalationFixture.CHILD_ONLINE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE_IS_MANAGER;
import static org.sga.app.escalation.EscalationFixture.DSL_ACKNOWLEDGER;
import static org.sga.app.escalation.EscalationFixture.DSL_BACKUP;
import static org.sga.app.escalation.EscalationFixture.DSL_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.DSL_IS_SUBJECT;
import static org.sga.app.escalation.EscalationFixture.EXAMPLE;
import static org.sga.app.escalation.EscalationFixture.LADO_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.MANAGER_BACKUP;
import static org.sga.app.escalation.EscalationFixture.MANAGER_CHANNEL;
import static org.sga.app.escalation.EscalationFixture.MONDAY_MORNING;
import static org.sga.app.escalation.EscalationFixture.NOT_CONFIDENT_TO_TELL_MANAGER;
import static org.sga.app.escalation.EscalationFixture.REPORTER;
import static org.sga.app.escalation.EscalationFixture.WEDNESDAY_EVENING;
import static org.sga.app.escalation.EscalationFixture.onSlack;
import static org.sga.app.escalation.EscalationFixture.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.AtOnce;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.Channel;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OfficeHours;
import org.sga.core.escalation.OpenEscalation;
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
import org.sga.core.triage.Urgency;

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
        void givenNobodyAcknowledgedByTheDeadline_thenTheBackupIsNotifiedOnceWithADeadlineOfItsOwn() {
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
            assertThat(rows).as("the reporter hears once the backup has it")
                    .noneMatch(r -> r.role().equals("reporter") && r.attempt().startsWith("told-backup"));
            assertThat(f.store.acknowledgements().chase(raised.reference()))
                    .filteredOn(c -> c.awaited().role().equals("safeguarding_lead"))
                    .extracting(c -> c.awaited().step() + " " + c.state() + " " + c.awaited().deadline())
                    .containsExactly("initial RE_ESCALATED 2026-12-07T10:30:00Z",
                            "backup WAITING " + MONDAY_MORNING.plus(PAST_THE_DEADLINE).plus(Duration.ofMinutes(30)));
            List<AuditRecord> audit = f.store.auditTrail().forRef(raised.reference());
            assertThat(audit).extracting(AuditRecord::type).containsExactly(EscalationRecords.RAISED,
                    EscalationRecords.ACKNOWLEDGED, EscalationRecords.RE_ESCALATED);
            assertThat(audit.getLast().payload()).contains("\"backup\":\"" + DSL_BACKUP + "\"", "\"step\":\"backup\"");
        }

        @Test
        void givenTheBackupsNoticeIsDelivered_thenTheReporterIsToldWhoHasItByNameAndTheNewDeadline() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.acknowledgements.acknowledge(AcknowledgeRequest.typed(raised.reference(), "manager", new Actor(Platform.SLACK, COLLEAGUE)));
            RecordingPlatform platform = new RecordingPlatform();
            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
                worker.runOnce();
                clock.advance(PAST_THE_DEADLINE);
                f.reEscalator("r1").runOnce();
                worker.runOnce();
                worker.runOnce();
            }

            assertThat(platform.postedTo("D0" + REPORTER)).extracting(p -> p.row().attempt())
                    .containsExactly("ack-manager", "told-initial", "told-backup-safeguarding_lead");
            assertThat(platform.postedTo("D0" + REPORTER).getLast().text()).contains(raised.reference(),
                    "nobody has acknowledged it for the designated safeguarding lead (Robin Example) yet",
                    "the backup of the designated safeguarding lead (Kit Example) has been notified",
                    "Someone must acknowledge by 11:01");
        }

        @Test
        void givenTheRoleAcknowledgesWhileTheBackupsNoticeIsOnItsWay_thenTheReporterHearsOnlyWhoAcknowledged() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.acknowledgements.acknowledge(AcknowledgeRequest.typed(raised.reference(), "manager", new Actor(Platform.SLACK, COLLEAGUE)));
            RecordingPlatform platform = new RecordingPlatform();
            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
                clock.advance(PAST_THE_DEADLINE);
                f.reEscalator("r1").runOnce();
                f.acknowledgements.acknowledge(AcknowledgeRequest.typed(raised.reference(), "safeguarding_lead", new Actor(Platform.SLACK, DSL_ACKNOWLEDGER)));
                worker.runOnce();
                worker.runOnce();
            }

            assertThat(platform.postedTo(DSL_BACKUP)).hasSize(1);
            assertThat(platform.postedTo("D0" + REPORTER)).extracting(p -> p.row().attempt())
                    .contains("ack-safeguarding_lead").doesNotContain("told-backup-safeguarding_lead");
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
        void givenTheBackupAcknowledgesForTheRole_thenTheReporterIsToldAndTheChaseOfThatRoleStops() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            clock.advance(PAST_THE_DEADLINE);
            f.reEscalator("r1").runOnce();

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK,
                    DSL_ACKNOWLEDGER).accepted()).isTrue();
            clock.advance(PAST_THE_DEADLINE);
            f.reEscalator("r1").runOnce();

            assertThat(f.store.outbox().entries(raised.reference()))
                    .filteredOn(e -> e.row().role().equals(OutboxRow.REPORTER))
                    .extracting(e -> e.row().attempt())
                    .containsExactly("ack-safeguarding_lead");
            assertThat(f.store.outbox().entries(raised.reference())).extracting(e -> e.row().role() + "/" + e.row().attempt())
                    .contains("manager/round-1", "manager/round-1-backup")
                    .doesNotContain("safeguarding_lead/round-1", "safeguarding_lead/round-1-backup");
        }

        @Test
        void givenARoleWithNoBackupOnAConnectedPlatform_thenTheRoleItselfIsRemindedInRounds() {
            EscalationFixture f = fixture();
            // Fostering's allegations officer has a backup on the console only, which nobody reads on a server.
            org.sga.core.escalation.Reporter fosterer = new org.sga.core.escalation.Reporter(Platform.TEAMS,
                    "29:1exampleUserC", "Sam Example", "a:1exampleChat");
            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), fosterer, null);
            clock.advance(PAST_THE_DEADLINE);

            f.reEscalator("r1").runOnce();

            List<OutboxRow> rows = f.store.outbox().entries(raised.reference()).stream().map(OutboxEntry::row).toList();
            assertThat(rows).filteredOn(r -> !r.attempt().equals(OutboxRow.INITIAL))
                    .extracting(r -> r.role() + "/" + r.attempt() + " " + r.channelTarget())
                    .containsExactlyInAnyOrder("safeguarding_lead/backup 19:example-dsl-brookfield@thread.tacv2",
                            "allegations_officer/round-1 19:example-allegations-eastmoor@thread.tacv2");
            assertThat(rows).filteredOn(r -> r.attempt().equals("round-1")).singleElement()
                    .satisfies(r -> assertThat(r.payload()).startsWith("REMINDER 1 of 3: " + raised.reference()
                            + " is still not acknowledged for Allegations officer (LADO)"));
        }
    }

    @Nested
    class Rounds {

        @Test
        void givenAnEmergencyNobodyAcknowledges_thenBackupThenThreeRoundsOfRoleAndBackupThenTheReporterIsToldToPhone() {
            clock.set(WEDNESDAY_EVENING);
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_IN_DANGER), onSlack(REPORTER), null);
            assertThat(raised.routing().notifiedRoles()).containsExactlyInAnyOrder(Role.SAFEGUARDING_LEAD, Role.OUT_OF_HOURS);
            RecordingPlatform platform = new RecordingPlatform();

            List<Integer> perStep = chaseToTheEnd(f, platform, Duration.ofMinutes(5));

            assertThat(perStep).as("notices to roles and backups per step").containsExactly(2, 2, 4, 4, 4, 0);
            assertThat(platform.posted()).extracting(RecordingPlatform.Posted::key).doesNotHaveDuplicates();
            assertThat(platform.posted()).filteredOn(p -> p.row().role().equals("safeguarding_lead"))
                    .extracting(p -> p.row().attempt() + " " + p.target())
                    .containsExactly("initial " + DSL_CHANNEL, "backup " + DSL_BACKUP,
                            "round-1 " + DSL_CHANNEL, "round-1-backup " + DSL_BACKUP,
                            "round-2 " + DSL_CHANNEL, "round-2-backup " + DSL_BACKUP,
                            "round-3 " + DSL_CHANNEL, "round-3-backup " + DSL_BACKUP);
            List<RecordingPlatform.Posted> toReporter = platform.postedTo("D0" + REPORTER);
            assertThat(toReporter).extracting(p -> p.row().attempt()).contains("told-initial",
                    "told-backup-safeguarding_lead", "told-round-1-out_of_hours", "told-round-3-safeguarding_lead",
                    "phone-safeguarding_lead", "phone-out_of_hours").doesNotHaveDuplicates().hasSize(11);
            assertThat(toReporter).filteredOn(p -> p.row().attempt().equals("told-round-2-safeguarding_lead"))
                    .singleElement().satisfies(p -> assertThat(p.text()).contains("Reminder 2 of 3 has been delivered to"
                            + " the designated safeguarding lead (Robin Example) and the backup of the designated"
                            + " safeguarding lead (Kit Example)"));
            assertThat(toReporter).filteredOn(p -> p.row().attempt().startsWith("phone-"))
                    .extracting(RecordingPlatform.Posted::text)
                    .anySatisfy(t -> assertThat(t).contains("nobody has acknowledged it for the designated safeguarding"
                            + " lead (Robin Example) after their backup and 3 reminders", "Please phone now the designated"
                            + " safeguarding lead (Robin Example) on 01632 960001 (school days 08:00-17:00); the backup of the"
                            + " designated safeguarding lead (Kit Example) on 01632 960002"))
                    .anySatisfy(t -> assertThat(t).contains("out-of-hours team (Eastmoor emergency duty team) on"
                            + " 01632 960999"));
            assertThat(f.store.outbox().openEscalations()).extracting(OpenEscalation::ref).containsExactly(raised.reference());
            clock.advance(Duration.ofHours(2));
            assertThat(f.reEscalator("r1").runOnce().claimed()).as("nothing more after the rounds").isZero();
        }

        @Test
        void givenEachStep_thenItsDeadlineIsAsLongAsTheFirstFromWhenItWasSent() {
            clock.set(WEDNESDAY_EVENING);
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_IN_DANGER), onSlack(REPORTER), null);
            Instant[] sentAt = new Instant[5];
            for (int step = 0; step < 5; step++) {
                sentAt[step] = clock.instant();
                clock.advance(Duration.ofMinutes(7));
                f.reEscalator("r1").runOnce();
            }

            assertThat(f.store.acknowledgements().chase(raised.reference()))
                    .filteredOn(c -> c.awaited().role().equals("out_of_hours"))
                    .extracting(c -> c.awaited().step() + " " + Duration.between(
                            sentAt[stepIndex(c.awaited().step())], c.awaited().deadline()).toMinutes())
                    .containsExactly("initial 5", "backup 5", "round-1 5", "round-2 5", "round-3 5");
        }

        @Test
        void givenAStandardEscalation_thenTheChaseStopsAfterTheBackupAndTheReporterIsToldToPhone() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack(REPORTER), null);
            RecordingPlatform platform = new RecordingPlatform();

            List<Integer> perStep = chaseToTheEnd(f, platform, Duration.ofHours(4));

            assertThat(perStep).containsExactly(2, 2, 0);
            assertThat(platform.postedTo("D0" + REPORTER)).extracting(p -> p.row().attempt())
                    .contains("phone-safeguarding_lead", "phone-manager");
            assertThat(platform.postedTo("D0" + REPORTER)).filteredOn(p -> p.row().attempt().equals("phone-safeguarding_lead"))
                    .singleElement().satisfies(p -> assertThat(p.text()).contains("or their backup", "01632 960001"));
            assertThat(f.store.outbox().openEscalations()).extracting(OpenEscalation::ref).containsExactly(raised.reference());
        }

        @Test
        void givenRoundsConfiguredForTheUrgency_thenThatManyRoundsAreSent() {
            clock.set(WEDNESDAY_EVENING);
            RoutingConfig oneRound = new RoutingConfig(EXAMPLE.organisations(), EXAMPLE.defaultTeamId(),
                    EXAMPLE.acknowledgeWithin(), Map.of(Urgency.EMERGENCY, 1));
            EscalationFixture f = new EscalationFixture(databases.open(Db.H2, clock), clock, oneRound);
            f.escalations.raise(outcome(CHILD_IN_DANGER), onSlack(REPORTER), null);

            assertThat(chaseToTheEnd(f, new RecordingPlatform(), Duration.ofMinutes(5))).containsExactly(2, 2, 4, 0);
        }
    }

    @Nested
    class SubjectsAreNeverNotified {

        @Test
        void givenColleagueIsManager_thenTheManagerIsNeverNotifiedAlsoNotInTheRounds() {
            assertManagerNeverReached(fixture(), outcome(COLLEAGUE_IS_MANAGER));
        }

        @Test
        void givenReporterNotConfidentToTellManager_thenTheManagerIsNeverNotifiedAlsoNotInTheRounds() {
            assertManagerNeverReached(fixture(), outcome(NOT_CONFIDENT_TO_TELL_MANAGER));
        }

        @Test
        void givenTheDslIsTheSubject_thenNeitherTheDslNorTheirBackupIsEverNotified() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(DSL_IS_SUBJECT), onSlack(REPORTER), null);
            assertThat(raised.routing().notifiedRoles())
                    .containsExactlyInAnyOrder(Role.MANAGER, Role.ALLEGATIONS_OFFICER, Role.GOVERNANCE_LEAD);

            RecordingPlatform platform = new RecordingPlatform();
            chaseToTheEnd(f, platform, Duration.ofMinutes(30));

            assertThat(platform.postedTo(DSL_CHANNEL)).isEmpty();
            assertThat(platform.postedTo(DSL_BACKUP)).isEmpty();
            assertThat(platform.posted()).noneMatch(p -> p.row().role().equals("safeguarding_lead"));
            assertThat(platform.posted()).extracting(RecordingPlatform.Posted::target)
                    .contains("C0EXGOV001", "C0EXGOV002", LADO_CHANNEL, "C0EXLADO02");
        }

        @Test
        void givenAnotherRolesBackupIsTheManagersChannel_thenTheManagerIsNotReachedThroughThatBackup() {
            EscalationFixture f = new EscalationFixture(databases.open(Db.H2, clock), clock, leadBackedUpByManager());

            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), onSlack(REPORTER), null);
            RecordingPlatform platform = new RecordingPlatform();
            chaseToTheEnd(f, platform, Duration.ofMinutes(30));

            assertThat(platform.postedTo("slack-managers")).isEmpty();
            assertThat(platform.posted()).noneMatch(p -> p.row().role().equals("manager"));
            assertThat(platform.postedTo("slack-dsl")).extracting(p -> p.row().attempt())
                    .containsExactly("initial", "round-1", "round-2", "round-3");
            assertThat(f.records.find(raised.reference()).orElseThrow().role(Role.SAFEGUARDING_LEAD).orElseThrow()
                    .backup()).isEmpty();
        }

        private void assertManagerNeverReached(EscalationFixture f, org.sga.core.triage.TriageOutcome outcome) {
            Raised raised = f.escalations.raise(outcome, onSlack(REPORTER), null);
            assertThat(raised.routing().notifiedRoles()).doesNotContain(Role.MANAGER)
                    .contains(Role.SAFEGUARDING_LEAD, Role.ALLEGATIONS_OFFICER);

            RecordingPlatform platform = new RecordingPlatform();
            chaseToTheEnd(f, platform, Duration.ofMinutes(30));

            assertThat(platform.postedTo(MANAGER_CHANNEL)).isEmpty();
            assertThat(platform.postedTo(MANAGER_BACKUP)).isEmpty();
            assertThat(platform.posted()).noneMatch(p -> p.row().role().equals("manager"));
            assertThat(platform.posted()).extracting(RecordingPlatform.Posted::target)
                    .contains(DSL_CHANNEL, LADO_CHANNEL, DSL_BACKUP, "C0EXLADO02", "D0" + REPORTER);
            assertThat(f.store.outbox().entries(raised.reference())).noneMatch(e -> e.row().role().equals("manager"));
        }
    }

    /** 0 for the first notice, 1 for the backup, 1 + k for round k. */
    private static int stepIndex(String step) {
        return switch (step) {
            case "initial" -> 0;
            case "backup" -> 1;
            default -> 1 + Integer.parseInt(step.substring("round-".length()));
        };
    }

    /**
     * Delivers, lets each deadline pass unacknowledged, takes the chase a step on, and so on until nothing is left to
     * chase; returns how many notices to roles and backups each step sent (the first notices first).
     */
    private List<Integer> chaseToTheEnd(EscalationFixture f, RecordingPlatform platform, Duration deadline) {
        List<Integer> perStep = new ArrayList<>();
        ReEscalator reEscalator = f.reEscalator("r1");
        try (OutboxWorker worker = f.worker("w1", platform)) {
            int before = 0;
            for (int step = 0; step < 12; step++) {
                while (worker.runOnce().claimed() > 0) {
                    // Each pass may queue the reporter's word on the step just delivered.
                }
                int sent = (int) platform.posted().stream().filter(p -> !p.row().role().equals("reporter")).count();
                perStep.add(sent - before);
                before = sent;
                clock.advance(deadline.plusSeconds(1));
                if (reEscalator.runOnce().claimed() == 0) {
                    break;
                }
            }
        }
        return perStep;
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
            List<Integer> runs = AtOnce.run(() -> fivePasses(a), () -> fivePasses(b));
            assertThat(runs.get(0) + runs.get(1)).isEqualTo(30);

            for (String ref : refs) {
                List<OutboxRow> rows = one.outbox().entries(ref).stream().map(OutboxEntry::row).toList();
                assertThat(rows).filteredOn(r -> r.attempt().equals(OutboxRow.BACKUP)).hasSize(2);
                assertThat(one.acknowledgements().chase(ref)).filteredOn(c -> c.awaited().step().equals(OutboxRow.BACKUP))
                        .hasSize(2);
                assertThat(one.auditTrail().forRef(ref)).filteredOn(r -> r.type().equals(EscalationRecords.RE_ESCALATED))
                        .hasSize(2);
            }
            assertThat(two.auditTrail().verify().ok()).isTrue();
        }

        /**
         * Two instances on one database, nobody acknowledging ten EMERGENCY escalations: at every step both instances
         * race to deliver and to take the chase on, and each notice is still sent once, step by step, until the
         * reporters are told to phone.
         */
        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoInstancesAndNobodyAcknowledgesAnEmergency_thenEachStepSendsEveryNoticeOnceUntilTheReporterIsToldToPhone(
                Db db) throws Exception {
            clock.set(WEDNESDAY_EVENING);
            TestDatabases.Fresh fresh = databases.fresh(db);
            EscalationFixture a = new EscalationFixture(databases.open(fresh, clock), clock);
            EscalationFixture b = new EscalationFixture(databases.open(fresh, clock), clock);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                EscalationFixture on = i % 2 == 0 ? a : b;
                refs.add(on.escalations.raise(outcome(CHILD_IN_DANGER), onSlack(REPORTER), null).reference());
            }
            RecordingPlatform platform = new RecordingPlatform();
            List<String> steps = List.of("first notices", "backups", "round 1", "round 2", "round 3", "rounds spent");
            List<Integer> toRoles = new ArrayList<>();
            List<Integer> toReporters = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try (OutboxWorker workerA = a.worker("wa", platform); OutboxWorker workerB = b.worker("wb", platform)) {
                ReEscalator chaserA = a.reEscalator("ra");
                ReEscalator chaserB = b.reEscalator("rb");
                int rolesBefore = 0;
                int reportersBefore = 0;
                for (int step = 0; step < steps.size(); step++) {
                    race(threads, () -> drain(workerA, a), () -> drain(workerB, b));
                    int roles = (int) platform.posted().stream().filter(p -> !p.row().role().equals("reporter")).count();
                    int reporters = platform.posted().size() - roles;
                    toRoles.add(roles - rolesBefore);
                    toReporters.add(reporters - reportersBefore);
                    rolesBefore = roles;
                    reportersBefore = reporters;
                    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
                    race(threads, () -> chase(chaserA), () -> chase(chaserB));
                }
            } finally {
                threads.shutdownNow();
            }
            for (int step = 0; step < steps.size(); step++) {
                System.out.printf("two instances on %s, 10 EMERGENCY escalations: %-13s %3d notices to roles and"
                        + " backups, %3d to reporters%n", db, steps.get(step), toRoles.get(step), toReporters.get(step));
            }

            assertThat(toRoles).containsExactly(20, 20, 40, 40, 40, 0);
            assertThat(toReporters).as("each step told once it is delivered; the last tells them to phone")
                    .containsExactly(10, 20, 20, 20, 20, 20);
            assertThat(platform.repeats()).as("no notice sent twice").isEmpty();
            assertThat(platform.posted()).hasSize(270);
            for (String ref : refs) {
                assertThat(a.store.auditTrail().forRef(ref)).filteredOn(r -> r.type().equals(EscalationRecords.RE_ESCALATED))
                        .hasSize(10);
                assertThat(platform.posted()).filteredOn(p -> p.row().escalationRef().equals(ref)
                        && p.row().attempt().startsWith("phone-")).hasSize(2);
            }
            assertThat(a.store.outbox().openEscalations()).hasSize(10);
            assertThat(b.store.auditTrail().verify().ok()).isTrue();
        }

        private static void race(ExecutorService threads, Runnable one, Runnable two) throws Exception {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (Runnable run : List.of(one, two)) {
                runs.add(threads.submit(() -> {
                    go.await();
                    run.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }

        /** Delivers until nothing is due, on this instance or the other: each pass may queue the reporter's word. */
        private static void drain(OutboxWorker worker, EscalationFixture on) {
            while (worker.runOnce().claimed() > 0 || on.store.outbox().depth().pending() > 0) {
                Thread.onSpinWait();
            }
        }

        private static void chase(ReEscalator chaser) {
            while (chaser.runOnce().claimed() > 0) {
                Thread.onSpinWait();
            }
        }

        /** How many roles five passes of {@code chaser} re-escalated. */
        private static int fivePasses(ReEscalator chaser) {
            int done = 0;
            for (int pass = 0; pass < 5; pass++) {
                done += chaser.runOnce().reEscalated();
            }
            return done;
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
