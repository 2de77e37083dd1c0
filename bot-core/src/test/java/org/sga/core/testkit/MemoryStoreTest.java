package org.sga.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.StaleConversationException;
import org.sga.core.escalation.ChaseStep;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;

/** The in-memory ports keep the contracts the JDBC stores are tested against in bot-app, as far as the rules rely on them. */
class MemoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryStore store = new MemoryStore(clock);

    private static OutboxRow notice(String ref, String role) {
        return new OutboxRow(ref, role, OutboxRow.INITIAL, "slack", role + "-channel", "{}", "URGENT", T0,
                T0.plus(Duration.ofMinutes(30)));
    }

    @Nested
    class Transactions {

        @Test
        void givenWorkThatThrows_thenEveryTableIsAsBefore() {
            store.outbox().enqueue(notice("SG-1", "manager"));

            assertThatThrownBy(() -> store.unitOfWork().run(() -> {
                store.outbox().enqueue(notice("SG-2", "manager"));
                store.auditTrail().append(new AuditEntry("raised", "SG-2", "{}", T0));
                throw new IllegalStateException("the platform went away");
            })).hasMessage("the platform went away");

            assertThat(store.outbox().entries("SG-2")).isEmpty();
            assertThat(store.acknowledgements().chase("SG-2")).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            assertThat(store.outbox().entries("SG-1")).hasSize(1);
        }
    }

    @Nested
    class Conversations {

        private final ConversationKey key = new ConversationKey("slack", "D1", "U1");

        @Test
        void givenASaveFromAnOutdatedVersion_thenItIsRefused() {
            ConversationState first = store.conversations().save(key, "triage", "stage=ASKING\n", ConversationState.NEW);
            store.conversations().save(key, "triage", "stage=NOTE\n", first.version());

            assertThatThrownBy(() -> store.conversations().save(key, "triage", "stage=DONE\n", first.version()))
                    .isInstanceOf(StaleConversationException.class);
            assertThat(store.conversations().load(key)).get().extracting(ConversationState::data).isEqualTo("stage=NOTE\n");
        }

        @Test
        void givenRetention_thenOnlyConversationsNotUpdatedSinceTheCutoffAreForgotten() {
            store.conversations().save(key, "triage", "stage=ASKING\n", ConversationState.NEW);
            clock.advance(Duration.ofHours(2));
            ConversationKey recent = new ConversationKey("slack", "D2", "U2");
            store.conversations().save(recent, "triage", "stage=ASKING\n", ConversationState.NEW);

            assertThat(store.conversations().deleteNotUpdatedSince(T0.plus(Duration.ofHours(1)))).isEqualTo(1);
            assertThat(store.conversations().load(key)).isEmpty();
            assertThat(store.conversations().load(recent)).isPresent();
        }
    }

    @Nested
    class Outbox {

        @Test
        void givenTheSameIdempotencyKeyTwice_thenOneRowAndOneChase() {
            assertThat(store.outbox().enqueue(notice("SG-1", "manager"))).isTrue();
            assertThat(store.outbox().enqueue(notice("SG-1", "manager"))).isFalse();

            assertThat(store.outbox().entries("SG-1")).hasSize(1);
            assertThat(store.acknowledgements().chase("SG-1")).singleElement()
                    .extracting(ChaseStep::state).isEqualTo(ChaseStep.State.WAITING);
        }

        @Test
        void givenAClaimedRow_thenNobodyElseGetsItUntilTheLeaseRunsOut() {
            store.outbox().enqueue(notice("SG-1", "manager"));

            List<OutboxMessage> first = store.outbox().claim("w1", T0, Duration.ofMinutes(1), 10);
            assertThat(first).singleElement().extracting(OutboxMessage::attempt).isEqualTo(1);
            assertThat(store.outbox().claim("w2", T0.plusSeconds(30), Duration.ofMinutes(1), 10)).isEmpty();
            assertThat(store.outbox().markFailed(first.getFirst().id(), "w2", "not_mine", T0)).isFalse();

            List<OutboxMessage> taken = store.outbox().claim("w2", T0.plusSeconds(61), Duration.ofMinutes(1), 10);
            assertThat(taken).singleElement().extracting(OutboxMessage::leaseOwner).isEqualTo("w2");
            assertThat(store.outbox().markDelivered(taken.getFirst().id(), "w2", "ts-1", T0.plusSeconds(62))).isTrue();
            assertThat(store.outbox().entries("SG-1")).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(e.platformMessageId()).isEqualTo("ts-1");
            });
            assertThat(store.outbox().deliveredMessageId("SG-1", "manager", "slack")).contains("ts-1");
        }

        @Test
        void givenAnUnacknowledgedRole_thenTheEscalationStaysOpenUntilItAcknowledges() {
            store.outbox().enqueue(notice("SG-1", "manager"));
            OutboxMessage m = store.outbox().claim("w1", T0, Duration.ofMinutes(1), 10).getFirst();
            store.outbox().markDelivered(m.id(), "w1", "ts-1", T0);
            assertThat(store.outbox().openEscalations()).hasSize(1);

            assertThat(store.acknowledgements().acknowledge("SG-1", "manager", "U0DSL", T0).first()).isTrue();
            assertThat(store.acknowledgements().acknowledge("SG-1", "manager", "U0OTHER", T0).standing().userId())
                    .isEqualTo("U0DSL");

            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(store.acknowledgements().chase("SG-1")).singleElement()
                    .extracting(ChaseStep::state).isEqualTo(ChaseStep.State.ACKNOWLEDGED);
            assertThat(store.acknowledgements().claimOverdue("r1", T0.plus(Duration.ofHours(1)), Duration.ofMinutes(1), 10))
                    .isEmpty();
        }
    }

    @Nested
    class AuditTrail {

        private final AuditSigningKey key = AuditSigningKey.of("invented-test-key-0123456789-abcdefghij");

        @Test
        void givenAppendsAndAPurge_thenTheRestStillVerifiesAgainstTheCheckpoint() {
            for (int i = 0; i < 5; i++) {
                store.auditTrail().append(new AuditEntry("raised", "SG-" + i, "{}", T0.plusSeconds(i)));
            }

            assertThat(store.auditTrail().purgeBefore(T0.plusSeconds(3), key, 10).recordsPurged()).isEqualTo(3);

            assertThat(store.auditTrail().verify(key).ok()).isTrue();
            assertThat(store.auditTrail().verify(key).recordsChecked()).isEqualTo(2);
            assertThat(store.auditTrail().checkpoints()).singleElement().satisfies(c -> {
                assertThat(c.firstSequence()).isEqualTo(1);
                assertThat(c.lastSequence()).isEqualTo(3);
            });
            assertThat(store.auditTrail().forRef("SG-4")).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(5));
        }
    }
}
