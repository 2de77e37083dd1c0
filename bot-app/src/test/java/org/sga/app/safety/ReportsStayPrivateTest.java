package org.sga.app.safety;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.LocalHttp;
import org.sga.app.teams.TeamsSettingsFromFake;
import org.sga.content.Library;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.teams.Activities;
import org.sga.slack.SignedRequests;
import org.sga.teams.BotFrameworkFake;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reports only in private, whatever the entry point, on Slack and on Teams: the slash command, a mention and a button in
 * a public channel, a Teams channel mention and button. The report continues in the reporter's private chat with the
 * bot, and every later message about the escalation (here, who acknowledged) goes there, never to the channel where it
 * began. The whole application runs, with WireMock as Slack and as the Bot Framework.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-private",
        "sga.slack.signing-secret=" + ReportsStayPrivateTest.SECRET,
        "sga.outbox.poll-interval=50ms",
        "sga.outbox.backoff-initial=100ms",
        "spring.main.allow-bean-definition-overriding=true"})
class ReportsStayPrivateTest {

    static final String SECRET = "private-signing-secret";
    static final String PUBLIC = "C0PUBLIC";
    static final String DM = "D0REPORTER";
    static final String REPORTER = "U0REPORTER";
    static final String LEAD = "U0LEAD";
    static final String SAM = "29:sam";
    static final String DEE = "29:dee";
    static final String TEAMS_PRIVATE = "a:private-" + SAM;
    static final String NOTICE_TS = "1700000000.000100";
    static final ObjectMapper JSON = new ObjectMapper();
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    static final BotFrameworkFake TEAMS = new BotFrameworkFake();

    static {
        SLACK.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        TeamsSettingsFromFake.register(registry, TEAMS);
        var data = Files.createTempDirectory("sga-private");
        registry.add("sga.data.dir", data::toString);
    }

    @AfterAll
    static void stopFakes() {
        SLACK.stop();
        TEAMS.close();
    }

    /** Lexical search; one team whose roles are on both platforms and list nobody, so channel members acknowledge. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        RoutingConfig bothPlatforms() {
            return org.sga.app.TestRoutings.slackAndTeams();
        }
    }

    @LocalServerPort
    int port;

    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void stubPlatforms() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{{formData request.body 'form' urlDecode=true}}{\"ok\":true,\"channel\":\"{{form.channel}}\",\"ts\":\""
                        + NOTICE_TS + "\"}").withTransformers("response-template")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + DM + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"" + LEAD + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        SLACK.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
        TEAMS.server().resetRequests();
        TEAMS.server().stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/.*")).atPriority(5)
                .willReturn(aResponse().withStatus(404)));
        TEAMS.server().stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/" + Pattern.quote(DEE)))
                .atPriority(1).willReturn(okJson("{\"id\":\"" + DEE + "\"}")));
    }


    @Test
    void givenSlacksSlashCommandInAPublicChannel_thenTheReportAndEveryLaterMessageAreInTheDm() {
        respondTo(slash("I'm worried about a pupil"));
        await("the first question in the DM", () -> postsTo(DM).stream().anyMatch(p -> p.get("blocks").contains("sga_answer")));
        await("the pointer for the reporter alone", () -> responses().stream().anyMatch(r -> r.contains("private message")));
        assertThat(responses()).allSatisfy(r -> assertThat(r).contains("ephemeral"));

        String ref = answerEveryQuestionInTheDm();
        Map<String, String> notice = awaitPostTo("C0DSL", p -> p.get("blocks").contains(ref + "|safeguarding_lead"));
        assertThat(notice.get("blocks")).contains("sga_ack");

        interaction(click("C0DSL", NOTICE_TS, "sga_ack", ref + "|safeguarding_lead", LEAD));
        awaitPostTo(DM, p -> (p.get("text") + p.get("blocks")).contains(ref) && p.get("text").contains("acknowledged it"));
        assertThat(postsTo(PUBLIC)).as("nothing about the report in the public channel").isEmpty();
        assertThat(calls("chat.postMessage")).noneMatch(p -> PUBLIC.equals(p.get("channel")));
    }

    @Test
    void givenASlackMentionInAPublicChannel_thenOnlyAShortNoteThereAndTheReportInTheDm() {
        event(callback("{\"type\":\"app_mention\",\"user\":\"" + REPORTER + "\",\"text\":\"<@UBOT> report a concern\","
                + "\"ts\":\"1700000001.000200\",\"channel\":\"" + PUBLIC + "\",\"event_ts\":\"1700000001.000200\"}"));
        await("the first question in the DM", () -> postsTo(DM).stream().anyMatch(p -> p.get("blocks").contains("sga_answer")));
        await("the note in the channel", () -> !postsTo(PUBLIC).isEmpty());
        assertThat(postsTo(PUBLIC)).singleElement().satisfies(p -> assertThat(p.get("text"))
                .contains("private message").doesNotContain("immediate danger?"));
    }

    @Test
    void givenSlacksStartTriagePressedUnderAnAnswerInAPublicChannel_thenTheReportIsInTheDm() {
        interaction(click(PUBLIC, "1700000010.1", "sga_choice:0", "report a concern", REPORTER));
        await("the first question in the DM", () -> postsTo(DM).stream().anyMatch(p -> p.get("blocks").contains("sga_answer")));
        await("the pointer for the presser alone", () -> responses().stream().anyMatch(r -> r.contains("private message")));
        assertThat(postsTo(PUBLIC)).isEmpty();
    }

    /** Clicks the first option of each question in the DM, sends without a note; returns the reference. */
    private String answerEveryQuestionInTheDm() {
        Pattern button = Pattern.compile("\"action_id\":\"(sga_answer:\\d+|sga_choice:\\d+)\",\"value\":\"([^\"]*)\"");
        for (int step = 0; step < 20; step++) {
            // The outcome may be followed at once by news of its delivery, in plain text: read every post.
            List<Map<String, String>> posts = postsTo(DM);
            var outcome = posts.stream().filter(p -> p.get("blocks").contains("Reference SG-")).findFirst();
            if (outcome.isPresent()) {
                return outcome.get().get("blocks").replaceAll("(?s).*Reference (SG-[A-Z0-9]+-[A-Z0-9]+).*", "$1");
            }
            // Plain-text news may land in the DM beside the questions: the step is the latest post with buttons.
            Map<String, String> last = posts.reversed().stream().filter(p -> button.matcher(p.get("blocks")).find())
                    .findFirst().orElse(posts.getLast());
            Matcher m = button.matcher(last.get("blocks"));
            assertThat(m.find()).as("a question with buttons: %s", last.get("blocks")).isTrue();
            int before = postsTo(DM).size();
            interaction(click(DM, "1700000100." + step, m.group(1), m.group(2), REPORTER));
            await("the next question or the outcome", () -> postsTo(DM).stream().skip(before).anyMatch(
                    p -> button.matcher(p.get("blocks")).find() || p.get("blocks").contains("Reference SG-")));
        }
        throw new AssertionError("the triage did not end");
    }

    private String slash(String text) {
        return "token=x&team_id=T1&team_domain=t&channel_id=" + PUBLIC + "&channel_name=general&user_id=" + REPORTER
                + "&user_name=u&command=%2Fsafeguarding&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url=" + URLEncoder.encode("http://localhost:" + SLACK.port() + "/respond/"
                + ids.incrementAndGet(), StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    private String click(String channel, String ts, String actionId, String value, String user) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + user + "\"},\"api_app_id\":\"A1\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"" + channel
                + "\",\"is_ephemeral\":false},\"channel\":{\"id\":\"" + channel + "\"},\"message\":{\"type\":\"message\","
                + "\"ts\":\"" + ts + "\",\"text\":\"x\",\"blocks\":[]},\"response_url\":\"http://localhost:" + SLACK.port()
                + "/respond/" + ids.incrementAndGet() + "\",\"trigger_id\":\"1\",\"actions\":[{\"action_id\":\"" + actionId
                + "\",\"block_id\":\"b\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + value
                + "\",\"type\":\"button\",\"action_ts\":\"1\"}]}";
    }

    private String callback(String event) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvP" + System.nanoTime()
                + "\",\"event_time\":1700000001,\"event\":" + event + "}";
    }

    private void event(String json) {
        assertThat(signed(json, "application/json").statusCode()).isEqualTo(200);
    }

    private void respondTo(String form) {
        assertThat(signed(form, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    }

    private void interaction(String payload) {
        respondTo("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signed(String body, String type) {
        return SignedRequests.toLocalPort(port, SECRET).signed(body, type);
    }

    private Map<String, String> awaitPostTo(String channel, Predicate<Map<String, String>> matching) {
        await("a post to " + channel, () -> postsTo(channel).stream().anyMatch(matching));
        return postsTo(channel).stream().filter(matching).findFirst().orElseThrow();
    }

    private List<Map<String, String>> postsTo(String channel) {
        return calls("chat.postMessage").stream().filter(p -> channel.equals(p.get("channel"))).toList();
    }

    private List<Map<String, String>> calls(String method) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(r -> form(r.getBodyAsString()))
                .toList();
    }

    private List<String> responses() {
        return SLACK.findAll(postRequestedFor(urlPathMatching("/respond/.*"))).stream().map(r -> r.getBodyAsString()).toList();
    }

    @Test
    void givenATeamsChannelMention_thenTheReportAndEveryLaterMessageAreInThePersonalChat() throws Exception {
        postActivity(Activities.channelMention(TEAMS.base(), BotFrameworkFake.nextId(), SAM, "report a concern"));
        ServeEvent question = awaitTeams(e -> e.getRequest().getUrl().equals("/v3/conversations/" + TEAMS_PRIVATE + "/activities"));
        assertThat(card(question).toString()).contains("\"sga\":\"choice\"");
        ServeEvent note = awaitTeams(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.CHANNEL));
        assertThat(note.getRequest().getBodyAsString()).contains("private message").doesNotContain("\"sga\":\"choice\"");

        String ref = answerEveryQuestionInThePersonalChat(question);
        String thread = "19:dsl@thread.tacv2;messageid=900";
        awaitTeams(e -> e.getRequest().getUrl().equals("/v3/conversations") && e.getRequest().getBodyAsString().contains(ref)
                && e.getRequest().getBodyAsString().contains("19:dsl@thread.tacv2"));
        postActivity(Activities.submit(TEAMS.base(), BotFrameworkFake.nextId(), DEE, thread, "900",
                "{\"sga\":\"ack\",\"ref\":\"" + ref + "\",\"role\":\"safeguarding_lead\"}"));
        awaitTeams(e -> e.getRequest().getUrl().equals("/v3/conversations/" + TEAMS_PRIVATE + "/activities")
                && e.getRequest().getBodyAsString().contains(ref) && e.getRequest().getBodyAsString().contains("acknowledged it"));
        assertThat(TEAMS.server().getAllServeEvents()).as("nothing about the report in the channel but the note")
                .filteredOn(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.CHANNEL))
                .singleElement();
    }

    @Test
    void givenTeamsStartTriagePressedOnACardInAChannel_thenTheReportIsInThePersonalChat() throws Exception {
        String thread = Activities.CHANNEL + ";messageid=77";
        postActivity(Activities.submit(TEAMS.base(), BotFrameworkFake.nextId(), SAM, thread, "77",
                "{\"sga\":\"choice\",\"value\":\"report a concern\",\"label\":\"Start triage\"}"));
        ServeEvent question = awaitTeams(e -> e.getRequest().getUrl().equals("/v3/conversations/" + TEAMS_PRIVATE + "/activities"));
        assertThat(card(question).toString()).contains("\"sga\":\"choice\"");
        assertThat(TEAMS.server().getAllServeEvents()).as("no question in the channel")
                .noneMatch(e -> e.getRequest().getUrl().startsWith("/v3/conversations/" + Activities.CHANNEL)
                        && e.getRequest().getMethod().value().equals("POST")
                        && e.getRequest().getBodyAsString().contains("\"sga\":\"choice\""));
    }

    private String answerEveryQuestionInThePersonalChat(ServeEvent first) throws Exception {
        ServeEvent last = first;
        for (int step = 0; step < 20; step++) {
            JsonNode card = card(last);
            if (card.toString().contains("Reference SG-")) {
                return card.toString().replaceAll("(?s).*Reference (SG-[A-Z0-9]+-[A-Z0-9]+).*", "$1");
            }
            JsonNode choice = null;
            for (JsonNode a : card.path("actions")) {
                if (a.path("data").path("sga").asText().equals("choice")) {
                    choice = a;
                    break;
                }
            }
            assertThat(choice).as("a question with choices: %s", card).isNotNull();
            String cardId = JSON.readTree(last.getResponse().getBodyAsString()).path("id").asText();
            int before = personalPosts().size();
            postActivity(Activities.submit(TEAMS.base(), BotFrameworkFake.nextId(), SAM, TEAMS_PRIVATE, cardId,
                    choice.path("data").toString()));
            // News of the escalation's delivery comes from another thread and may land before or after the outcome:
            // the next step is the first new post that is a question with choices or the outcome.
            await("the next step", () -> nextStep(before) != null);
            last = nextStep(before);
        }
        throw new AssertionError("the triage did not end");
    }

    /** The first post into the personal chat after the first {@code before} that asks a question or ends the triage. */
    private ServeEvent nextStep(int before) {
        List<ServeEvent> posts = personalPosts();
        for (ServeEvent post : posts.subList(before, posts.size())) {
            String card;
            try {
                card = card(post).toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (card.contains("\"sga\":\"choice\"") || card.contains("Reference SG-")) {
                return post;
            }
        }
        return null;
    }

    /** Posts into the personal chat (new messages and replies), oldest first. */
    private List<ServeEvent> personalPosts() {
        return TEAMS.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().value().equals("POST")
                        && e.getRequest().getUrl().startsWith("/v3/conversations/" + TEAMS_PRIVATE + "/activities"))
                .toList().reversed();
    }

    private void postActivity(String activity) {
        HttpResponse<String> r = LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Authorization", "Bearer " + TEAMS.token(TEAMS.base())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build());
        assertThat(r.statusCode()).isEqualTo(202);
    }

    private ServeEvent awaitTeams(Predicate<ServeEvent> matching) {
        await("the connector to receive it", () -> TEAMS.server().getAllServeEvents().stream().anyMatch(matching));
        return TEAMS.server().getAllServeEvents().stream().filter(matching).toList().getLast();
    }

    private JsonNode card(ServeEvent post) throws IOException {
        return JSON.readTree(post.getRequest().getBodyAsString()).path("attachments").path(0).path("content");
    }


    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                                .replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
                                .replace("\\u003d", "=").replace("\\u0027", "'"));
            }
        }
        fields.putIfAbsent("blocks", "");
        fields.putIfAbsent("text", "");
        return fields;
    }
}
