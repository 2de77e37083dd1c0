package org.sga.core.escalation;

/** The member of staff who raised a concern: where they talk to the bot, so they can be told what happens. */
public record Reporter(Platform platform, String userId, String displayName, String conversationId) {
}
