package org.sga.core.escalation;

/** Posts an outbox message to its platform (Slack, Teams, the console). */
@FunctionalInterface
public interface Notifier {

    /**
     * Posts the message to {@code message.row().channelTarget()}. A message may arrive more than once
     * (delivery is at least once); {@link OutboxMessage#idempotencyKey()} tells repeats apart.
     *
     * @throws DeliveryException when the platform refused or failed; say whether retrying can help
     */
    DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException;
}
