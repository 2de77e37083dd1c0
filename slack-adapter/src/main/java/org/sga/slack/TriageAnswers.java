package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/**
 * An answer button on a triage question: the question is shown answered, without its buttons, and the answer goes
 * to the core. A question is answered once: two quick presses (or two instances) cannot answer the next one too.
 */
record TriageAnswers(Choices choices, ButtonReplies buttons, FirstTimes firstTimes) implements BlockActionHandler {

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        BlockActionPayload.Action action = p.getActions().getFirst();
        String messageTs = ButtonReplies.pressedTs(p);
        if (messageTs != null && !firstTimes.firstTime("answer:" + p.getChannel().getId() + ":" + messageTs)) {
            return ctx.ack();
        }
        String label = action.getText() == null ? action.getValue() : action.getText().getText();
        buttons.replacePressed(p, ctx, BlockKit.answered(ButtonReplies.pressedBlocks(p), label),
                "You answered: " + BlockKit.escape(label));
        choices.answer(p, ctx, action.getValue());
        return ctx.ack();
    }
}
