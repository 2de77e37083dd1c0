package org.sga.core.conversation;

import java.time.Instant;

/** Remembers which platform events were handled, so that a retried or duplicated event is answered once. */
public interface ProcessedEvents {

    /**
     * Records the event and returns {@code true} the first time it is seen; every later call for the same
     * source and id returns {@code false}, also when made by another instance at the same moment.
     */
    boolean firstTime(String source, String eventId);

    /** Retention: forgets events first seen before {@code cutoff}; returns how many. */
    int forgetSeenBefore(Instant cutoff);
}
