package org.sga.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sga.core.testkit.EscalationFixture.CHILD_IN_DANGER;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.REPORTER;
import static org.sga.core.testkit.EscalationFixture.WEDNESDAY_EVENING;
import static org.sga.core.testkit.EscalationFixture.onSlack;
import static org.sga.core.testkit.EscalationFixture.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.AtOnce;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.sga.core.testkit.RecordingPlatform;

/**
 * The chase of unacknowledged escalations with two bot instances on one database, on H2 and PostgreSQL: the stores'
 * claims and conditional updates keep every step to one notice. The chase's rules themselves are tested in the core.
 */
class ReEscalatingOnTwoInstancesTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Duration PAST_THE_DEADLINE = Duration.ofMinutes(31);

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);


    @ParameterizedTest
    @EnumSource(Db.class)
    void givenTwoReEscalatorsOnTwoInstances_whenBothRunAtOnce_thenEachOverdueRoleIsReEscalatedOnce(Db db)
            throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store one = databases.open(fresh, clock);
        Store two = databases.open(fresh, clock);
        EscalationFixture instanceOne = new EscalationFixture(TestDatabases.ports(one), clock);
        EscalationFixture instanceTwo = new EscalationFixture(TestDatabases.ports(two), clock);
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
        EscalationFixture a = new EscalationFixture(TestDatabases.ports(databases.open(fresh, clock)), clock);
        EscalationFixture b = new EscalationFixture(TestDatabases.ports(databases.open(fresh, clock)), clock);
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
        await("every due notice delivered").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> worker.runOnce().claimed() == 0 && on.store.outbox().depth().pending() == 0);
    }

    /** How many roles five passes of {@code chaser} re-escalated. */
    private static int fivePasses(ReEscalator chaser) {
        int done = 0;
        for (int pass = 0; pass < 5; pass++) {
            done += chaser.runOnce().reEscalated();
        }
        return done;
    }

    private static void chase(ReEscalator chaser) {
        await("every overdue step taken").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1)).until(() -> chaser.runOnce().claimed() == 0);
    }
}
