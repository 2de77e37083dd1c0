package org.sga.core.retention;

import java.util.Objects;
import org.sga.core.conversation.ConversationKey;

/** A conversation state purged for age: whose, of which kind (a triage under way is {@code "triage"}), which version. */
public record ExpiredConversation(ConversationKey key, String kind, long version) {

    public ExpiredConversation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }
}
