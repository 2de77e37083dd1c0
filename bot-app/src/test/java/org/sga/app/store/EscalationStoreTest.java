package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditEntry;
import org.sga.core.escalation.AcknowledgeResult;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OverdueAcknowledgement;
import org.sga.core.escalation.RecordedOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

class EscalationStoreTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Rows.T0);

    private static List<OutboxRow> rolesOf(String ref) {
        return List.of(Rows.row(ref, "safeguarding_lead"), Rows.row(ref, "manager"));
    }

    @Nested
    class RecordingAnOutcome {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenOutcome_thenAuditRecordAndOneRowPerRoleAreStored(Db db) {
            Store store = databases.open(db, clock);

            RecordedOutcome recorded = store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), rolesOf("SG-1"));

            assertThat(recorded.rowsEnqueued()).isEqualTo(2);
            assertThat(recorded.audit()).hasValueSatisfying(a -> assertThat(a.sequence()).isEqualTo(1));
            assertThat(store.auditTrail().forRef("SG-1")).hasSize(1);
            assertThat(store.outbox().entries("SG-1")).hasSize(2);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSameOutcomeRecordedAgain_thenNothingNewIsWritten(Db db) {
            Store store = databases.open(db, clock);
            store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), rolesOf("SG-1"));

            RecordedOutcome again = store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), rolesOf("SG-1"));

            assertThat(again.duplicate()).isTrue();
            assertThat(store.auditTrail().forRef("SG-1")).hasSize(1);
            assertThat(store.outbox().entries("SG-1")).hasSize(2);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSecondOutboxInsertFails_thenTheAuditRecordAndFirstRowAreRolledBackToo(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store store = databases.open(fresh, clock);
            // A real database failure on one particular row: a constraint the schema does not normally have.
            new JdbcTemplate(databases.rawDataSource(fresh))
                    .execute("ALTER TABLE outbox ADD CONSTRAINT test_refuses_manager CHECK (role <> 'manager')");

            assertThatThrownBy(() -> store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), rolesOf("SG-1")))
                    .isInstanceOf(RuntimeException.class);

            assertThat(store.outbox().entries("SG-1")).isEmpty();
            assertThat(store.auditTrail().forRef("SG-1")).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            assertThat(store.acknowledgements().claimOverdue("w", Rows.T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
            // and the store carries on: the next escalation is recorded as record 1
            RecordedOutcome next = store.escalations()
                    .recordOutcome(Rows.raised("SG-2", Rows.T0), List.of(Rows.row("SG-2", "safeguarding_lead")));
            assertThat(next.audit()).hasValueSatisfying(a -> assertThat(a.sequence()).isEqualTo(1));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenAuditAppendFails_thenNoOutboxRowIsLeftBehind(Db db) {
            Store store = databases.open(db, clock);

            assertThatThrownBy(() -> store.escalations().recordOutcome(
                    new AuditEntry("escalation_raised", "SG-1", "not json", Rows.T0), rolesOf("SG-1")))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(store.outbox().entries("SG-1")).isEmpty();
        }
    }

    @Nested
    class Acknowledging {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoPeopleAcknowledge_thenTheFirstWins(Db db) {
            Acknowledgements acks = databases.open(db, clock).acknowledgements();

            AcknowledgeResult first = acks.acknowledge("SG-1", "safeguarding_lead", "U-first", Rows.T0);
            AcknowledgeResult second = acks.acknowledge("SG-1", "safeguarding_lead", "U-second", Rows.T0.plusSeconds(5));

            assertThat(first.first()).isTrue();
            assertThat(second.first()).isFalse();
            assertThat(second.standing().userId()).isEqualTo("U-first");
            assertThat(acks.find("SG-1", "safeguarding_lead")).contains(first.standing());
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenAcknowledgementsFromTwoInstancesAtOnce_thenExactlyOneIsFirstPerRole(Db db) throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Acknowledgements one = databases.open(fresh, clock).acknowledgements();
            Acknowledgements two = databases.open(fresh, clock).acknowledgements();
            List<Long> firsts = AtOnce.run(() -> firsts(one, "U-one"), () -> firsts(two, "U-two"));

            assertThat(firsts.get(0) + firsts.get(1)).isEqualTo(100);
        }

        private static long firsts(Acknowledgements acks, String user) {
            long firsts = 0;
            for (int i = 0; i < 100; i++) {
                if (acks.acknowledge("SG-" + i, "manager", user, Rows.T0).first()) {
                    firsts++;
                }
            }
            return firsts;
        }
    }

    @Nested
    class ReEscalating {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNoAcknowledgementBeforeTheDeadline_thenClaimedOnceAndTheBackupIsEnqueued(Db db) {
            Store store = databases.open(db, clock);
            store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), rolesOf("SG-1"));
            store.acknowledgements().acknowledge("SG-1", "safeguarding_lead", "U-lead", Rows.T0.plusSeconds(60));

            assertThat(store.acknowledgements().claimOverdue("w", Rows.T0.plus(Duration.ofMinutes(29)), LEASE, 10)).isEmpty();
            clock.advance(Duration.ofMinutes(30));
            List<OverdueAcknowledgement> overdue = store.acknowledgements().claimOverdue("w", clock.instant(), LEASE, 10);

            assertThat(overdue).singleElement().satisfies(o -> {
                assertThat(o.role()).isEqualTo("manager");
                assertThat(o.attempt()).isEqualTo(OutboxRow.INITIAL);
            });
            Optional<RecordedOutcome> recorded = store.escalations().recordReEscalation(overdue.getFirst(), "w",
                    new AuditEntry("re_escalated", "SG-1", "{\"role\":\"manager\"}", clock.instant()),
                    List.of(Rows.backup("SG-1", "manager", clock.instant())));

            assertThat(recorded).hasValueSatisfying(r -> assertThat(r.rowsEnqueued()).isEqualTo(1));
            assertThat(store.outbox().entries("SG-1")).extracting(e -> e.row().attempt())
                    .containsExactly("initial", "initial", "backup");
            clock.advance(Duration.ofHours(2));
            assertThat(store.acknowledgements().claimOverdue("other", clock.instant(), LEASE, 10)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenAcknowledgedAfterTheClaim_thenReEscalationWritesNothing(Db db) {
            Store store = databases.open(db, clock);
            store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), List.of(Rows.row("SG-1", "manager")));
            clock.advance(Duration.ofMinutes(31));
            OverdueAcknowledgement overdue =
                    store.acknowledgements().claimOverdue("w", clock.instant(), LEASE, 10).getFirst();

            store.acknowledgements().acknowledge("SG-1", "manager", "U-late", clock.instant());

            assertThat(store.escalations().recordReEscalation(overdue, "w",
                    new AuditEntry("re_escalated", "SG-1", "{}", clock.instant()),
                    List.of(Rows.backup("SG-1", "manager", clock.instant())))).isEmpty();
            assertThat(store.outbox().entries("SG-1")).hasSize(1);
            assertThat(store.auditTrail().forRef("SG-1")).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenClaimerDiedBeforeReEscalating_thenAnotherClaimsAfterTheLease(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store one = databases.open(fresh, clock);
            Store two = databases.open(fresh, clock);
            one.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), List.of(Rows.row("SG-1", "manager")));
            clock.advance(Duration.ofMinutes(31));
            OverdueAcknowledgement lost = one.acknowledgements().claimOverdue("one", clock.instant(), LEASE, 10).getFirst();

            assertThat(two.acknowledgements().claimOverdue("two", clock.instant(), LEASE, 10)).isEmpty();
            clock.advance(LEASE);
            List<OverdueAcknowledgement> taken = two.acknowledgements().claimOverdue("two", clock.instant(), LEASE, 10);

            assertThat(taken).hasSize(1);
            assertThat(one.escalations().recordReEscalation(lost, "one",
                    new AuditEntry("re_escalated", "SG-1", "{}", clock.instant()),
                    List.of(Rows.backup("SG-1", "manager", clock.instant())))).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenManyOverdueAndTwoInstancesClaimingAtOnce_thenEachIsClaimedByExactlyOne(Db db) throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store one = databases.open(fresh, clock);
            Store two = databases.open(fresh, clock);
            for (int i = 0; i < 200; i++) {
                one.outbox().enqueue(Rows.row("SG-" + i, "manager"));
            }
            clock.advance(Duration.ofHours(1));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = threads.submit(() -> claimAll(one.acknowledgements(), "one"));
                Future<Integer> b = threads.submit(() -> claimAll(two.acknowledgements(), "two"));

                assertThat(a.get() + b.get()).isEqualTo(200);
            } finally {
                threads.shutdownNow();
            }
        }

        private int claimAll(Acknowledgements acks, String worker) {
            int total = 0;
            List<OverdueAcknowledgement> batch;
            do {
                batch = acks.claimOverdue(worker, clock.instant(), LEASE, 7);
                for (OverdueAcknowledgement o : batch) {
                    assertThat(acks.markReEscalated(o, worker, clock.instant())).isTrue();
                }
                total += batch.size();
            } while (!batch.isEmpty());
            return total;
        }
    }
}
