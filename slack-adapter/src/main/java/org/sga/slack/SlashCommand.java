package org.sga.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.function.Consumer;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /safeguarding}: answered privately to the person who typed it. Its channel may be anyone's, even a DM between
 * two other people, and only its replies are private: it is a shared conversation to the core, so a report typed
 * there continues in the DM with the bot.
 */
record SlashCommand(Answering answering) implements SlashCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommand.class);

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        Consumer<Reply> respond = reply -> respond(ctx, reply);
        answering.answer(new InboundMessage(SlackBot.PLATFORM, p.getChannelId(), p.getUserId(),
                text.isEmpty() ? "help" : text, false, true), respond, respond);
        return ctx.ack();
    }

    private static void respond(SlashCommandContext ctx, Reply reply) {
        try {
            ctx.respond(SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallback(reply))
                    .blocks(BlockKit.render(reply)).build());
        } catch (Exception e) {
            LOG.warn("Could not answer the slash command: {}", e.getClass().getSimpleName());
        }
    }
}
