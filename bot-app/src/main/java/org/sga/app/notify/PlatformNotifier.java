package org.sga.app.notify;

import java.util.Map;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;

/** Hands each outbox message to the notifier of its row's platform ({@code slack}, {@code teams}, {@code console}). */
public final class PlatformNotifier implements Notifier {

    private final Map<String, Notifier> byPlatform;

    public PlatformNotifier(Map<String, Notifier> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        Notifier notifier = byPlatform.get(message.row().platform());
        if (notifier == null) {
            // Not retryable: no instance of this configuration can deliver it; it shows in "escalations list --open".
            throw DeliveryException.permanent("no_notifier_for_" + message.row().platform());
        }
        return notifier.deliver(message);
    }
}
