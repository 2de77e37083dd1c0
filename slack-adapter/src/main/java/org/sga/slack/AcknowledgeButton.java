package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Acknowledge press. The button names its escalation and role; the message it is on ({@code channel:ts}, as the
 * notifier recorded the delivery) lets the core check that the two belong together. The core decides; this only
 * shows the outcome: the notice updated for everyone, or a refusal for the presser alone.
 */
record AcknowledgeButton(Acknowledger acknowledger, ButtonReplies buttons) implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeButton.class);

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        acknowledge(p, ctx);
        return ctx.ack();
    }

    private void acknowledge(BlockActionPayload p, ActionContext ctx) {
        // The button's value is "reference|role".
        String[] parts = p.getActions().getFirst().getValue().split("\\|", 2);
        String messageTs = ButtonReplies.pressedTs(p);
        if (parts.length < 2 || messageTs == null) {
            buttons.ephemeral(ctx, BlockKit.escape(AcknowledgementOutcome.REFUSAL));
            return;
        }
        AcknowledgementOutcome outcome;
        try {
            outcome = acknowledger.acknowledge(AcknowledgeRequest.button(parts[0], parts[1],
                    new Actor(Platform.SLACK, p.getUser().getId()), p.getChannel().getId() + ":" + messageTs));
        } catch (RuntimeException e) {
            LOG.warn("Acknowledging failed: {}", e.getClass().getSimpleName());
            buttons.ephemeral(ctx, BlockKit.escape(Reply.FAULT_URGENT + " " + Reply.FAULT));
            return;
        }
        if (outcome.refused()) {
            buttons.ephemeral(ctx, BlockKit.escape(outcome.text()));
            return;
        }
        String by = outcome.acknowledgement().userId();
        long at = outcome.acknowledgement().at().getEpochSecond();
        buttons.replacePressed(p, ctx, BlockKit.acknowledged(ButtonReplies.pressedBlocks(p), by, at), "Acknowledged");
        if (outcome.status() == AcknowledgementOutcome.Status.ALREADY_ACKNOWLEDGED) {
            buttons.ephemeral(ctx, "Already acknowledged by " + BlockKit.acknowledgedLine(by, at) + ".");
        }
        LOG.info("Escalation {} acknowledged for {} ({})", outcome.reference(), outcome.role().id(), outcome.status());
    }
}
