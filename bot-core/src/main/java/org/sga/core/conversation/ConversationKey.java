package org.sga.core.conversation;

import org.sga.core.values.Check;

/** Identifies one person's conversation with the bot on one platform. */
public record ConversationKey(String platform, String conversationId, String userId) {

    public ConversationKey {
        platform = Check.text(platform, "platform", 32);
        conversationId = Check.text(conversationId, "conversationId", 255);
        userId = Check.text(userId, "userId", 255);
    }
}
