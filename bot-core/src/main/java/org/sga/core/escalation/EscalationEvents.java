package org.sga.core.escalation;

import java.time.Instant;
import java.util.List;
import org.sga.core.values.Listeners;

/**
 * Told what happened to escalations after it was recorded, for metrics: raised, each notice delivered or failed,
 * acknowledged, re-escalated. Implementations must be quick and must not throw; nothing passed here carries message
 * text except {@link OutboxRow#payload()}, which must never be logged or put in a metric.
 */
public interface EscalationEvents {

    /** Nobody listens. */
    EscalationEvents NONE = new EscalationEvents() {
    };

    /** An escalation was recorded with {@code notices} notices queued; {@code urgency} as in TRIAGE.md. */
    default void raised(String platform, String urgency, int notices) {
    }

    /** A notice was posted at {@code at}; {@code row.dueAt()} is when it was queued to go. */
    default void delivered(OutboxRow row, Instant at) {
    }

    /** A delivery attempt failed with the platform's short {@code code}; {@code givenUp} when it will not be retried. */
    default void deliveryFailed(OutboxRow row, String code, boolean givenUp) {
    }

    /** The first acknowledgement of {@code role} on an escalation. */
    default void acknowledged(String role) {
    }

    /** Nobody in {@code role} acknowledged in time, so the notice went to the backup (or the reporter was told). */
    default void reEscalated(String role) {
    }

    /** Tells each of {@code listeners}; one that throws does not keep the event from the others or undo any work. */
    static EscalationEvents all(List<? extends EscalationEvents> listeners) {
        return Listeners.all(EscalationEvents.class, listeners, NONE, "escalation");
    }
}
