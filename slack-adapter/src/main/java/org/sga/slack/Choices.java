package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.sga.core.conversation.InboundMessage;

/**
 * A choice or see-also button: its value goes to the core as if typed where the button is. When the core moves the
 * conversation to the DM, its note is shown to the presser alone.
 */
record Choices(Answering answering, ButtonReplies buttons) implements BlockActionHandler {

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        answer(p, ctx, p.getActions().getFirst().getValue());
        return ctx.ack();
    }

    /** {@code value} from the presser, answered where the button is. */
    void answer(BlockActionPayload p, ActionContext ctx, String value) {
        String channel = p.getChannel().getId();
        answering.answer(new InboundMessage(SlackBot.PLATFORM, channel, p.getUser().getId(), value, false,
                        !channel.startsWith("D")),
                reply -> buttons.reply(p, ctx, reply), reply -> buttons.ephemeral(ctx, BlockKit.escape(reply.text())));
    }
}
