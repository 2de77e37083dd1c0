package org.sga.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/** The App Home's Report a concern: the home tab is the person's own, so the report starts in their DM at once. */
record ReportButton(Answering answering) implements BlockActionHandler {

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        answering.startInDm(req.getPayload().getUser().getId(), BlockKit.REPORT_CHOICE);
        return ctx.ack();
    }
}
