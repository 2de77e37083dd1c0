package org.sga.app.escalation;

import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.DelayNotices;
import org.sga.core.escalation.OpenEscalation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.DSL_CHANNEL;
import static org.sga.core.testkit.EscalationFixture.MANAGER_CHANNEL;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.REPORTER;
import static org.sga.core.testkit.EscalationFixture.onSlack;
import static org.sga.core.testkit.EscalationFixture.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Raised;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.sga.core.testkit.RecordingPlatform;

class DeliveringEscalationsTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);

    @Test
    void givenARaisedEscalation_thenEachRoleReceivesItsNoticeOnItsChannel() {
        EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
        RecordingPlatform platform = new RecordingPlatform();
        Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

        try (OutboxWorker worker = f.worker("w1", platform)) {
            worker.runOnce();
        }

        assertThat(platform.posted()).extracting(RecordingPlatform.Posted::target)
                .containsExactlyInAnyOrder(MANAGER_CHANNEL, DSL_CHANNEL);
        assertThat(platform.postedTo(DSL_CHANNEL)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(raised.reference() + "/safeguarding_lead/initial");
            assertThat(p.text()).contains("For: Designated safeguarding lead");
        });
    }

    @Nested
    class KilledMidway {

        @Test
        void givenTheWorkerStoppedMidway_whenANewOneStartsOnTheSameStore_thenEveryNoticeArrivesExactlyOnce()
                throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(Db.H2);
            EscalationFixture first = new EscalationFixture(TestDatabases.ports(databases.open(fresh, clock)), clock);
            List<String> refs = raiseTwenty(first);
            RecordingPlatform platform = new RecordingPlatform().taking(Duration.ofMillis(15));

            OutboxWorker dying = first.deliveringOnly("dying", platform);
            dying.start();
            awaitPosted(platform, 10);
            dying.close();
            int beforeTheRestart = platform.posted().size();
            Store restarted = databases.open(fresh, clock);
            EscalationFixture afterRestart = new EscalationFixture(TestDatabases.ports(restarted), clock);
            try (OutboxWorker next = afterRestart.deliveringOnly("next", platform)) {
                next.start();
                awaitPosted(platform, 40);
            }

            assertThat(beforeTheRestart).isBetween(10, 39);
            assertThat(platform.posted()).hasSize(40);
            assertThat(platform.repeats()).isEmpty();
            assertAllDelivered(restarted, refs);
        }

        @Test
        void givenAWorkerKilledHoldingClaims_whenItsLeaseRunsOut_thenAnotherInstanceDeliversThemExactlyOnce() {
            TestDatabases.Fresh fresh = databases.fresh(Db.H2);
            Store killedInstance = databases.open(fresh, clock);
            List<String> refs = raiseTwenty(new EscalationFixture(TestDatabases.ports(killedInstance), clock));
            // The killed process had claimed ten notices and posted none of them.
            assertThat(killedInstance.outbox().claim("killed", clock.instant(), Duration.ofSeconds(60), 10)).hasSize(10);
            Store survivor = databases.open(fresh, clock);
            RecordingPlatform platform = new RecordingPlatform();

            EscalationFixture onSurvivor = new EscalationFixture(TestDatabases.ports(survivor), clock);
            try (OutboxWorker worker = onSurvivor.deliveringOnly("survivor", platform)) {
                assertThat(worker.runOnce().delivered()).isEqualTo(30);
                clock.advance(Duration.ofSeconds(61));
                assertThat(worker.runOnce().delivered()).isEqualTo(10);
                assertThat(worker.runOnce().claimed()).isZero();
            }

            assertThat(platform.posted()).hasSize(40);
            assertThat(platform.repeats()).isEmpty();
            assertAllDelivered(survivor, refs);
        }

        private List<String> raiseTwenty(EscalationFixture f) {
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                refs.add(f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null).reference());
            }
            return refs;
        }
    }

    @Nested
    class PlatformFaults {

        @Test
        void givenAPlatformThatFailsTwiceForEachNotice_thenEachIsRetriedAndArrivesOnce() {
            EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
            RecordingPlatform platform = new RecordingPlatform().failingFirst(2);
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            try (OutboxWorker worker = f.deliveringOnly("w1", platform)) {
                assertThat(worker.runOnce().retrying()).isEqualTo(2);
                clock.advance(Duration.ofSeconds(1));
                assertThat(worker.runOnce().claimed()).isZero(); // backing off
                clock.advance(Duration.ofSeconds(2));
                assertThat(worker.runOnce().retrying()).isEqualTo(2);
                clock.advance(Duration.ofSeconds(5));
                assertThat(worker.runOnce().delivered()).isEqualTo(2);
            }

            assertThat(platform.posted()).hasSize(2);
            assertThat(f.store.outbox().entries(raised.reference())).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(e.attempts()).isEqualTo(3);
            });
        }

        @Test
        void givenADelayedNotice_thenTheReporterIsToldOncePerRole() {
            EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
            RecordingPlatform platform = new RecordingPlatform().failingFirst(2);
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            DelayNotices delays = new DelayNotices(f.records, f.store.outbox(), clock);

            try (OutboxWorker worker = new OutboxWorker(f.store.outbox(), platform, clock,
                    EscalationFixture.workerSettings("w1", Duration.ofSeconds(5)), delays)) {
                // DelayNotices alone: the reporter's word once the notices are delivered is another listener's.
                worker.runOnce();
                clock.advance(Duration.ofSeconds(3));
                worker.runOnce();
                clock.advance(Duration.ofSeconds(10));
                worker.runOnce();
                clock.advance(Duration.ofSeconds(30));
                worker.runOnce();
            }

            List<OutboxRow> toReporter = f.store.outbox().entries(raised.reference()).stream().map(e -> e.row())
                    .filter(r -> r.role().equals("reporter")).toList();
            assertThat(toReporter).extracting(OutboxRow::attempt)
                    .containsExactlyInAnyOrder("delayed-manager", "delayed-safeguarding_lead");
            assertThat(toReporter).allSatisfy(r -> {
                assertThat(r.channelTarget()).isEqualTo("D0" + REPORTER);
                assertThat(r.payload()).contains(raised.reference()).contains("being retried");
            });
            assertThat(platform.postedTo("D0" + REPORTER)).hasSize(2);
        }

        @Test
        void givenNoNoticeCanBeDelivered_thenTheReporterIsToldOnceWithThePhoneNumbers_andItIsCountedAsUnreached() {
            EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
            List<OutboxMessage> toReporter = new java.util.concurrent.CopyOnWriteArrayList<>();
            Notifier channelGone = m -> {
                if (!m.row().role().equals("reporter")) {
                    throw DeliveryException.permanent("channel_not_found");
                }
                toReporter.add(m);
                return new DeliveryReceipt("D:1");
            };
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Logger core = java.util.logging.Logger.getLogger("org.sga.core.escalation");
            java.util.logging.Handler capture = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord r) {
                    if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                        warnings.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            core.addHandler(capture);
            try (OutboxWorker worker = f.worker("w1", channelGone)) {
                worker.runOnce();
                worker.runOnce();
            } finally {
                core.removeHandler(capture);
            }

            assertThat(toReporter).singleElement().satisfies(m -> {
                assertThat(m.row().attempt()).isEqualTo("told-initial");
                assertThat(m.row().payload()).contains(raised.reference(), "could not be delivered to anyone",
                        "Please phone now the designated safeguarding lead (Robin Example) on 01632 960001",
                        "(Kit Example) on 01632 960002", "call 999");
            });
            assertThat(f.store.outbox().depth().unreached()).isEqualTo(1);
            assertThat(f.store.outbox().openEscalations()).extracting(OpenEscalation::ref).contains(raised.reference());
            assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(raised.reference() + ": every notice failed,"
                    + " nobody has been reached"));
            assertThat(warnings).noneMatch(w -> w.contains("Safeguarding escalation") || w.contains("phone"));
        }

        @Test
        void givenOneRolesNoticeFails_thenTheReporterIsToldWhoHasItAndWhomToPhone() {
            EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
            RecordingPlatform platform = new RecordingPlatform();
            Notifier managersGone = m -> {
                if (m.row().role().equals("manager")) {
                    throw DeliveryException.permanent("channel_not_found");
                }
                return platform.deliver(m);
            };
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            try (OutboxWorker worker = f.worker("w1", managersGone)) {
                worker.runOnce();
                worker.runOnce();
            }

            assertThat(platform.postedTo("D0" + REPORTER)).singleElement().satisfies(p -> assertThat(p.text())
                    .contains("has been delivered to the designated safeguarding lead (Robin Example)",
                            "could not be delivered to the line manager", "acknowledge by 10:30"));
            assertThat(f.store.outbox().depth().unreached()).isZero();
        }

        @Test
        void givenAPlatformThatHangs_thenTheDeliveryTimesOutAndIsRetried() {
            EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
            RecordingPlatform platform = new RecordingPlatform().hangingFirst(1);
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            try (OutboxWorker worker = new OutboxWorker(f.store.outbox(), platform, clock,
                    EscalationFixture.workerSettings("w1", Duration.ofMillis(300)))) {
                assertThat(worker.runOnce().retrying()).isEqualTo(2);
                assertThat(f.store.outbox().entries(raised.reference()))
                        .allSatisfy(e -> assertThat(e.lastError()).isEqualTo("timeout"));
                clock.advance(Duration.ofSeconds(3));
                assertThat(worker.runOnce().delivered()).isEqualTo(2);
            }

            assertThat(platform.posted()).hasSize(2);
            assertThat(platform.repeats()).isEmpty();
        }
    }

    private static void awaitPosted(RecordingPlatform platform, int count) {
        await(count + " notices posted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> platform.posted().size() >= count);
    }

    private static void assertAllDelivered(Store store, List<String> refs) {
        for (String ref : refs) {
            assertThat(store.outbox().entries(ref)).hasSize(2)
                    .extracting(OutboxEntry::status).containsOnly(DeliveryStatus.DELIVERED);
        }
    }
}
