package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.testkit.MutableClock;

class OutboxTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Rows.T0);

    @Nested
    class Enqueue {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSameIdempotencyKeyTwice_thenOneRowIsStored(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();

            assertThat(outbox.enqueue(Rows.row("SG-1", "safeguarding_lead"))).isTrue();
            assertThat(outbox.enqueue(Rows.row("SG-1", "safeguarding_lead"))).isFalse();

            assertThat(outbox.entries("SG-1")).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSameRoleWithInitialAndBackupAttempts_thenBothAreStored(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();

            outbox.enqueue(Rows.row("SG-1", "manager"));
            outbox.enqueue(Rows.backup("SG-1", "manager", Rows.T0));

            assertThat(outbox.entries("SG-1")).extracting(e -> e.row().idempotencyKey())
                    .containsExactly("SG-1/manager/initial", "SG-1/manager/backup");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRow_thenStoredAsPendingWithEveryFieldKept(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            var row = Rows.row("SG-2", "safeguarding_lead");

            outbox.enqueue(row);

            OutboxEntry entry = outbox.entries("SG-2").getFirst();
            assertThat(entry.row()).isEqualTo(row);
            assertThat(entry.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.nextAttemptAt()).isEqualTo(row.dueAt());
        }
    }

    @Nested
    class Claiming {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRowsDueLater_thenOnlyDueRowsAreClaimed(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-now", "safeguarding_lead"));
            outbox.enqueue(Rows.row("SG-later", "safeguarding_lead", Rows.T0.plus(Duration.ofMinutes(5))));

            List<OutboxMessage> claimed = outbox.claim("worker-a", clock.instant(), LEASE, 10);

            assertThat(claimed).extracting(m -> m.row().escalationRef()).containsExactly("SG-now");
            assertThat(claimed.getFirst().attempt()).isEqualTo(1);
            assertThat(claimed.getFirst().leaseUntil()).isEqualTo(Rows.T0.plus(LEASE));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRowsClaimedByOneWorker_thenAnotherGetsNoneUntilTheLeaseExpires(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            Rows.escalations("SG", 3).forEach(outbox::enqueue);
            assertThat(outbox.claim("worker-a", clock.instant(), LEASE, 10)).hasSize(6);

            assertThat(outbox.claim("worker-b", clock.instant().plusSeconds(59), LEASE, 10)).isEmpty();

            List<OutboxMessage> takenOver = outbox.claim("worker-b", clock.instant().plus(LEASE), LEASE, 10);
            assertThat(takenOver).hasSize(6).allSatisfy(m -> assertThat(m.leaseOwner()).isEqualTo("worker-b"));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenLeaseTakenOver_thenTheFirstWorkerCanNoLongerFailOrReleaseTheRow(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            long id = outbox.claim("worker-a", clock.instant(), LEASE, 1).getFirst().id();
            outbox.claim("worker-b", clock.instant().plus(LEASE), LEASE, 1);

            assertThat(outbox.markFailed(id, "worker-a", "timeout", clock.instant())).isFalse();
            assertThat(outbox.release(id, "worker-a")).isFalse();
            assertThat(outbox.entries("SG-1").getFirst().leaseOwner()).isEqualTo("worker-b");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenReleasedRow_thenClaimableAgainAtOnceWithoutCountingAnAttempt(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            long id = outbox.claim("worker-a", clock.instant(), LEASE, 1).getFirst().id();

            assertThat(outbox.release(id, "worker-a")).isTrue();

            List<OutboxMessage> again = outbox.claim("worker-b", clock.instant(), LEASE, 1);
            assertThat(again).singleElement().satisfies(m -> assertThat(m.attempt()).isEqualTo(1));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenMoreDueRowsThanAsked_thenOldestDueFirst(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-b", "manager", Rows.T0.minusSeconds(10)));
            outbox.enqueue(Rows.row("SG-a", "manager", Rows.T0.minusSeconds(20)));
            outbox.enqueue(Rows.row("SG-c", "manager", Rows.T0.minusSeconds(5)));

            assertThat(outbox.claim("w", clock.instant(), LEASE, 2)).extracting(m -> m.row().escalationRef())
                    .containsExactly("SG-a", "SG-b");
        }
    }

    @Nested
    class Outcomes {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenDelivered_thenNotClaimedAgainAndMessageIdKept(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            long id = outbox.claim("w", clock.instant(), LEASE, 1).getFirst().id();

            assertThat(outbox.markDelivered(id, "w", "1700000000.000100", clock.instant())).isTrue();
            assertThat(outbox.markDelivered(id, "w", "again", clock.instant())).isFalse();

            assertThat(outbox.claim("w", clock.instant().plus(Duration.ofHours(1)), LEASE, 1)).isEmpty();
            OutboxEntry entry = outbox.entries("SG-1").getFirst();
            assertThat(entry.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(entry.platformMessageId()).isEqualTo("1700000000.000100");
            assertThat(entry.attempts()).isEqualTo(1);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenFirstNoticeDelivered_thenItsMessageIdIsFoundForThatRoleAndPlatformOnly(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            outbox.enqueue(Rows.row("SG-1", "safeguarding_lead"));
            outbox.enqueue(Rows.backup("SG-1", "manager", Rows.T0));
            assertThat(outbox.deliveredMessageId("SG-1", "manager", "console")).as("not delivered yet").isEmpty();
            for (OutboxMessage m : outbox.claim("w", clock.instant(), LEASE, 10)) {
                if (m.row().role().equals("manager")) {
                    outbox.markDelivered(m.id(), "w", m.row().attempt() + ":ts-" + m.id(), clock.instant());
                } else {
                    outbox.markDead(m.id(), "w", "channel_not_found", clock.instant());
                }
            }

            assertThat(outbox.deliveredMessageId("SG-1", "manager", "console")).hasValueSatisfying(
                    id -> assertThat(id).startsWith(OutboxRow.INITIAL + ":"));
            assertThat(outbox.deliveredMessageId("SG-1", "manager", "slack")).isEmpty();
            assertThat(outbox.deliveredMessageId("SG-1", "safeguarding_lead", "console")).as("dead").isEmpty();
            assertThat(outbox.deliveredMessageId("SG-2", "manager", "console")).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenFailure_thenAttemptCountedAndRowWaitsUntilItsNextAttempt(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            long id = outbox.claim("w", clock.instant(), LEASE, 1).getFirst().id();
            Instant next = clock.instant().plusSeconds(30);

            assertThat(outbox.markFailed(id, "w", "ratelimited", next)).isTrue();

            assertThat(outbox.claim("w", next.minusMillis(1), LEASE, 1)).isEmpty();
            assertThat(outbox.claim("w", next, LEASE, 1)).singleElement()
                    .satisfies(m -> assertThat(m.attempt()).isEqualTo(2));
            assertThat(outbox.entries("SG-1").getFirst().lastError()).isEqualTo("ratelimited");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenDeadRow_whenOperatorRetries_thenDueAgain(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            long id = outbox.claim("w", clock.instant(), LEASE, 1).getFirst().id();
            outbox.markDead(id, "w", "channel_not_found", clock.instant());
            assertThat(outbox.claim("w", clock.instant().plus(Duration.ofDays(1)), LEASE, 1)).isEmpty();
            assertThat(outbox.depth().dead()).isEqualTo(1);

            clock.advance(Duration.ofHours(2));
            assertThat(outbox.retry("SG-1", clock.instant())).isEqualTo(1);

            assertThat(outbox.claim("w", clock.instant(), LEASE, 1)).hasSize(1);
        }
    }

    @Nested
    class OperatorViews {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenDeliveredButUnacknowledged_thenStillOpenUntilEveryRoleAcknowledges(Db db) {
            Store store = databases.open(db, clock);
            Outbox outbox = store.outbox();
            Rows.escalations("SG", 1).forEach(outbox::enqueue);
            outbox.enqueue(Rows.withoutDeadline("SG-quiet", "safeguarding_lead"));
            for (OutboxMessage m : outbox.claim("w", clock.instant(), LEASE, 10)) {
                outbox.markDelivered(m.id(), "w", "ts-" + m.id(), clock.instant());
            }

            assertThat(outbox.openEscalations()).extracting(OpenEscalation::ref).containsExactly("SG-0");

            store.acknowledgements().acknowledge("SG-0", "safeguarding_lead", "U-lead", clock.instant());
            assertThat(outbox.openEscalations()).singleElement()
                    .satisfies(open -> assertThat(open.acknowledgements()).hasSize(1));

            store.acknowledgements().acknowledge("SG-0", "manager", "U-manager", clock.instant());
            assertThat(outbox.openEscalations()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenWaitingRows_thenDepthCountsThemAndTheOldestAge(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager", Rows.T0.minusSeconds(90)));
            outbox.enqueue(Rows.row("SG-2", "manager", Rows.T0));

            var depth = outbox.depth();

            assertThat(depth.pending()).isEqualTo(2);
            assertThat(depth.oldestAge(Rows.T0)).isEqualTo(Duration.ofSeconds(90));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenEmptyOutbox_thenDepthIsZero(Db db) {
            var depth = databases.open(db, clock).outbox().depth();

            assertThat(depth.pending()).isZero();
            assertThat(depth.oldestDue()).isEmpty();
        }
    }
}
