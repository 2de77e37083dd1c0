package org.sga.core.conversation;

import java.time.Instant;
import java.util.Optional;

/** Keeps each conversation's state between messages, shared by every instance of the bot. */
public interface ConversationStore {

    Optional<ConversationState> load(ConversationKey key);

    /**
     * Stores the state if the stored version is still {@code expectedVersion}
     * ({@link ConversationState#NEW} when there is none yet), and returns it with the next version.
     *
     * @throws StaleConversationException when another instance saved or deleted it in between
     */
    ConversationState save(ConversationKey key, String kind, String data, long expectedVersion);

    /** Forgets the conversation; returns whether there was anything to forget. */
    boolean delete(ConversationKey key);

    /** Retention: forgets every conversation not updated since {@code cutoff}; returns how many. */
    int deleteNotUpdatedSince(Instant cutoff);
}
