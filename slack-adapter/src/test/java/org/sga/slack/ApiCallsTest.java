package org.sga.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Web API call's method and outcome reach the listener (for metrics and health), without message text. */
class ApiCallsTest {

    private SlackFake slack;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private MethodsClient methods;

    @BeforeEach
    void start() {
        slack = new SlackFake();
        SlackSettings settings = new SlackSettings("xoxb-test", "secret", null, slack.apiUrl());
        methods = SlackClients.slack(settings, (method, error) -> seen.add(method + " " + error)).methods("xoxb-test");
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void givenSuccessRefusalAndServerError_thenEachReportedWithMethodAndCode() throws Exception {
        methods.chatPostMessage(r -> r.channel("CDSL").text("a private concern about a pupil"));
        slack.server.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"message_not_found\"}")));
        methods.chatUpdate(r -> r.channel("CDSL").ts("1.1").text("a private concern about a pupil"));
        slack.server.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(aResponse().withStatus(503).withBody("down")));
        try {
            methods.viewsPublish(r -> r.userId("U1"));
        } catch (com.slack.api.methods.SlackApiException expected) {
            // The client throws on HTTP errors; the listener has heard of it first.
        }
        assertThat(seen).filteredOn(c -> !c.startsWith("auth.test"))
                .containsExactly("chat.postMessage null", "chat.update message_not_found", "views.publish http_503");
        assertThat(String.join(" ", seen)).doesNotContain("private concern");
    }
}
