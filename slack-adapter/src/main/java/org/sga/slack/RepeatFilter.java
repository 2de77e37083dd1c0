package org.sga.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an event once: a delivery of an event id already seen (Slack retries when an ack was late or lost, and
 * another instance may have taken the first one) is acknowledged and goes no further. Placed after {@link HandOff},
 * it asks the store on the worker, and only for events it was let through to do: a 503 records nothing.
 */
@SuppressWarnings("rawtypes")
record RepeatFilter(FirstTimes firstTimes, Predicate<Request<?>> once) implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatFilter.class);

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (once.test(req)) {
            String id = eventId(req.getRequestBodyAsString());
            if (id != null && !firstTimes.firstTime(id)) {
                LOG.debug("Dropped a repeated delivery of event {}", id);
                return req.getContext().ack();
            }
        }
        return chain.next(req);
    }

    /** The Events API payload's {@code event_id}, or null. */
    static String eventId(String body) {
        try {
            JsonElement payload = JsonParser.parseString(body == null ? "" : body);
            if (payload.isJsonObject()) {
                JsonElement id = payload.getAsJsonObject().get("event_id");
                return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
            }
        } catch (JsonParseException | IllegalStateException e) {
            LOG.debug("An event without a readable event_id: {}", e.getClass().getSimpleName());
        }
        return null;
    }
}
