package org.sga.slack;

import java.util.Optional;
import java.util.function.Consumer;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.PrivateChats;
import org.sga.core.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the core and carries out its reply: shown where the message was written or, when the core says the
 * conversation must continue privately, continued in the person's DM with the bot.
 */
record Answering(Conversation conversation, WebApi web) {

    private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

    /** A reply shown in the channel and thread the message came from. */
    void answerInPlace(InboundMessage message, String thread) {
        Consumer<Reply> here = reply -> web.post(message.conversationId(), thread, reply);
        answer(message, here, here);
    }

    /**
     * Carries out the core's reply to {@code message}: shown where it was written ({@code showHere}), or, when the core
     * says the conversation must continue privately, the same message asked again from the person's DM with the bot
     * and the core's short note shown where it was written ({@code showMoved}; nothing when that already is the DM).
     */
    void answer(InboundMessage message, Consumer<Reply> showHere, Consumer<Reply> showMoved) {
        Reply reply = ask(message);
        if (reply.kind() != Reply.Kind.CONTINUE_PRIVATELY) {
            showHere.accept(reply);
            return;
        }
        Optional<String> dm = web.openDm(message.userId());
        if (dm.isEmpty()) {
            showHere.accept(PrivateChats.noPrivateChat());
            return;
        }
        if (!dm.get().equals(message.conversationId())) {
            showMoved.accept(reply);
        }
        inDm(dm.get(), message.userId(), message.text(), message.hasFiles());
    }

    /** Starts with {@code text} in the person's DM with the bot, as if they had typed it there. */
    void startInDm(String user, String text) {
        web.openDm(user).ifPresent(dm -> inDm(dm, user, text, false));
    }

    private void inDm(String dm, String user, String text, boolean files) {
        web.post(dm, null, ask(new InboundMessage(SlackBot.PLATFORM, dm, user, text, files, false)));
    }

    /** The core's reply; when the core fails (a store that cannot write), the person is told so, with the phone fallback. */
    private Reply ask(InboundMessage message) {
        try {
            Reply reply = conversation.handle(message);
            LOG.debug("Answered a {} message with {}", message.sharedChannel() ? "channel" : "direct", reply.kind());
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("The core failed to answer: {}", e.getClass().getSimpleName());
            LOG.debug("The core failed to answer", e);
            return Reply.fault();
        }
    }
}
