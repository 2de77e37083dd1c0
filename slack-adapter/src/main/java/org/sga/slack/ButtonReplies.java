package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.sga.core.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a button press is answered: under the pressed message, in place of it, or privately to the presser. */
record ButtonReplies(WebApi web) {

    private static final Logger LOG = LoggerFactory.getLogger(ButtonReplies.class);

    /** Answers a button press where it happened: privately under an ephemeral message, in the thread otherwise. */
    void reply(BlockActionPayload p, ActionContext ctx, Reply reply) {
        if (p.getContainer() != null && p.getContainer().isEphemeral()) {
            respond(ctx, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                    .text(BlockKit.fallback(reply)).blocks(BlockKit.render(reply)).build());
            return;
        }
        String thread = p.getMessage() == null ? null : p.getMessage().getThreadTs();
        web.post(p.getChannel().getId(), thread, reply);
    }

    /** Replaces the pressed message: chat.update for a normal message, the response URL for an ephemeral one. */
    void replacePressed(BlockActionPayload p, ActionContext ctx, List<LayoutBlock> blocks, String text) {
        if (p.getContainer() != null && !p.getContainer().isEphemeral() && p.getContainer().getMessageTs() != null) {
            web.update(p.getChannel().getId(), p.getContainer().getMessageTs(), text, blocks);
        } else {
            respond(ctx, ActionResponse.builder().replaceOriginal(true).text(text).blocks(blocks).build());
        }
    }

    /** A line for the presser alone, as mrkdwn: escape anything not built here ({@link BlockKit#escape}). */
    void ephemeral(ActionContext ctx, String mrkdwn) {
        respond(ctx, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(mrkdwn).build());
    }

    /** The pressed message's blocks, or null when Slack did not send them. */
    static List<LayoutBlock> pressedBlocks(BlockActionPayload p) {
        return p.getMessage() == null ? null : p.getMessage().getBlocks();
    }

    /** The pressed message's ts, or null for a press not on a message. */
    static String pressedTs(BlockActionPayload p) {
        return p.getContainer() == null ? null : p.getContainer().getMessageTs();
    }

    private static void respond(ActionContext ctx, ActionResponse response) {
        try {
            ctx.respond(response);
        } catch (Exception e) {
            LOG.warn("response_url failed: {}", e.getClass().getSimpleName());
        }
    }
}
