package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.Backoff;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.testkit.MutableClock;

class OutboxWorkerTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Backoff NO_JITTER = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 2.0, 0.0);

    private final MutableClock clock = new MutableClock(Rows.T0.plusSeconds(1));

    private static OutboxWorker.Settings settings(String workerId) {
        return OutboxWorker.Settings.defaults(workerId)
                .withLease(LEASE, Duration.ofSeconds(5))
                .withBatch(25, Duration.ofMillis(10))
                .withRetries(NO_JITTER, Integer.MAX_VALUE);
    }

    private OutboxWorker worker(Outbox outbox, Notifier notifier, String workerId) {
        return new OutboxWorker(outbox, notifier, clock, settings(workerId));
    }

    @Nested
    class ClaimedOnce {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenThousandRowsAndTwoWorkersOnTwoInstances_whenBothRunAtOnce_thenEachRowIsDeliveredExactlyOnce(Db db)
                throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store instanceOne = databases.open(fresh, clock);
            Store instanceTwo = databases.open(fresh, clock);
            Rows.escalations("SG", 500).forEach(instanceOne.outbox()::enqueue);
            CountingNotifier platform = new CountingNotifier();

            try (OutboxWorker one = worker(instanceOne.outbox(), platform, "one");
                 OutboxWorker two = worker(instanceTwo.outbox(), platform, "two")) {
                one.start();
                two.start();
                platform.awaitTotal(1_000, Duration.ofSeconds(90));
                platform.staysAt(1_000, Duration.ofMillis(200));
            }

            assertThat(platform.total()).isEqualTo(1_000);
            assertThat(platform.distinct()).isEqualTo(1_000);
            assertThat(platform.repeats()).isEmpty();
            assertThat(instanceTwo.outbox().depth().pending()).isZero();
        }
    }

    @Nested
    class LeaseExpiry {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenWorkerDiedHoldingClaims_whenItsLeaseExpires_thenAnotherWorkerDeliversThemOnce(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store dying = databases.open(fresh, clock);
            Rows.escalations("SG", 5).forEach(dying.outbox()::enqueue);
            assertThat(dying.outbox().claim("worker-a", clock.instant(), LEASE, 10)).hasSize(10);
            dying.close(); // worker A's process is gone, its claims still in the table

            CountingNotifier platform = new CountingNotifier();
            try (OutboxWorker b = worker(databases.open(fresh, clock).outbox(), platform, "worker-b")) {
                assertThat(b.runOnce().claimed()).isZero();

                clock.advance(LEASE);
                assertThat(b.runOnce().delivered()).isEqualTo(10);
            }
            assertThat(platform.distinct()).isEqualTo(10);
            assertThat(platform.repeats()).isEmpty();
        }
    }

    @Nested
    class Failures {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRetryableFailure_thenBacksOffExponentiallyAndDeliversLater(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "safeguarding_lead"));
            AtomicInteger calls = new AtomicInteger();
            Notifier flaky = m -> {
                if (calls.incrementAndGet() <= 2) {
                    throw DeliveryException.retryable("service_unavailable");
                }
                return new DeliveryReceipt("ts-1");
            };

            try (OutboxWorker w = worker(outbox, flaky, "w")) {
                Instant failedAt = clock.instant();
                assertThat(w.runOnce().retrying()).isEqualTo(1);
                OutboxEntry afterFirst = outbox.entries("SG-1").getFirst();
                assertThat(afterFirst.attempts()).isEqualTo(1);
                assertThat(afterFirst.lastError()).isEqualTo("service_unavailable");
                assertThat(afterFirst.nextAttemptAt()).isEqualTo(failedAt.plusSeconds(2));

                assertThat(w.runOnce().claimed()).isZero();
                clock.advance(Duration.ofSeconds(2));
                assertThat(w.runOnce().retrying()).isEqualTo(1);
                assertThat(outbox.entries("SG-1").getFirst().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(4));

                clock.advance(Duration.ofSeconds(4));
                assertThat(w.runOnce().delivered()).isEqualTo(1);
            }
            OutboxEntry done = outbox.entries("SG-1").getFirst();
            assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(done.attempts()).isEqualTo(3);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenPlatformAsksToWaitLongerThanTheBackoff_thenWaitsAsAsked(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            Notifier rateLimited = m -> {
                throw DeliveryException.retryAfter("ratelimited", Duration.ofSeconds(30));
            };

            try (OutboxWorker w = worker(outbox, rateLimited, "w")) {
                w.runOnce();
            }

            assertThat(outbox.entries("SG-1").getFirst().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenPermanentFailure_thenRowIsDeadAndNotRetried(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            AtomicInteger calls = new AtomicInteger();
            Notifier unknownChannel = m -> {
                calls.incrementAndGet();
                throw DeliveryException.permanent("channel_not_found");
            };

            try (OutboxWorker w = worker(outbox, unknownChannel, "w")) {
                assertThat(w.runOnce().dead()).isEqualTo(1);
                clock.advance(Duration.ofHours(1));
                assertThat(w.runOnce().claimed()).isZero();
            }

            assertThat(calls).hasValue(1);
            assertThat(outbox.entries("SG-1").getFirst()).satisfies(e -> {
                assertThat(e.status()).isEqualTo(DeliveryStatus.DEAD);
                assertThat(e.lastError()).isEqualTo("channel_not_found");
            });
            assertThat(outbox.openEscalations()).extracting(o -> o.ref()).containsExactly("SG-1");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNotifierThrowsUnexpectedly_thenRetryableWithTheExceptionClassAsCode(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            Notifier broken = m -> {
                throw new IllegalStateException("text that must not be stored: " + m.row().payload());
            };

            try (OutboxWorker w = worker(outbox, broken, "w")) {
                assertThat(w.runOnce().retrying()).isEqualTo(1);
            }

            assertThat(outbox.entries("SG-1").getFirst().lastError()).isEqualTo("notifier_IllegalStateException");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenHungNotifier_thenDeliveryIsTimedOutAndRetriedLater(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            outbox.enqueue(Rows.row("SG-2", "manager"));
            CountDownLatch never = new CountDownLatch(1);
            Notifier hung = m -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw DeliveryException.retryable("interrupted");
            };
            OutboxWorker.Settings quick = settings("w").withLease(LEASE, Duration.ofMillis(300));

            long started = System.nanoTime();
            OutboxWorker.RunResult result;
            try (OutboxWorker w = new OutboxWorker(outbox, hung, clock, quick)) {
                result = w.runOnce();
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(result.retrying()).isEqualTo(2);
            assertThat(outbox.entries("SG-1").getFirst()).satisfies(e -> {
                assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(e.lastError()).isEqualTo("timeout");
                assertThat(e.nextAttemptAt()).isAfter(clock.instant());
            });
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenLeaseTooShortForTheDeliveryTimeLeft_thenRowIsReleasedNotStarted(Db db) {
            Outbox outbox = databases.open(db, clock).outbox();
            outbox.enqueue(Rows.row("SG-1", "manager"));
            CountingNotifier platform = new CountingNotifier();
            // The worker's clock jumps between claiming and posting, as after a long stall.
            AtomicInteger reads = new AtomicInteger();
            Clock stalling = new Clock() {
                @Override
                public Instant instant() {
                    return reads.incrementAndGet() == 1 ? clock.instant() : clock.instant().plus(LEASE);
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }
            };
            OutboxWorker w = new OutboxWorker(outbox, platform, stalling, settings("w"));

            try (w) {
                assertThat(w.runOnce().released()).isEqualTo(1);
            }

            assertThat(platform.total()).isZero();
            assertThat(outbox.claim("other", clock.instant(), LEASE, 1)).hasSize(1);
        }
    }

    @Nested
    class StoppingAndRestarting {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenWorkerStoppedMidway_whenNewInstanceStartsOnTheSameStore_thenNothingIsLostOrDuplicated(Db db)
                throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store first = databases.open(fresh, clock);
            Rows.escalations("SG", 100).forEach(first.outbox()::enqueue);
            CountingNotifier platform = new CountingNotifier(Duration.ofMillis(3));

            OutboxWorker before = worker(first.outbox(), platform, "before-restart");
            before.start();
            platform.awaitTotal(50, Duration.ofSeconds(30));
            before.close();
            first.close();
            int deliveredBefore = platform.total();
            assertThat(deliveredBefore).isBetween(50, 199);

            Store second = databases.open(fresh, clock);
            // Same clock: rows the stopped worker had claimed were released, not left to a lease.
            try (OutboxWorker after = worker(second.outbox(), platform, "after-restart")) {
                after.start();
                platform.awaitTotal(200, Duration.ofSeconds(30));
                platform.staysAt(200, Duration.ofMillis(100));
            }

            assertThat(platform.total()).isEqualTo(200);
            assertThat(platform.repeats()).isEmpty();
            assertThat(second.outbox().depth().pending()).isZero();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenProcessKilledMidDelivery_whenNewInstanceStartsAfterTheLease_thenTheRestIsDeliveredOnce(Db db)
                throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store doomed = databases.open(fresh, clock);
            Rows.escalations("SG", 50).forEach(doomed.outbox()::enqueue);
            CountingNotifier platform = new CountingNotifier();
            AtomicBoolean killed = new AtomicBoolean();
            CountDownLatch frozen = new CountDownLatch(1);
            Set<String> inFlightWhenKilled = ConcurrentHashMap.newKeySet();
            Notifier freezesWhenKilled = m -> {
                if (killed.get() || platform.total() >= 30) {
                    killed.set(true);
                    inFlightWhenKilled.add(m.idempotencyKey());
                    frozen.countDown();
                    try {
                        new CountDownLatch(1).await(); // the process is gone: this post never completes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw DeliveryException.retryable("killed");
                }
                return platform.deliver(m);
            };

            OutboxWorker victim = worker(doomed.outbox(), freezesWhenKilled, "victim");
            victim.start();
            assertThat(frozen.await(30, TimeUnit.SECONDS)).isTrue();
            doomed.close(); // the connections die with the process; nothing more reaches the database

            clock.advance(LEASE);
            Store survivor = databases.open(fresh, clock);
            try (OutboxWorker rescuer = worker(survivor.outbox(), platform, "rescuer")) {
                rescuer.start();
                platform.awaitTotal(100, Duration.ofSeconds(30));
                platform.staysAt(100, Duration.ofMillis(100));
            } finally {
                victim.close();
            }

            assertThat(platform.total()).isEqualTo(100);
            assertThat(platform.repeats()).isEmpty();
            assertThat(inFlightWhenKilled).hasSize(1);
            assertThat(survivor.outbox().depth().pending()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenStartedTwice_thenRefused(Db db) {
        try (OutboxWorker w = worker(databases.open(db, clock).outbox(), new CountingNotifier(), "w")) {
            w.start();
            assertThatThrownBy(w::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
