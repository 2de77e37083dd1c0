package org.sga.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageFileShareEvent;
import org.sga.core.conversation.InboundMessage;

/** A file shared in a DM with the bot: the core answers that files are not opened; the file is never fetched. */
final class SharedFiles implements BoltEventHandler<MessageFileShareEvent> {

    private final Answering answering;

    SharedFiles(Answering answering) {
        this.answering = answering;
    }

    @Override
    public Response apply(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
        MessageFileShareEvent e = payload.getEvent();
        if ("im".equals(e.getChannelType()) && e.getUser() != null) {
            answering.answerInPlace(new InboundMessage(SlackBot.PLATFORM, e.getChannel(), e.getUser(), e.getText(), true,
                    false), e.getThreadTs());
        }
        return ctx.ack();
    }
}
