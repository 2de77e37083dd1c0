package org.sga.core.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.StaleConversationException;

/** Conversation state in memory, with the store's optimistic versions. */
final class MemoryConversations implements ConversationStore {

    private final MemoryStore store;

    MemoryConversations(MemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<ConversationState> load(ConversationKey key) {
        return store.inTransaction(() -> Optional.ofNullable(store.tables().conversations.get(key)));
    }

    @Override
    public ConversationState save(ConversationKey key, String kind, String data, long expectedVersion) {
        Objects.requireNonNull(key, "key");
        ConversationState saved = new ConversationState(key, kind, data, expectedVersion + 1, store.now());
        return store.inTransaction(() -> {
            ConversationState current = store.tables().conversations.get(key);
            long version = current == null ? ConversationState.NEW : current.version();
            if (version != expectedVersion) {
                throw new StaleConversationException(key, expectedVersion);
            }
            store.tables().conversations.put(key, saved);
            return saved;
        });
    }

    @Override
    public boolean delete(ConversationKey key) {
        return store.inTransaction(() -> store.tables().conversations.remove(key) != null);
    }

    @Override
    public int deleteNotUpdatedSince(Instant cutoff) {
        return store.inTransaction(() -> {
            int before = store.tables().conversations.size();
            store.tables().conversations.values().removeIf(s -> s.updatedAt().isBefore(cutoff));
            return before - store.tables().conversations.size();
        });
    }
}
