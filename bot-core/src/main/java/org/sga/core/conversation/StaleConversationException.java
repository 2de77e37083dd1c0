package org.sga.core.conversation;

/** Thrown when a conversation's state changed since it was loaded; reload and apply the message again. */
public final class StaleConversationException extends RuntimeException {

    public StaleConversationException(ConversationKey key, long expectedVersion) {
        super("conversation state changed since version " + expectedVersion + " was loaded (" + key.platform() + ")");
    }
}
