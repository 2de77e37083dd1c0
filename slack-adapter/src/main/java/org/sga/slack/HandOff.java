package org.sga.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import java.util.function.Predicate;
import org.sga.core.conversation.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges the requests that {@code onWorker} names at once and runs the rest of the chain (the later middleware
 * and the handler) on a worker, so Slack never waits for the core or the Web API. When the queue is full the answer is
 * 503 and Slack delivers the request again. Other requests go on, on the request thread.
 */
@SuppressWarnings("rawtypes")
record HandOff(WorkerPool workers, Predicate<Request<?>> onWorker) implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (!onWorker.test(req)) {
            return chain.next(req);
        }
        if (req instanceof EventRequest event) {
            // Bolt reads an event's fields only when it hands the event to its handler. Read them here, on the request
            // thread, so an event it cannot read is refused (400) rather than acknowledged and then dropped.
            EventsApiPayloadParser.buildEventPayload(event);
        }
        if (workers.offer(() -> run(req, chain))) {
            return req.getContext().ack();
        }
        LOG.warn("Slack work queue is full; asking Slack to retry");
        return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body("{\"error\":\"busy\"}").build();
    }

    private static void run(Request req, MiddlewareChain chain) {
        try {
            chain.next(req);
        } catch (Exception e) {
            LOG.warn("Slack work failed: {}", e.getClass().getSimpleName());
            LOG.debug("Slack work failed", e);
        }
    }
}
