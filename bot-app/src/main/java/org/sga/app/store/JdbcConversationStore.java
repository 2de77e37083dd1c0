package org.sga.app.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.StaleConversationException;

/** Conversation state in {@code conversation_state}, with the version column as an optimistic lock. */
final class JdbcConversationStore implements ConversationStore {

    private static final String KEY = " WHERE platform = ? AND conversation_id = ? AND user_id = ?";

    private final StoreContext context;

    JdbcConversationStore(StoreContext context) {
        this.context = context;
    }

    @Override
    public Optional<ConversationState> load(ConversationKey key) {
        return context.jdbc().sql("SELECT kind, body, version, updated_at FROM conversation_state" + KEY)
                .params(key.platform(), key.conversationId(), key.userId())
                .query((rs, n) -> new ConversationState(key, rs.getString("kind"), rs.getString("body"),
                        rs.getLong("version"), StoreContext.instant(rs, "updated_at")))
                .optional();
    }

    @Override
    public ConversationState save(ConversationKey key, String kind, String data, long expectedVersion) {
        Objects.requireNonNull(key, "key");
        Instant now = context.now();
        long next = expectedVersion + 1;
        // Validates kind and data before touching the database.
        ConversationState saved = new ConversationState(key, kind, data, next, now);
        boolean written;
        if (expectedVersion == ConversationState.NEW) {
            written = context.insertUnlessPresent(
                    "INSERT INTO conversation_state (platform, conversation_id, user_id, kind, body, version, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    key.platform(), key.conversationId(), key.userId(), kind, data, next, StoreContext.time(now));
        } else {
            written = context.jdbc().sql("UPDATE conversation_state SET kind = ?, body = ?, version = ?, updated_at = ?"
                            + KEY + " AND version = ?")
                    .params(kind, data, next, StoreContext.time(now),
                            key.platform(), key.conversationId(), key.userId(), expectedVersion)
                    .update() == 1;
        }
        if (!written) {
            throw new StaleConversationException(key, expectedVersion);
        }
        return saved;
    }

    @Override
    public boolean delete(ConversationKey key) {
        return context.jdbc().sql("DELETE FROM conversation_state" + KEY)
                .params(key.platform(), key.conversationId(), key.userId())
                .update() == 1;
    }

    @Override
    public int deleteNotUpdatedSince(Instant cutoff) {
        return context.jdbc().sql("DELETE FROM conversation_state WHERE updated_at < ?")
                .param(StoreContext.time(cutoff))
                .update();
    }
}
