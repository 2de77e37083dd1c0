package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How much is waiting in the outbox: rows not yet delivered, dead rows, the oldest due time waiting, and the
 * escalations nobody has been reached for ({@code unreached}: no notice to any role delivered or still being tried,
 * and nobody has acknowledged).
 */
public record OutboxDepth(long pending, long dead, Optional<Instant> oldestDue, long unreached) {

    public OutboxDepth(long pending, long dead, Optional<Instant> oldestDue) {
        this(pending, dead, oldestDue, 0);
    }

    /** How long the oldest waiting row has been due; zero when nothing waits. */
    public Duration oldestAge(Instant now) {
        return oldestDue.filter(now::isAfter).map(due -> Duration.between(due, now)).orElse(Duration.ZERO);
    }
}
