package org.sga.core.conversation;

import java.util.Objects;

/** Identifies one person's conversation with the bot on one platform. */
public record ConversationKey(String platform, String conversationId, String userId) {

    public ConversationKey {
        platform = Require.text(platform, "platform", 32);
        conversationId = Require.text(conversationId, "conversationId", 255);
        userId = Require.text(userId, "userId", 255);
    }

    /** Argument checks shared by this package's records. */
    static final class Require {
        private Require() {
        }

        static String text(String value, String name, int maxLength) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            if (value.length() > maxLength) {
                throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
            }
            return value;
        }
    }
}
