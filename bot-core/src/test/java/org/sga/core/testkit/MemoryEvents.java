package org.sga.core.testkit;

import java.time.Instant;
import org.sga.core.conversation.ProcessedEvents;

/** The platform events already handled, in memory. */
final class MemoryEvents implements ProcessedEvents {

    private final MemoryStore store;

    MemoryEvents(MemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean firstTime(String source, String eventId) {
        requireText(source, "source", 32);
        requireText(eventId, "eventId", 255);
        return store.inTransaction(() -> store.tables().events.putIfAbsent(source + "\n" + eventId, store.now()) == null);
    }

    @Override
    public int forgetSeenBefore(Instant cutoff) {
        return store.inTransaction(() -> {
            int before = store.tables().events.size();
            store.tables().events.values().removeIf(seen -> seen.isBefore(cutoff));
            return before - store.tables().events.size();
        });
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
        }
    }
}
