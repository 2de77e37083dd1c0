package org.sga.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import org.sga.core.conversation.InboundMessage;

/**
 * A person's message in their DM with the bot, with or without files (which are never fetched: the core answers that
 * it does not open them). Other messages (bots, other channels) need only the ack.
 */
record DirectMessages(Answering answering) {

    Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        if (e.getBotId() == null) {
            boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
            answer(e.getChannelType(), e.getChannel(), e.getUser(), e.getThreadTs(), e.getText(), files);
        }
        return ctx.ack();
    }

    Response fileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        MessageFileShareEvent e = payload.getEvent();
        answer(e.getChannelType(), e.getChannel(), e.getUser(), e.getThreadTs(), e.getText(), true);
        return ctx.ack();
    }

    private void answer(String channelType, String channel, String user, String thread, String text, boolean files) {
        if ("im".equals(channelType) && user != null) {
            answering.answerInPlace(new InboundMessage(SlackBot.PLATFORM, channel, user, text, files, false), thread);
        }
    }
}
