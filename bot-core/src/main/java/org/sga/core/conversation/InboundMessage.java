package org.sga.core.conversation;

/**
 * A message as every platform delivers it to the core. {@code hasFiles} is true when the user attached anything;
 * the core never receives the files themselves. {@code sharedChannel} is true in a channel others can read.
 */
public record InboundMessage(String platform, String conversationId, String userId, String text, boolean hasFiles,
                             boolean sharedChannel) {

    public InboundMessage {
        text = text == null ? "" : text;
    }

    /** A plain direct message, as typed in the console. */
    public static InboundMessage direct(String platform, String userId, String text) {
        return new InboundMessage(platform, platform + ":" + userId, userId, text, false, false);
    }
}
