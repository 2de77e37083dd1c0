package org.sga.core.escalation;

/** Where an outbox row stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt, or claimed by a worker now. */
    PENDING,
    /** The platform accepted it. */
    DELIVERED,
    /** Failed in a way retrying cannot fix; an operator must look ({@code outbox retry REF}). */
    DEAD
}
