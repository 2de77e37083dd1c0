package org.sga.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.content.Library;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.sga.core.audit.AuditTrail;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.slack.SignedRequests;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as deployed in HTTP mode, on a random port, with WireMock as Slack: a scripted conversation from a
 * mention to an acknowledged escalation, through the real endpoint and the real core (search, triage dialogue,
 * conversation store, event de-duplication, escalation service, outbox, acknowledgements, audit in the database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-e2e",
        "sga.slack.signing-secret=" + SlackEndToEndTest.SECRET,
        "sga.outbox.worker-enabled=false",
        "spring.main.allow-bean-definition-overriding=true"})
class SlackEndToEndTest {

    static final String SECRET = "e2e-signing-secret";
    static final String DM = "DREPORTER";
    static final String NOTICE_TS = "1700000000.000100";
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    static final Path DATA;

    static {
        SLACK.start();
        try {
            DATA = Files.createTempDirectory("sga-slack-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        registry.add("sga.data.dir", DATA::toString);
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop();
    }

    /**
     * The real core and escalation path; only the search is lexical (no embedding model to load in a test) and the
     * routing is the test's: every role of the one team is a Slack channel, and anyone in a role's channel may
     * acknowledge for it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class WithRouting {

        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @org.springframework.context.annotation.Primary
        RoutingConfig slackRouting() {
            return SlackTestKit.routing("CDSL", "CBACKUP");
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Notifier platformNotifier;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    org.sga.app.store.Store store;

    /** One pass of a real outbox worker through the application's notifier (the scheduled worker is off here). */
    private void deliverOutbox() {
        new OutboxWorker(outbox, platformNotifier, java.time.Clock.systemUTC(), OutboxWorker.Settings.defaults("e2e")).runOnce();
    }

    @LocalServerPort
    int port;


    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void stubSlack() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        AtomicInteger ts = new AtomicInteger(100);
        // Slack answers with the channel posted to, so each notice's receipt names its own channel.
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{{formData request.body 'form' urlDecode=true}}{\"ok\":true,\"channel\":\"{{form.channel}}\",\"ts\":\""
                        + NOTICE_TS + "\"}").withTransformers("response-template")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + DM + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"UDSL\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        SLACK.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    @Test
    void givenMentionThroughTriageToAcknowledgement_thenEveryStepReachesSlack() {
        // 1. A question by mention: answered in the thread, with the citation and version, Start triage and feedback.
        assertThat(event(mention("what does the procedure say about preserving evidence on a phone")).statusCode()).isEqualTo(200);
        awaitPosts(1);
        Map<String, String> answer = posts().getFirst();
        assertThat(answer.get("channel")).isEqualTo("CSTAFF");
        assertThat(answer.get("thread_ts")).isEqualTo("1700000001.000200");
        assertThat(answer.get("blocks")).contains("version").contains("sga_choice:0").contains("sga_helpful");

        // 2. Start triage under the answer: the report continues in the DM.
        interaction(click("CSTAFF", "1700000000.000100", "sga_choice:0", "Start triage", "report a concern"));
        awaitPosts(2);
        assertThat(posts().get(1).get("channel")).isEqualTo(DM);

        // 3. Answer every question with its first button until the checklist comes back.
        int clicks = 0;
        while (!last().get("blocks").contains("What you do now")) {
            assertThat(clicks).as("the triage ends").isLessThan(20);
            Matcher button = BUTTON.matcher(last().get("blocks"));
            assertThat(button.find()).as("a question with buttons: %s", last().get("blocks")).isTrue();
            int before = posts().size();
            int updates = count("chat.update");
            interaction(click(DM, "1700000100." + (++clicks), button.group(2), button.group(1), button.group(3)));
            awaitPosts(before + 1);
            await("the question updated", () -> count("chat.update") == updates + 1);
            assertThat(calls("chat.update").getLast().get("blocks")).contains("You answered")
                    .doesNotContain("sga_answer");
        }
        Map<String, String> outcome = last();
        assertThat(outcome.get("channel")).isEqualTo(DM);
        assertThat(outcome.get("blocks")).contains("Reference SG-").contains("What you do now").contains("version")
                .contains("Being notified now");
        String ref = outcome.get("blocks").replaceAll("(?s).*Reference (SG-[A-Z0-9]+-[A-Z0-9]+).*", "$1");
        assertThat(auditTrail.forRef(ref)).as("audited before anything is sent").isNotEmpty();
        assertThat(posts()).noneMatch(p -> "CDSL".equals(p.get("channel")));

        // 4. The outbox worker posts the escalation notice to the DSL channel with an Acknowledge button.
        deliverOutbox();
        Map<String, String> notice = posts().stream().filter(p -> "CDSL".equals(p.get("channel"))).findFirst().orElseThrow();
        assertThat(notice.get("blocks")).contains("sga_ack").contains(ref + "|safeguarding_lead");

        // 5. Someone outside the DSL channel presses Acknowledge: refused privately, the notice unchanged.
        int updates = count("chat.update");
        int notes = responses().size();
        interaction(click("CDSL", NOTICE_TS, "sga_ack", "Acknowledge", ref + "|safeguarding_lead", "UOUTSIDER"));
        await("the refusal", () -> responses().size() == notes + 1);
        assertThat(responses().getLast()).contains("ephemeral").contains("not accepted").doesNotContain(ref);
        assertThat(count("chat.update")).isEqualTo(updates);

        // 6. The DSL presses it: the notice shows who acknowledged and when, without the button.
        interaction(click("CDSL", NOTICE_TS, "sga_ack", "Acknowledge", ref + "|safeguarding_lead", "UDSL"));
        await("the update", () -> count("chat.update") == updates + 1);
        assertThat(calls("chat.update").getLast().get("blocks")).contains("Acknowledged by <@UDSL>").doesNotContain("sga_ack");

        // 7. The reporter is told in their DM who acknowledged.
        deliverOutbox();
        assertThat(posts()).anySatisfy(p -> {
            assertThat(p.get("channel")).isEqualTo(DM);
            assertThat(p.get("text") + p.get("blocks")).contains(ref).containsIgnoringCase("acknowledged");
        });
    }

    @Test
    void givenUnansweredQuestionAndNotHelpfulPress_thenBothKeptForTheContentOwnersWithoutTheUser() {
        Instant before = Instant.now().minusSeconds(1);
        assertThat(event(mention("how many days of annual leave do I get")).statusCode()).isEqualTo(200);
        awaitPosts(1);
        await("the question kept", () -> unanswered(before).contains("how many days of annual leave do I get"));

        interaction(click("CSTAFF", "1700000300.1", "sga_not_helpful", "Not helpful", "child-abuse-and-ict#4.4|3.0"));

        await("the vote kept", () -> store.contentFeedback().notHelpfulSince(before).stream()
                .anyMatch(v -> v.sectionId().equals("child-abuse-and-ict#4.4") && v.notHelpful() == 1));
    }

    private List<String> unanswered(Instant since) {
        List<String> questions = new ArrayList<>();
        store.contentFeedback().unansweredSince(since, q -> questions.add(q.question()));
        return questions;
    }

    @Test
    void givenRetriedEvent_thenOneReply() {
        String body = mention("what does the procedure say about preserving evidence on a phone");
        assertThat(event(body).statusCode()).isEqualTo(200);
        assertThat(event(body).statusCode()).isEqualTo(200);
        awaitPosts(1);
        pause();
        assertThat(posts()).hasSize(1);
    }

    @Test
    void givenFileInDm_thenGuidanceAndNoFileFetched() {
        String body = callback("{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":\"\","
                + "\"files\":[{\"id\":\"F1\",\"url_private\":\"http://localhost:" + SLACK.port() + "/files/F1\"}],"
                + "\"ts\":\"1.1\",\"channel\":\"" + DM + "\",\"event_ts\":\"1.1\"}");
        event(body);
        awaitPosts(1);
        pause();
        assertThat(last().get("blocks")).contains("do not send, forward, copy or download images");
        assertThat(SLACK.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("files"));
    }

    @Test
    void givenUnsignedOrFutureRequest_thenRefusedBeforeBolt() {
        String body = mention("anything");
        HttpResponse<String> unsigned = slack().send(HttpRequest.newBuilder(slack().endpoint())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        long future = Instant.now().getEpochSecond() + 600;
        HttpResponse<String> later = slack().send(body, "application/json", future, SECRET, null);
        assertThat(later.statusCode()).isEqualTo(401);
        pause();
        assertThat(SLACK.getAllServeEvents()).isEmpty();
    }

    private static final Pattern BUTTON = Pattern.compile(
            "\"text\":\\{\"type\":\"plain_text\",\"text\":\"([^\"]*)\"(?:,\"emoji\":true)?},\"action_id\":\"(sga_answer:\\d+|sga_choice:\\d+)\",\"value\":\"([^\"]*)\"");

    private String mention(String text) {
        return callback("{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> " + text
                + "\",\"ts\":\"1700000001.000200\",\"channel\":\"CSTAFF\",\"event_ts\":\"1700000001.000200\"}");
    }

    private String callback(String event) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvE2E" + System.nanoTime()
                + ids.incrementAndGet() + "\",\"event_time\":1700000001,\"event\":" + event + "}";
    }

    private String click(String channel, String ts, String actionId, String label, String value) {
        return click(channel, ts, actionId, label, value, "U1");
    }

    private String click(String channel, String ts, String actionId, String label, String value, String user) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + user + "\"},\"api_app_id\":\"A1\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"" + channel
                + "\",\"is_ephemeral\":false},\"channel\":{\"id\":\"" + channel + "\"},\"message\":{\"type\":\"message\",\"ts\":\""
                + ts + "\",\"text\":\"x\",\"blocks\":[]},\"response_url\":\"http://localhost:" + SLACK.port() + "/respond/"
                + ids.incrementAndGet() + "\",\"trigger_id\":\"1\",\"actions\":[{\"action_id\":\"" + actionId
                + "\",\"block_id\":\"b\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + label + "\"},\"value\":\"" + value
                + "\",\"type\":\"button\",\"action_ts\":\"1\"}]}";
    }

    private SignedRequests slack() {
        return SignedRequests.toLocalPort(port, SECRET);
    }

    private HttpResponse<String> event(String json) {
        return slack().event(json);
    }

    private HttpResponse<String> interaction(String payload) {
        HttpResponse<String> r = slack().interaction(payload);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    private static List<Map<String, String>> calls(String method) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(r -> form(r.getBodyAsString())).toList();
    }

    private static int count(String method) {
        return calls(method).size();
    }

    private static List<Map<String, String>> posts() {
        return calls("chat.postMessage");
    }

    private static Map<String, String> last() {
        List<Map<String, String>> posts = posts();
        return posts.get(posts.size() - 1);
    }

    private static List<String> responses() {
        return SLACK.findAll(postRequestedFor(urlPathMatching("/respond/.*"))).stream().map(r -> r.getBodyAsString()).toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        readable(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return fields;
    }

    /** Gson writes &, < and > as unicode escapes; read them as Slack shows them. */
    private static String readable(String json) {
        return json.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=")
                .replace("\\u0027", "'");
    }

    private static void awaitPosts(int n) {
        await(n + " posts", () -> posts().size() >= n);
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what + "; Slack saw " + new ArrayList<>(
                        SLACK.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList()));
            }
            pause(20);
        }
    }

    private static void pause() {
        pause(300);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
