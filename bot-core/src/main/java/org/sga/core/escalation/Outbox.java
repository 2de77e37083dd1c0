package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable queue of escalation notices. Rows are claimed with a lease, so any number of workers on any
 * number of instances share them, and a crashed worker's rows are taken over once its lease expires.
 * Delivered rows keep the platform's message id, which is how the outbox answers {@link FirstNotices}.
 */
public interface Outbox extends FirstNotices {

    /**
     * Stores the row unless one with the same idempotency key exists; returns whether it was new.
     * A row with an acknowledgement deadline also starts the chase for that role.
     */
    boolean enqueue(OutboxRow row);

    /** Leases up to {@code max} pending rows due by {@code now} to {@code workerId} until {@code now + lease}. */
    List<OutboxMessage> claim(String workerId, Instant now, Duration lease, int max);

    /** Records delivery; returns false when the row was already delivered or is no longer pending. */
    boolean markDelivered(long id, String workerId, String platformMessageId, Instant at);

    /**
     * Counts a failed attempt and schedules the next one; {@code errorCode} is a short code, never message
     * text. Returns false when the worker no longer holds the lease (someone else has the row now).
     */
    boolean markFailed(long id, String workerId, String errorCode, Instant nextAttemptAt);

    /** Counts a failed attempt that retrying cannot fix and stops delivery; false when the lease was lost. */
    boolean markDead(long id, String workerId, String errorCode, Instant at);

    /** Gives the row back without counting an attempt, e.g. when stopping; false when the lease was lost. */
    boolean release(long id, String workerId);

    /** Escalations with an undelivered notice or an unacknowledged role, oldest first. */
    List<OpenEscalation> openEscalations();

    /** Every notice of one escalation, in the order they were enqueued. */
    List<OutboxEntry> entries(String escalationRef);

    /** Makes the escalation's dead rows pending again, due at {@code now}; returns how many. */
    int retry(String escalationRef, Instant now);

    OutboxDepth depth();
}
