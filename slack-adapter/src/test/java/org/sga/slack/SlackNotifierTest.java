package org.sga.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;

/** Escalation notices through chat.postMessage, and how Slack's failures reach the outbox. */
class SlackNotifierTest {

    private SlackFake slack;
    private SlackNotifier notifier;

    @BeforeEach
    void start() {
        slack = new SlackFake();
        SlackSettings settings = new SlackSettings("xoxb-test", "secret", null, slack.apiUrl());
        notifier = new SlackNotifier(SlackBot.slack(settings).methods("xoxb-test"));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    static OutboxMessage message(String role, String channel, int attempt) {
        OutboxRow row = new OutboxRow("SG-7", role, OutboxRow.INITIAL, "slack", channel,
                "Safeguarding concern SG-7: urgency high. Open the bot for the checklist.", "high", Instant.now(), null);
        return new OutboxMessage(attempt, row, attempt, "w1", Instant.now().plusSeconds(60));
    }

    @Test
    void givenEscalation_thenPostedToTheRoleChannelWithAnAcknowledgeButton() throws Exception {
        DeliveryReceipt receipt = notifier.deliver(message("safeguarding_lead", "CDSL", 1));
        assertThat(receipt.platformMessageId()).isEqualTo("C1:1700000000.000100");
        var call = slack.calls("chat.postMessage").getFirst();
        assertThat(call.get("channel")).isEqualTo("CDSL");
        assertThat(call.get("blocks")).contains("Safeguarding concern SG-7").contains("\"action_id\":\"sga_ack\"")
                .contains("\"value\":\"SG-7|safeguarding_lead\"");
    }

    @Test
    void givenNoticeForReporter_thenPlainTextToTheirDmWithoutButton() throws Exception {
        notifier.deliver(message(SlackNotifier.REPORTER, "DREPORTER", 1));
        var call = slack.calls("chat.postMessage").getFirst();
        assertThat(call.get("channel")).isEqualTo("DREPORTER");
        assertThat(call).doesNotContainKey("blocks");
    }

    @Test
    void givenRateLimitedThenAccepted_thenRetryAfterAndOneMessage() throws Exception {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("open"));
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("429").whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"CDSL\",\"ts\":\"1.2\"}")));
        assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CDSL", 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.code()).isEqualTo("ratelimited");
                });
        DeliveryReceipt receipt = notifier.deliver(message("safeguarding_lead", "CDSL", 2));
        assertThat(receipt.platformMessageId()).isEqualTo("CDSL:1.2");
        // Delivered again by the outbox after a lost receipt: not posted twice.
        notifier.deliver(message("safeguarding_lead", "CDSL", 3));
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void givenServerError_thenRetryable() {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CDSL", 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.code()).isEqualTo("http_503");
                });
    }

    @Test
    void givenTimeout_thenRetryable() {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CDSL", 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void givenOkFalse_thenPermanentWithTheErrorCodeOnly() {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CGONE", 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("channel_not_found");
                    assertThat(e.getMessage()).doesNotContain("SG-7 Safeguarding concern");
                });
    }

    @Test
    void givenTransientOkFalse_thenRetryable() {
        slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")));
        assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CDSL", 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void givenRowForAnotherPlatform_thenRefusedWithoutCallingSlack() {
        OutboxRow teams = new OutboxRow("SG-7", "manager", OutboxRow.INITIAL, "teams", "19:abc", "x", "high", Instant.now(), null);
        assertThatThrownBy(() -> notifier.deliver(new OutboxMessage(1, teams, 1, "w", Instant.now())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(slack.allPaths()).isEmpty();
    }

    @Test
    void retryAfterHeaderIsReadDefensively() {
        assertThat(SlackNotifier.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackNotifier.retryAfter("x")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackNotifier.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(List.of(SlackNotifier.retryAfter("999999"))).containsExactly(Duration.ofHours(1));
    }
}
