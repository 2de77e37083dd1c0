package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox row as stored, for operators and metrics. {@code lastError}, {@code deliveredAt},
 * {@code platformMessageId}, {@code leaseOwner} and {@code leaseUntil} are null until they apply.
 */
public record OutboxEntry(
        long id,
        OutboxRow row,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant deliveredAt,
        String platformMessageId,
        String leaseOwner,
        Instant leaseUntil,
        Instant createdAt) {

    public OutboxEntry {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
