package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Helpful or Not helpful under an answer: recorded once per person and message, and thanked privately. */
record FeedbackButtons(boolean helpful, FeedbackRecorder feedback, FirstTimes firstTimes, ButtonReplies buttons)
        implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackButtons.class);

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        // The button's value is the answer's section and version: "section|version".
        String[] parts = p.getActions().getFirst().getValue().split("\\|", 2);
        String messageTs = ButtonReplies.pressedTs(p);
        try {
            if (firstTimes.firstTime("feedback:" + p.getUser().getId() + ":" + (messageTs == null ? "" : messageTs))) {
                feedback.record(new FeedbackRecorder.Feedback(SlackBot.PLATFORM, parts[0], parts.length > 1 ? parts[1] : null,
                        helpful));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record answer feedback: {}", e.getClass().getSimpleName());
        }
        buttons.ephemeral(ctx, "Thank you: your feedback goes to the people who maintain the procedures.");
        return ctx.ack();
    }
}
