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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.FirstNotices;
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
        notifier = new SlackNotifier(SlackClients.slack(settings, ApiCalls.NONE).methods("xoxb-test"));
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
    void givenTheBotsTokenOrScopeRefused_thenRetryableAsAnOutageNeverGivenUp() {
        for (String code : List.of("invalid_auth", "token_revoked", "account_inactive", "missing_scope", "not_authed")) {
            slack.server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                    "{\"ok\":false,\"error\":\"" + code + "\"}")));
            assertThatThrownBy(() -> notifier.deliver(message("safeguarding_lead", "CDSL", 1)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).as(code).isTrue();
                        assertThat(e.code()).isEqualTo(code);
                    });
        }
    }

    @Test
    void givenANoteThatTriesToPingLinkOrMention_thenTheNotificationTextIsEscapedToo() throws Exception {
        String note = "<!channel> <@U0LEAD> <https://evil.example/login|Open the case file>";
        OutboxMessage m = new OutboxMessage(3, new OutboxRow("SG-7", "safeguarding_lead", OutboxRow.INITIAL, "slack", "CDSL",
                "[URGENT] Safeguarding escalation SG-7\nNote from the reporter:\n" + note, "URGENT", Instant.now(), null),
                1, "w-1", Instant.now().plusSeconds(60));
        notifier.deliver(m);
        Map<String, String> posted = slack.calls("chat.postMessage").getLast();
        assertThat(posted.get("text")).doesNotContain("<!channel>").doesNotContain("<@U0LEAD>")
                .doesNotContain("<https://evil.example").contains("&lt;!channel&gt;");
        assertThat(posted.get("blocks")).doesNotContain("<!channel>").doesNotContain("<https://evil.example");
        assertThat(posted.get("link_names")).isNotEqualTo("true");
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

    @Nested
    class BackupNotices {

        static final String PERMALINK = "https://sga-example.slack.com/archives/C1/p111222";

        /** The first notice of SG-7 to the safeguarding lead went to C1 as 111.222; nothing else was delivered. */
        private final FirstNotices delivered = (ref, role, platform) ->
                ref.equals("SG-7") && role.equals("safeguarding_lead") && platform.equals("slack")
                        ? Optional.of("C1:111.222") : Optional.empty();

        private SlackNotifier notifier(FirstNotices firstNotices, Duration linkTimeout) {
            SlackSettings settings = new SlackSettings("xoxb-test", "secret", null, slack.apiUrl());
            return new SlackNotifier(SlackClients.slack(settings, ApiCalls.NONE).methods("xoxb-test"), firstNotices,
                    SlackClients.slack(settings, linkTimeout, ApiCalls.NONE).methods("xoxb-test"));
        }

        private OutboxMessage backup(String ref) {
            OutboxRow row = new OutboxRow(ref, "safeguarding_lead", OutboxRow.BACKUP, "slack", "C2",
                    "RE-ESCALATION of " + ref + ": nobody acknowledged it.\n\nSafeguarding concern " + ref + ".", "high",
                    Instant.now(), null);
            return new OutboxMessage(5, row, 1, "w1", Instant.now().plusSeconds(60));
        }

        private void permalinkAnswers(String json) {
            slack.server.stubFor(post(urlEqualTo("/api/chat.getPermalink")).willReturn(okJson(json)));
        }

        @Test
        void givenTheFirstNoticeWasDelivered_thenTheBackupLinksToItsPermalink() throws Exception {
            permalinkAnswers("{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"" + PERMALINK + "\"}");

            notifier(delivered, Duration.ofSeconds(2)).deliver(backup("SG-7"));

            Map<String, String> asked = slack.calls("chat.getPermalink").getFirst();
            assertThat(asked).containsEntry("channel", "C1").containsEntry("message_ts", "111.222");
            Map<String, String> posted = slack.calls("chat.postMessage").getFirst();
            assertThat(posted.get("channel")).isEqualTo("C2");
            assertThat(posted.get("blocks")).contains("<" + PERMALINK + "|Original notice> in <#C1>")
                    .contains("\"block_id\":\"original_notice\"").contains("\"action_id\":\"sga_ack\"");
            assertThat(posted.get("text")).startsWith("RE-ESCALATION of SG-7")
                    .endsWith("Original notice in <#C1>: <" + PERMALINK + ">");
        }

        @Test
        void givenTheFirstNotice_thenItHasNoLinkAndSlackIsNotAskedForOne() throws Exception {
            notifier(delivered, Duration.ofSeconds(2)).deliver(message("safeguarding_lead", "C1", 1));

            assertThat(slack.count("chat.getPermalink")).isZero();
            assertThat(slack.calls("chat.postMessage").getFirst().get("blocks")).doesNotContain("Original notice");
        }

        @Test
        void givenNoDeliveredFirstNotice_thenTheBackupIsPostedWithoutALinkAndSlackIsNotAsked() throws Exception {
            DeliveryReceipt receipt = notifier(delivered, Duration.ofSeconds(2)).deliver(backup("SG-8"));

            assertThat(receipt.platformMessageId()).isEqualTo("C1:1700000000.000100");
            assertThat(slack.count("chat.getPermalink")).isZero();
            assertThat(slack.calls("chat.postMessage").getFirst().get("blocks")).doesNotContain("Original notice")
                    .contains("sga_ack");
        }

        @Test
        void givenSlackRefusesThePermalink_thenTheBackupIsPostedWithoutALink() throws Exception {
            permalinkAnswers("{\"ok\":false,\"error\":\"message_not_found\"}");

            notifier(delivered, Duration.ofSeconds(2)).deliver(backup("SG-7"));

            assertThat(slack.count("chat.getPermalink")).isEqualTo(1);
            assertWithoutLink(slack.calls("chat.postMessage").getFirst());
        }

        @Test
        void givenAnHttpErrorForThePermalink_thenTheBackupIsPostedWithoutALink() throws Exception {
            slack.server.stubFor(post(urlEqualTo("/api/chat.getPermalink")).willReturn(aResponse().withStatus(500)));

            notifier(delivered, Duration.ofSeconds(2)).deliver(backup("SG-7"));

            assertWithoutLink(slack.calls("chat.postMessage").getFirst());
        }

        @Test
        void givenThePermalinkTakesTooLong_thenTheBackupIsPostedWithoutWaitingForIt() throws Exception {
            slack.server.stubFor(post(urlEqualTo("/api/chat.getPermalink")).willReturn(okJson(
                    "{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"" + PERMALINK + "\"}").withFixedDelay(3_000)));

            long started = System.nanoTime();
            notifier(delivered, Duration.ofMillis(300)).deliver(backup("SG-7"));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertWithoutLink(slack.calls("chat.postMessage").getFirst());
        }

        @Test
        void givenAPermalinkThatWouldBreakTheLink_thenTheBackupIsPostedWithoutIt() throws Exception {
            permalinkAnswers("{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"https://x.example/a|b>c\"}");

            notifier(delivered, Duration.ofSeconds(2)).deliver(backup("SG-7"));

            assertWithoutLink(slack.calls("chat.postMessage").getFirst());
        }

        @Test
        void givenTheLookupItselfFails_thenTheBackupIsPostedWithoutALink() throws Exception {
            FirstNotices broken = (ref, role, platform) -> {
                throw new IllegalStateException("store unavailable");
            };

            notifier(broken, Duration.ofSeconds(2)).deliver(backup("SG-7"));

            assertThat(slack.count("chat.getPermalink")).isZero();
            assertWithoutLink(slack.calls("chat.postMessage").getFirst());
        }

        @Test
        void givenALongNotice_thenTheFallbackTextStillEndsWithTheLinkWithinTheLimit() throws Exception {
            permalinkAnswers("{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"" + PERMALINK + "\"}");
            OutboxRow row = new OutboxRow("SG-7", "safeguarding_lead", OutboxRow.BACKUP, "slack", "C2",
                    "RE-ESCALATION of SG-7. " + "Invented detail. ".repeat(400), "high", Instant.now(), null);

            notifier(delivered, Duration.ofSeconds(2)).deliver(new OutboxMessage(6, row, 1, "w1", Instant.now().plusSeconds(60)));

            String text = slack.calls("chat.postMessage").getFirst().get("text");
            assertThat(text).hasSizeLessThanOrEqualTo(3000).endsWith("<" + PERMALINK + ">");
        }

        private static void assertWithoutLink(Map<String, String> posted) {
            assertThat(posted.get("channel")).isEqualTo("C2");
            assertThat(posted.get("blocks")).doesNotContain("Original notice").contains("sga_ack");
            assertThat(posted.get("text")).startsWith("RE-ESCALATION of SG-7").doesNotContain("Original notice");
        }
    }

    @Test
    void retryAfterHeaderIsReadDefensively() {
        assertThat(SlackNotifier.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackNotifier.retryAfter("x")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackNotifier.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(List.of(SlackNotifier.retryAfter("999999"))).containsExactly(Duration.ofHours(1));
    }
}
