package org.sga.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events} for Bolt, behind the {@link SignatureFilter}. Before Bolt sees a signed request it checks that
 * the request is of a kind this bot handles (an event, Slack's URL check, a button press, the slash command); anything
 * else, and anything Bolt cannot read (wrong JSON types), is answered 400, so Slack does not retry it as it would a
 * 5xx. Bolt's own logs of an unrecognised request print its body; those requests never reach Bolt. Only the kind of
 * failure is logged, never the body or an exception message, which can echo the values it could not read.
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    private static final Set<String> JSON_KINDS = Set.of("event_callback", "url_verification");
    private static final Set<String> INTERACTIONS = Set.of("block_actions");

    private final transient App app;
    private final transient SlackRequestParser parser;

    SlackEventsServlet(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest http, HttpServletResponse out) throws IOException {
        String body = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String problem = unknownKind(body);
        if (problem != null) {
            refuse(out, problem);
            return;
        }
        Response response;
        try {
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getRequestURI())
                    .queryString(QueryStringParser.toMap(http.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(http)))
                    .requestBody(body)
                    .remoteAddress(http.getRemoteAddr())
                    .build());
            response = app.run(request);
        } catch (Exception e) {
            // Bolt reads the payload's fields lazily, so a field of the wrong type fails here, not in the check above.
            refuse(out, "unreadable_" + e.getClass().getSimpleName());
            return;
        }
        ServletAdapterOps.writeResponse(out, response);
    }

    /** Null when the body is a kind of request this bot handles; otherwise a short reason for the log. */
    static String unknownKind(String body) {
        try {
            if (body.startsWith("{")) {
                JsonObject json = object(JsonParser.parseString(body));
                String type = text(json, "type");
                if (type == null || !JSON_KINDS.contains(type)) {
                    return "unknown_json_kind";
                }
                if (type.equals("event_callback") && (json.get("event") == null || text(object(json.get("event")), "type") == null)) {
                    return "event_without_type";
                }
                return null;
            }
            Map<String, String> form = form(body);
            if (form.containsKey("payload")) {
                String type = text(object(JsonParser.parseString(form.get("payload"))), "type");
                return type != null && INTERACTIONS.contains(type) ? null : "unknown_interaction";
            }
            if (form.containsKey("command") || form.containsKey("ssl_check")) {
                return null;
            }
            return "unknown_form";
        } catch (RuntimeException e) {
            return "malformed_" + e.getClass().getSimpleName();
        }
    }

    private static JsonObject object(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalStateException("not an object");
        }
        return element.getAsJsonObject();
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void refuse(HttpServletResponse out, String reason) throws IOException {
        LOG.warn("Refused a signed Slack request: {}", reason);
        out.setStatus(400);
        out.setContentType("application/json");
        out.getWriter().write("{\"error\":\"invalid request\"}");
    }
}
