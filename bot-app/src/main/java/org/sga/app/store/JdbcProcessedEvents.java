package org.sga.app.store;

import java.time.Instant;
import org.sga.core.conversation.ProcessedEvents;

/** Event de-duplication in {@code processed_event}: the primary key decides who saw an event first. */
final class JdbcProcessedEvents implements ProcessedEvents {

    private final StoreContext context;

    JdbcProcessedEvents(StoreContext context) {
        this.context = context;
    }

    @Override
    public boolean firstTime(String source, String eventId) {
        requireText(source, "source", 32);
        requireText(eventId, "eventId", 255);
        return context.insertUnlessPresent("INSERT INTO processed_event (source, event_id, seen_at) VALUES (?, ?, ?)",
                source, eventId, StoreContext.time(context.now()));
    }

    @Override
    public int forgetSeenBefore(Instant cutoff) {
        return context.jdbc().sql("DELETE FROM processed_event WHERE seen_at < ?")
                .param(StoreContext.time(cutoff))
                .update();
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
        }
    }
}
