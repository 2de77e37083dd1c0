package org.sga.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.regex.Pattern;
import org.sga.core.conversation.InboundMessage;

/** A mention of the bot: answered in the mention's thread, the mention itself left out of what the core reads. */
record Mentions(Answering answering) implements BoltEventHandler<AppMentionEvent> {

    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    @Override
    public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        if (e.getUser() != null) {
            boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            String text = MENTION.matcher(e.getText() == null ? "" : e.getText()).replaceAll(" ").strip();
            boolean direct = e.getChannel().startsWith("D");
            answering.answerInPlace(new InboundMessage(SlackBot.PLATFORM, e.getChannel(), e.getUser(), text, files, !direct),
                    thread);
        }
        return ctx.ack();
    }
}
