package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.testkit.MemoryStore;

/** Escalations into channels and notices to reporters, and how connector failures reach the outbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsNotifierTest {

    /** The core's storage ports in memory, from its test kit. */
    private final MemoryStore stores = new MemoryStore(Clock.systemUTC());

    static final String DSL_CHANNEL = "19:dsl@thread.tacv2";

    final BotFrameworkFake fake = new BotFrameworkFake();
    Teams teams;

    @BeforeAll
    void start() {
        teams = new Teams(fake.settings(), new Teams.Collaborators(m -> Reply.notice("x"), stores.processedEvents(),
                stores.conversations(), new InMemoryConversationReferences(),
                TestPorts.NO_ACKNOWLEDGEMENTS, null), 1, 10);
    }

    @AfterAll
    void stop() {
        teams.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.server().resetAll();
        fake.server().stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"token_type":"Bearer","expires_in":3599,"access_token":"%s"}""".formatted(BotFrameworkFake.CONNECTOR_TOKEN))));
        fake.stubConnector();
    }

    /** A row of its own escalation each time, since the notifier remembers what it delivered. */
    static OutboxMessage row(String role, String target) {
        String ref = "SG-" + BotFrameworkFake.nextId();
        return new OutboxMessage(7, new OutboxRow(ref, role, OutboxRow.INITIAL, "teams", target,
                "Safeguarding concern " + ref + " · urgency HIGH. Please acknowledge.", "HIGH", Instant.now(), null),
                1, "w-1", Instant.now().plusSeconds(60));
    }

    @Test
    void givenRoleRow_thenNewConversationInChannelWithAcknowledge() throws Exception {
        OutboxMessage message = row("dsl", DSL_CHANNEL);
        String ref = message.row().escalationRef();
        DeliveryReceipt receipt = teams.notifier().deliver(message);

        assertThat(receipt.platformMessageId()).isEqualTo("19:dsl@thread.tacv2;messageid=900");
        LoggedRequest created = fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations"))).get(0);
        assertThat(created.getHeader("Authorization")).isEqualTo("Bearer " + BotFrameworkFake.CONNECTOR_TOKEN);
        assertThat(created.getBodyAsString()).contains("\"isGroup\":true", "\"channel\":{\"id\":\"" + DSL_CHANNEL + "\"}",
                BotFrameworkFake.TENANT_ID, "Safeguarding concern " + ref, "Acknowledge",
                "\"sga\":\"ack\"", "\"ref\":\"" + ref + "\"", "\"role\":\"dsl\"");
    }

    @Test
    void givenSameRowHandedOverAgain_thenPostedOnce() throws Exception {
        OutboxMessage first = row("out_of_hours", "19:edt@thread.tacv2");
        OutboxMessage again = new OutboxMessage(first.id(), first.row(), 2, "w-2", first.leaseUntil());

        DeliveryReceipt receipt = teams.notifier().deliver(first);

        assertThat(teams.notifier().deliver(again)).isEqualTo(receipt);
        assertThat(fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations")))).hasSize(1);
    }

    @Test
    void givenBackupRow_thenPostedToTheBackupChannelWithAcknowledge() throws Exception {
        OutboxMessage backup = new OutboxMessage(9, new OutboxRow("SG-2026-0002", "dsl", OutboxRow.BACKUP, "teams",
                "19:deputy-dsl@thread.tacv2", "Not yet acknowledged: SG-2026-0002", "URGENT", Instant.now(), null),
                1, "w-1", Instant.now().plusSeconds(60));

        teams.notifier().deliver(backup);

        assertThat(fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations"))).get(0).getBodyAsString())
                .contains("19:deputy-dsl@thread.tacv2", "Acknowledge", "\"ref\":\"SG-2026-0002\"");
    }

    @Test
    void givenReporterRow_thenPostedInTheirPersonalChatWithoutButtons() throws Exception {
        teams.notifier().deliver(row(TeamsNotifier.REPORTER, Activities.PERSONAL_CHAT));

        List<LoggedRequest> posts = fake.server().findAll(postRequestedFor(
                urlPathEqualTo("/v3/conversations/" + Activities.PERSONAL_CHAT + "/activities")));
        assertThat(posts).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
                .contains("Safeguarding concern").doesNotContain("Action.Submit"));
    }

    @Test
    void given429WithRetryAfter_thenRetryableAfterThatLong() {
        fake.server().stubFor(post(urlPathEqualTo("/v3/conversations"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThatThrownBy(() -> teams.notifier().deliver(row("dsl", DSL_CHANNEL)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("teams_429");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void givenConnectorCalls_thenEachReportedWithItsNameAndCode_withoutMessageText() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Teams observed = new Teams(fake.settings(), new Teams.Collaborators(m -> Reply.notice("x"),
                stores.processedEvents(), stores.conversations(), new InMemoryConversationReferences(),
                TestPorts.NO_ACKNOWLEDGEMENTS, null, (method, error) -> seen.add(method + " " + error)),
                1, 10)) {
            assertThatCode(() -> observed.notifier().deliver(row("dsl", DSL_CHANNEL))).doesNotThrowAnyException();
            fake.server().stubFor(post(urlPathEqualTo("/v3/conversations")).willReturn(aResponse().withStatus(503)));
            assertThatThrownBy(() -> observed.notifier().deliver(row("dsl", DSL_CHANNEL))).isInstanceOf(DeliveryException.class);
        }
        assertThat(seen).containsExactly("POST conversations null", "POST conversations http_503");
    }

    @Test
    void givenServerError_thenRetryableAndTriedOnce() {
        fake.server().stubFor(post(urlPathEqualTo("/v3/conversations")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> teams.notifier().deliver(row("dsl", DSL_CHANNEL)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("teams_503");
                });
        // The outbox retries with its own back-off; the SDK must not have retried behind its back.
        assertThat(fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations")))).hasSize(1);
    }

    @Test
    void givenTimeout_thenRetryable() {
        fake.server().stubFor(post(urlPathEqualTo("/v3/conversations")).willReturn(okJson("{}").withFixedDelay(4_000)));

        assertThatThrownBy(() -> teams.notifier().deliver(row("dsl", DSL_CHANNEL)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("teams_timeout");
                });
    }

    @Test
    void givenChannelUnknownToTeams_thenPermanent() {
        fake.server().stubFor(post(urlPathEqualTo("/v3/conversations")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> teams.notifier().deliver(row("dsl", DSL_CHANNEL)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("teams_404");
                });
    }

    @Test
    void givenTokenEndpointDown_thenRetryable() {
        fake.server().stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        Teams fresh = new Teams(fake.settings(), new Teams.Collaborators(m -> Reply.notice("x"), stores.processedEvents(),
                stores.conversations(), new InMemoryConversationReferences(),
                TestPorts.NO_ACKNOWLEDGEMENTS, null), 1, 10);
        try {
            assertThatThrownBy(() -> fresh.notifier().deliver(row("dsl", DSL_CHANNEL)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
            assertThat(fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations")))).isEmpty();
        } finally {
            fresh.close();
        }
    }

    @Test
    void givenTheTokenEndpointRefusesTheAppsSecret_thenRetryableAsAnOutageNeverGivenUp() {
        fake.server().stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\"}")));
        Teams fresh = new Teams(fake.settings(), new Teams.Collaborators(m -> Reply.notice("x"), stores.processedEvents(),
                stores.conversations(), new InMemoryConversationReferences(),
                TestPorts.NO_ACKNOWLEDGEMENTS, null), 1, 10);
        try {
            assertThatThrownBy(() -> fresh.notifier().deliver(row("dsl", DSL_CHANNEL)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.code()).isEqualTo("teams_token_401");
                    });
        } finally {
            fresh.close();
        }
    }

    @Test
    void givenANoteWithMarkdownLinksImagesAndMentions_thenTheCardCarriesItAsPlainText() throws Exception {
        String note = "[Open the case file](https://evil.example/login) ![x](https://evil.example/p.png) <at>Dee</at> **now**";
        teams.notifier().deliver(new OutboxMessage(11, new OutboxRow("SG-9", "safeguarding_lead", OutboxRow.INITIAL, "teams",
                DSL_CHANNEL, "[URGENT] Safeguarding escalation SG-9\nNote from the reporter:\n" + note, "URGENT",
                Instant.now(), null), 1, "w-1", Instant.now().plusSeconds(60)));
        com.fasterxml.jackson.databind.JsonNode card = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                fake.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations"))).getLast().getBodyAsString())
                .path("activity").path("attachments").path(0).path("content");
        assertThat(card.path("body").findValuesAsText("type")).doesNotContain("TextBlock").contains("RichTextBlock");
        assertThat(card.toString()).contains("\"type\":\"TextRun\",\"text\":\"" + note.replace("\"", "\\\""));
    }

    @Test
    void givenRowForAnotherPlatform_thenPermanent() {
        OutboxMessage slack = new OutboxMessage(8, new OutboxRow("SG-1", "dsl", OutboxRow.INITIAL, "slack", "C123",
                "x", "HIGH", Instant.now(), null), 1, "w-1", Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> teams.notifier().deliver(slack))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void retryAfterHeader_secondsOrDate() {
        assertThat(TeamsNotifier.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(TeamsNotifier.retryAfter(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TeamsNotifier.retryAfter("soon")).isEqualTo(Duration.ofSeconds(30));
    }
}
