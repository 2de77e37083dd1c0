package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;

/** An outbox row claimed by a worker for delivery; {@code attempt} counts from 1. */
public record OutboxMessage(long id, OutboxRow row, int attempt, String leaseOwner, Instant leaseUntil) {

    public OutboxMessage {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1");
        }
    }

    /** Passed on to the platform where it can de-duplicate, since a message may be delivered more than once. */
    public String idempotencyKey() {
        return row.idempotencyKey();
    }
}
