package org.sga.slack;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sga.core.conversation.ProcessedEvents;

/** The de-duplication port in memory; the JDBC one is tested in bot-app. */
final class InMemoryEvents implements ProcessedEvents {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstTime(String source, String eventId) {
        return seen.add(source + "/" + eventId);
    }

    @Override
    public int forgetSeenBefore(Instant cutoff) {
        return 0;
    }
}
