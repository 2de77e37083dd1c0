package org.sga.core.conversation;

import java.time.Instant;
import java.util.Objects;
import org.sga.core.values.Check;

/**
 * What the bot remembers about a conversation between messages: a kind (e.g. which dialogue is under
 * way), an opaque text or JSON body, and the version the store holds, for optimistic locking.
 */
public record ConversationState(ConversationKey key, String kind, String data, long version, Instant updatedAt) {

    /** The version to pass to {@link ConversationStore#save} for a conversation that has no state yet. */
    public static final long NEW = 0;

    public ConversationState {
        Objects.requireNonNull(key, "key");
        kind = Check.text(kind, "kind", 64);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version <= NEW) {
            throw new IllegalArgumentException("a stored state has a version above " + NEW);
        }
    }
}
