package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * A step of a role's chase as stored: what it waited for, and whether it is still waiting, was acknowledged, or was
 * passed on to the next step ({@code RE_ESCALATED}) at {@code handledAt}.
 */
public record ChaseStep(AwaitedAcknowledgement awaited, State state, Instant handledAt) {

    /** Where a step stands. */
    public enum State { WAITING, ACKNOWLEDGED, RE_ESCALATED }

    public ChaseStep {
        Objects.requireNonNull(awaited, "awaited");
        Objects.requireNonNull(state, "state");
    }
}
