package org.sga.core.escalation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipts of the latest deliveries a notifier made in this process, by idempotency key. When the outbox could not
 * record a delivery and hands the same message over again, the notifier answers with the first receipt instead of
 * posting twice. Safe for concurrent use; the oldest receipts are forgotten beyond a fixed number.
 */
public final class RecentDeliveries {

    private static final int REMEMBERED = 10_000;

    private final Map<String, DeliveryReceipt> receipts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryReceipt> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The receipt of an earlier delivery of {@code idempotencyKey} in this process, if one is remembered. */
    public synchronized Optional<DeliveryReceipt> earlier(String idempotencyKey) {
        return Optional.ofNullable(receipts.get(idempotencyKey));
    }

    public synchronized void remember(String idempotencyKey, DeliveryReceipt receipt) {
        receipts.put(Objects.requireNonNull(idempotencyKey, "idempotencyKey"), Objects.requireNonNull(receipt, "receipt"));
    }
}
