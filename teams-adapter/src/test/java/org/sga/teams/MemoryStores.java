package org.sga.teams;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.StaleConversationException;
import org.sga.core.escalation.Acknowledger;

/** The core's storage ports in memory, for tests of the adapter alone. */
final class MemoryStores {

    /** For tests that click no Acknowledge button: any acknowledgement fails them. */
    static final Acknowledger NO_ACKNOWLEDGEMENTS = request -> {
        throw new AssertionError("no acknowledgement expected");
    };

    private MemoryStores() {
    }

    static final class Events implements ProcessedEvents {
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public boolean firstTime(String source, String eventId) {
            return seen.add(source + "|" + eventId);
        }

        @Override
        public int forgetSeenBefore(Instant cutoff) {
            return 0;
        }
    }

    static final class Conversations implements ConversationStore {
        final Map<ConversationKey, ConversationState> states = new ConcurrentHashMap<>();

        @Override
        public Optional<ConversationState> load(ConversationKey key) {
            return Optional.ofNullable(states.get(key));
        }

        @Override
        public synchronized ConversationState save(ConversationKey key, String kind, String data, long expectedVersion) {
            ConversationState current = states.get(key);
            long version = current == null ? ConversationState.NEW : current.version();
            if (version != expectedVersion) {
                throw new StaleConversationException(key, expectedVersion);
            }
            ConversationState next = new ConversationState(key, kind, data, version + 1, Instant.now());
            states.put(key, next);
            return next;
        }

        @Override
        public boolean delete(ConversationKey key) {
            return states.remove(key) != null;
        }

        @Override
        public int deleteNotUpdatedSince(Instant cutoff) {
            return 0;
        }
    }
}
