package org.sga.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.search.BackgroundSearcher;
import org.sga.teams.Activities;
import org.sga.teams.BotFrameworkFake;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.sga.core.escalation.RoutingConfig;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole Teams path through the real endpoint on a random port: a question, the answer card, the triage by button
 * clicks, the outcome, the escalation posted into the DSL channel by the outbox worker, and the Acknowledge button
 * clicked first by someone not allowed, then by the lead, whose acknowledgement reaches the reporter's chat.
 * WireMock plays the Bot Framework: connector, token endpoint and OpenID metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.outbox.poll-interval=50ms", "sga.outbox.backoff-initial=100ms"})
class TeamsEndToEndTest {

    static final BotFrameworkFake FAKE = new BotFrameworkFake();
    static final String DSL_CHANNEL = "19:dsl@thread.tacv2";
    static final String SAM = "29:sam";
    static final String DEE = "29:dee";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Generous bounds that only a broken build reaches; on a healthy machine the waits end in milliseconds. */
    static final Duration READY_WITHIN = Duration.ofMinutes(10);
    static final Duration REPLY_WITHIN = Duration.ofMinutes(1);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TeamsSettingsFromFake.register(registry, FAKE);
        Path data = Files.createTempDirectory("sga-teams-e2e");
        registry.add("sga.data.dir", data::toString);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @org.springframework.beans.factory.annotation.Autowired
    BackgroundSearcher searcher;

    /**
     * The first answer needs the search index, whose embeddings take minutes to compute on a cold cache and a busy
     * machine: wait until the instance is ready, as a load balancer would, before sending anything.
     */
    @BeforeEach
    void awaitReadiness() {
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (searcher.state() == BackgroundSearcher.State.FAILED) {
                searcher.await();
            }
            return searcher.ready();
        });
    }

    @Test
    void questionTriageEscalationAndAcknowledgement() throws Exception {
        String serviceUrl = FAKE.base();

        // A question: the answer comes back as a card with its citation and the Start triage button.
        assertThat(post(Activities.personalMessage(serviceUrl, BotFrameworkFake.nextId(), SAM,
                "a pupil's nudes are going round school, what do I do?"))).isEqualTo(202);
        ServeEvent answer = awaitPost(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.PERSONAL_CHAT));
        JsonNode card = card(answer);
        assertThat(card.toString()).contains("version", "Start triage", "Helpful");

        // Start triage from the card, then answer every question by clicking its first option.
        ServeEvent last = click(answer, button(card, "Start triage"));
        for (int step = 0; step < 15 && !isOutcome(card(last)); step++) {
            JsonNode choice = firstChoice(card(last));
            last = click(last, choice);
        }
        String outcome = card(last).toString();
        assertThat(outcome).contains("Reference SG-", "What you do now", "What the DSL will do");
        String ref = outcome.replaceAll("(?s).*Reference (SG-[A-Z0-9]+-[A-Z0-9]+).*", "$1");

        // The outbox worker posts the escalation into the lead's channel with an Acknowledge button.
        ServeEvent escalation = awaitPost(e -> e.getRequest().getUrl().equals("/v3/conversations")
                && e.getRequest().getBodyAsString().contains(DSL_CHANNEL));
        assertThat(escalation.getRequest().getBodyAsString()).contains(DSL_CHANNEL, ref, "Acknowledge");
        // Every first notice is out (which roles depends on the hour) once the reporter is told where it went.
        awaitPost(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.PERSONAL_CHAT)
                && e.getRequest().getBodyAsString().contains(ref) && e.getRequest().getBodyAsString().contains("has been delivered"));
        String thread = "19:dsl@thread.tacv2;messageid=900";
        String ack = "{\"sga\":\"ack\",\"ref\":\"" + ref + "\",\"role\":\"safeguarding_lead\"}";

        // The reporter themselves: refused, privately in their personal chat, and the card stays as it was.
        FAKE.server().resetRequests();
        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), SAM, thread, "900", ack));
        ServeEvent refusal = awaitPost(e -> e.getRequest().getUrl().equals("/v3/conversations/a:private-" + SAM + "/activities"));
        assertThat(refusal.getRequest().getBodyAsString()).contains("not accepted").doesNotContain(ref);
        assertThat(FAKE.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("19:dsl"));

        // The lead: the card is updated without the button, and the reporter is told in their personal chat.
        FAKE.server().resetRequests();
        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), DEE, thread, "900", ack));
        ServeEvent update = awaitPost(e -> e.getRequest().getMethod().value().equals("PUT"));
        assertThat(update.getRequest().getBodyAsString()).contains("Acknowledged by", "\"actions\":[]", ref);
        ServeEvent told = awaitPost(e -> e.getRequest().getUrl().equals("/v3/conversations/" + Activities.PERSONAL_CHAT + "/activities")
                && e.getRequest().getBodyAsString().contains("acknowledged it"));
        assertThat(told.getRequest().getBodyAsString()).contains(ref);
        assertThat(FAKE.server().findAll(postRequestedFor(urlPathEqualTo("/v3/conversations")))).isEmpty();
    }

    @Test
    void givenNotHelpfulClickOnAnAnswer_thenTheVoteIsKeptWithoutTheUser() throws Exception {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        FAKE.server().resetRequests();
        assertThat(post(Activities.personalMessage(FAKE.base(), BotFrameworkFake.nextId(), SAM,
                "what does the procedure say about preserving evidence on a phone"))).isEqualTo(202);
        // Only the answer: the other test's escalation may still be telling its reporter what happened.
        ServeEvent answer = awaitPost(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.PERSONAL_CHAT)
                && e.getRequest().getBodyAsString().contains("Not helpful"));
        JsonNode notHelpful = button(card(answer), "Not helpful");
        String section = notHelpful.path("data").path("section").asText();
        String cardId = JSON.readTree(answer.getResponse().getBodyAsString()).path("id").asText();

        assertThat(post(Activities.submit(FAKE.base(), BotFrameworkFake.nextId(), SAM, Activities.PERSONAL_CHAT, cardId,
                notHelpful.path("data").toString()))).isEqualTo(202);

        await().atMost(REPLY_WITHIN).until(() -> !store.contentFeedback().notHelpfulSince(before).isEmpty());
        assertThat(store.contentFeedback().notHelpfulSince(before)).singleElement().satisfies(v -> {
            assertThat(v.sectionId()).isEqualTo(section).isNotBlank();
            assertThat(v.notHelpful()).isEqualTo(1);
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.sga.app.store.Store store;

    /**
     * Clicks a triage button and returns the triage's reply: the next question or the outcome. The outbox worker tells
     * the reporter when the escalation is delivered, and on a busy machine that notice can be in the reporter's chat
     * before the outcome is looked for (the fake lists the newest request first), so the reply is recognised by what
     * it is, not by where it comes in the list.
     */
    private ServeEvent click(ServeEvent cardPost, JsonNode action) throws Exception {
        String cardId = JSON.readTree(cardPost.getResponse().getBodyAsString()).path("id").asText();
        FAKE.server().resetRequests();
        assertThat(post(Activities.submit(FAKE.base(), BotFrameworkFake.nextId(), SAM, Activities.PERSONAL_CHAT, cardId,
                action.path("data").toString()))).isEqualTo(202);
        return awaitPost(e -> e.getRequest().getMethod().value().equals("POST")
                && e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.PERSONAL_CHAT)
                && isTriageStep(card(e)));
    }

    private static boolean isTriageStep(JsonNode card) {
        return isOutcome(card) || hasChoice(card);
    }

    private static boolean isOutcome(JsonNode card) {
        return card.toString().contains("Reference ");
    }

    private static boolean hasChoice(JsonNode card) {
        for (JsonNode a : card.path("actions")) {
            if (a.path("data").path("sga").asText().equals("choice")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode button(JsonNode card, String title) {
        for (JsonNode a : card.path("actions")) {
            if (a.path("title").asText().equals(title)) {
                return a;
            }
        }
        throw new AssertionError("no button " + title + " in " + card);
    }

    private static JsonNode firstChoice(JsonNode card) {
        for (JsonNode a : card.path("actions")) {
            if (a.path("data").path("sga").asText().equals("choice")) {
                return a;
            }
        }
        throw new AssertionError("no choice in " + card);
    }

    private static JsonNode card(ServeEvent post) {
        try {
            return JSON.readTree(post.getRequest().getBodyAsString()).path("attachments").path(0).path("content");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServeEvent awaitPost(Predicate<ServeEvent> matching) {
        return await().atMost(REPLY_WITHIN).pollInterval(Duration.ofMillis(20))
                .alias("the connector receives a matching request")
                .until(() -> FAKE.server().getAllServeEvents().stream().filter(matching).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private int post(String activity) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Authorization", "Bearer " + FAKE.token(FAKE.base()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The real escalation service and acknowledgements; only the routing is the test's: every role of the one team
     * is reached in Teams, and only the lead (by AAD object id) may acknowledge for the safeguarding lead.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        @Primary
        RoutingConfig teamsRouting() {
            String yaml = """
                    organisations:
                      - id: example-org
                        name: Example Organisation
                        teams:
                          - id: team-1
                            name: Example School
                            roles:
                              manager:
                                channel: {teams: "19:mgr@thread.tacv2"}
                                backup: {teams: "19:mgr-backup@thread.tacv2"}
                              safeguarding_lead:
                                channel: {teams: "%1$s"}
                                backup: {teams: "19:dsl-backup@thread.tacv2"}
                                acknowledgers: {teams: ["aad-%2$s"]}
                              allegations_officer:
                                channel: {teams: "19:lado@thread.tacv2"}
                                backup: {teams: "19:lado-backup@thread.tacv2"}
                              out_of_hours:
                                channel: {teams: "19:ooh@thread.tacv2"}
                                backup: {teams: "19:ooh-backup@thread.tacv2"}
                              governance_lead:
                                channel: {teams: "19:gov@thread.tacv2"}
                                backup: {teams: "19:gov-backup@thread.tacv2"}
                    """.formatted(DSL_CHANNEL, DEE);
            return RoutingConfig.parse(new java.io.StringReader(yaml), "teams-e2e-routing.yml");
        }
    }
}
