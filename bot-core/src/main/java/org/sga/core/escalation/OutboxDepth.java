package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How much is waiting in the outbox: rows not yet delivered, dead rows, and the oldest due time waiting. */
public record OutboxDepth(long pending, long dead, Optional<Instant> oldestDue) {

    /** How long the oldest waiting row has been due; zero when nothing waits. */
    public Duration oldestAge(Instant now) {
        return oldestDue.filter(now::isAfter).map(due -> Duration.between(due, now)).orElse(Duration.ZERO);
    }
}
