package org.sga.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** WireMock standing in for Slack's Web API (at {@code /api/}) and for response URLs (at {@code /respond/}). */
final class SlackFake implements AutoCloseable {

    /** How long work after an ack gets to (wrongly) happen before "it did not happen" is believed. */
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration AT_MOST = Duration.ofSeconds(10);

    static final String BOT_USER = "UBOT";
    static final String DM = "DREPORTER";

    final WireMockServer server;

    SlackFake() {
        server = new WireMockServer(options().dynamicPort().containerThreads(32).jettyAcceptors(2));
        server.start();
        stubDefaults();
    }

    void stubDefaults() {
        server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"T\",\"user\":\"bot\",\"team_id\":\"T1\",\"user_id\":\""
                        + BOT_USER + "\",\"bot_id\":\"BBOT\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson(
                "{\"ok\":true,\"channel\":{\"id\":\"" + DM + "\"}}")));
        server.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"UDSL\",\"UOTHER\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        server.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        // Anything else answers like Slack does for an unknown method.
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    String apiUrl() {
        return "http://localhost:" + server.port() + "/api/";
    }

    String responseUrl(String name) {
        return "http://localhost:" + server.port() + "/respond/" + name;
    }

    /** The form fields of every call to a Web API method, oldest first. */
    List<Map<String, String>> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackFake::form).toList();
    }

    static String readable(String json) {
        return json.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
                .replace("\\u003d", "=").replace("\\u0027", "'");
    }

    /** Bodies posted to response URLs, oldest first, readable. */
    List<String> responseBodies() {
        return responses().stream().map(r -> readable(r.getBodyAsString())).toList();
    }

    List<LoggedRequest> responses() {
        return server.findAll(postRequestedFor(urlPathMatching("/respond/.*")));
    }

    int count(String method) {
        return calls(method).size();
    }

    List<String> allPaths() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // Gson writes &, < and > as unicode escapes inside JSON fields; undo that so tests read what Slack shows.
            fields.put(key, readable(value));
        }
        return fields;
    }

    /** Waits until the condition holds (work happens after the ack, on another thread). */
    static void await(String what, Supplier<Boolean> condition) {
        Awaitility.await(what).atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).until(condition::get);
    }

    /**
     * The condition holds throughout a quiet period, long enough for work after the ack to (wrongly) change it: for
     * assertions that something did not happen, or did not happen again.
     */
    static void holds(String what, Supplier<Boolean> condition) {
        Awaitility.await(what).during(QUIET).atMost(QUIET.plus(AT_MOST)).pollInterval(Duration.ofMillis(20))
                .until(condition::get);
    }

    @Override
    public void close() {
        server.stop();
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern is(String s) {
        return equalTo(s);
    }
}
