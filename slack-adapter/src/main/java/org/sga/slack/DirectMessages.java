package org.sga.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import org.sga.core.conversation.InboundMessage;

/** A person's message in their DM with the bot; other messages (bots, other channels) need only the ack. */
final class DirectMessages implements BoltEventHandler<MessageEvent> {

    private final Answering answering;

    DirectMessages(Answering answering) {
        this.answering = answering;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null) {
            boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
            answering.answerInPlace(new InboundMessage(SlackBot.PLATFORM, e.getChannel(), e.getUser(), e.getText(), files,
                    false), e.getThreadTs());
        }
        return ctx.ack();
    }
}
