package org.sga.core.conversation;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reports only in private, whatever the entry point. A message written where others can read it (a channel, a group
 * chat, a slash command whose channel may be anyone's) that starts a report, reads like a report or disclosure about a
 * child ({@link PrivateTopics}), or carries a file, is not answered there: the reply is
 * {@link Reply.Kind#CONTINUE_PRIVATELY}, and the adapter opens the person's private chat with the bot and hands it the
 * same message from there. The triage, the escalation it raises and every later message about it are then bound to
 * that private chat. Everything else goes to the next conversation unchanged.
 */
public final class PrivateChats implements Conversation {

    /** Shown where the message was written, once the private chat is open. */
    public static final String MOVED = "Thank you. I've sent you a private message so we can carry on where only you "
            + "can read it. Details about a child should not be in a conversation others can read: please consider "
            + "deleting your message here. If a child is in immediate danger, call 999 now.";

    /** Shown where the message was written when the platform would not open a private chat. */
    public static final String NO_PRIVATE_CHAT = "I could not open a private chat with you just now, so I have not "
            + "taken this any further here, where others can read it. Please open a chat with me directly and type "
            + "\"report a concern\" there, or phone your designated safeguarding lead. If a child is in immediate "
            + "danger, call 999 now.";

    private final Conversation next;
    private final PrivateTopics topics;
    private final Predicate<String> startsReport;

    /** @param startsReport true for text that asks to start a report (the triage dialogue's own test) */
    public PrivateChats(Conversation next, PrivateTopics topics, Predicate<String> startsReport) {
        this.next = Objects.requireNonNull(next, "next");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.startsReport = Objects.requireNonNull(startsReport, "startsReport");
    }

    @Override
    public Reply handle(InboundMessage message) {
        if (message.sharedChannel() && mustBePrivate(message)) {
            return moved();
        }
        return next.handle(message);
    }

    private boolean mustBePrivate(InboundMessage message) {
        String text = message.text();
        return message.hasFiles() || startsReport.test(text) || topics.present(text);
    }

    /** The reply that moves a conversation to the private chat. */
    public static Reply moved() {
        return new Reply(Reply.Kind.CONTINUE_PRIVATELY, null, MOVED, null, List.of(), List.of(), List.of());
    }

    /** For the adapter, when the platform would not open the private chat. */
    public static Reply noPrivateChat() {
        return Reply.notice(NO_PRIVATE_CHAT);
    }
}
