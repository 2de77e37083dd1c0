package org.sga.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.LocalHttp;
import org.sga.app.TestRoutings;
import org.sga.content.Library;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.core.triage.TriageEngine;
import org.sga.teams.Activities;
import org.sga.slack.SignedRequests;
import org.sga.teams.BotFrameworkFake;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A survey of hostile inputs against the running application, per area, with the outcome of each classified:
 * refused (or handled) correctly, answered 5xx, leaked body text into the log, answered wrongly, or lost an escalation.
 * It drives only HTTP and the application's public beans, so the same file measures any version of the bot; it prints
 * a table and asserts nothing, being a measurement, not a test. Not part of {@code verify}:
 * <pre>
 * ./mvnw -B -q -pl bot-app -am verify -Dit.test=HostileInputSurvey -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Slack and the Bot Framework are WireMock; every role lists nobody, so channel membership decides (Slack says only
 * {@code U0LEAD} is in any channel; the Teams roster, only {@code 29:dee}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-survey",
        "sga.slack.signing-secret=" + HostileInputSurvey.SECRET,
        "sga.outbox.poll-interval=50ms",
        "sga.outbox.backoff-initial=200ms",
        "sga.management.token=survey-operator-token",
        "spring.main.allow-bean-definition-overriding=true"})
class HostileInputSurvey {

    static final String SECRET = "survey-signing-secret";
    static final String MARKER = "Quokkaville-Marmalade";
    static final String LEAD = "U0LEAD";
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort().containerThreads(32));
    static final BotFrameworkFake TEAMS = new BotFrameworkFake();
    static final Duration QUIET = Duration.ofSeconds(3);

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{{formData request.body 'form' urlDecode=true}}{\"ok\":true,\"channel\":\"{{form.channel}}\",\"ts\":\"1700000000."
                        + "{{randomValue length=9 type='NUMERIC'}}\"}").withTransformers("response-template")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson(
                "{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"" + LEAD + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        SLACK.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
        // Each notice starts a thread of its own, as in Teams, so each card is bound to its own notice.
        TEAMS.server().stubFor(post(urlEqualTo("/v3/conversations")).atPriority(3).willReturn(okJson(
                "{\"id\":\"19:dsl@thread.tacv2;messageid={{randomValue length=9 type='NUMERIC'}}\",\"activityId\":\"900\"}")
                .withTransformers("response-template")));
        TEAMS.server().stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/.*")).atPriority(5)
                .willReturn(aResponse().withStatus(404)));
        TEAMS.server().stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/29:dee")).atPriority(1)
                .willReturn(okJson("{\"id\":\"29:dee\"}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        TeamsSettingsFromFake.register(registry, TEAMS);
        var data = Files.createTempDirectory("sga-survey");
        registry.add("sga.data.dir", data::toString);
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
        TEAMS.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        RoutingConfig bothPlatforms() {
            return TestRoutings.slackAndTeams();
        }
    }

    @Autowired
    EscalationRaiser escalations;

    @Autowired
    TriageEngine engine;

    @Autowired
    Outbox outbox;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Value("${local.management.port:0}")
    int managementPort;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Map<String, int[]> table = new LinkedHashMap<>();
    private static final String[] COLUMNS = {"inputs", "refused/handled correctly", "5xx", "log leaks", "wrong replies",
        "lost/duplicated"};
    private int reporters;

    @Test
    void survey() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try {
            acknowledgement();
            reportsInPrivate();
            authFailures();
            boundedInput();
            malformed();
            escaping();
            channelIds();
            tokensWithoutExpiry();
        } finally {
            root.detachAppender(logged);
        }
        StringBuilder out = new StringBuilder("\n| area | " + String.join(" | ", COLUMNS) + " |\n|---|---|---|---|---|---|---|\n");
        table.forEach((area, n) -> out.append("| ").append(area).append(" | ").append(n[0]).append(" | ").append(n[1])
                .append(" | ").append(n[2]).append(" | ").append(n[3]).append(" | ").append(n[4]).append(" | ").append(n[5])
                .append(" |\n"));
        System.out.println(out);
    }

    // ---- areas

    private void acknowledgement() throws Exception {
        String area = "acknowledgement";
        // Slack, typed: a stranger with a role, without one; the reporter; a member of two roles' channels without a role.
        for (String[] attempt : new String[][] {{"U0STRANGER", " safeguarding_lead"}, {"U0STRANGER", ""},
            {"REPORTER", " safeguarding_lead"}, {LEAD, ""}}) {
            Raised r = raiseOnSlack();
            String user = attempt[0].equals("REPORTER") ? r.user : attempt[0];
            int before = postsTo(r.dm).size();
            slackEvent(message("D0ACK" + user, user, "ack " + r.ref + attempt[1]));
            boolean neverTold = stayedFalse(() -> postsTo(r.dm).stream().skip(before)
                    .anyMatch(p -> p.contains("acknowledged it")));
            record(area, neverTold ? Outcome.CORRECT : Outcome.WRONG);
        }
        // Slack, button: a stranger; the reporter; the lead pressing this notice carrying another escalation's reference.
        Raised mine = raiseOnSlack();
        Raised other = raiseOnSlack();
        String ts = awaitSlackNotice(mine.ref);
        for (String[] press : new String[][] {{"U0STRANGER", mine.ref}, {mine.user, mine.ref}, {LEAD, other.ref}}) {
            Raised target = press[1].equals(mine.ref) ? mine : other;
            int before = postsTo(target.dm).size();
            slackForm("payload=" + URLEncoder.encode(click("C0DSL", ts, press[1] + "|safeguarding_lead", press[0]),
                    StandardCharsets.UTF_8));
            boolean neverTold = stayedFalse(() -> postsTo(target.dm).stream().skip(before)
                    .anyMatch(p -> p.contains("acknowledged it")));
            record(area, neverTold ? Outcome.CORRECT : Outcome.WRONG);
        }
        // Teams, button: a stranger; the reporter; a roster member carrying another escalation's reference.
        Raised teamsMine = raiseOnTeams("29:sam");
        Raised teamsOther = raiseOnTeams("29:kim");
        awaitOutbox(teamsMine.ref);
        awaitOutbox(teamsOther.ref);
        String thread = outbox.entries(teamsMine.ref).stream().filter(e -> e.row().role().equals("safeguarding_lead"))
                .findFirst().orElseThrow().platformMessageId();
        for (String[] press : new String[][] {{"29:pat", teamsMine.ref}, {"29:sam", teamsMine.ref}, {"29:dee", teamsOther.ref}}) {
            long acknowledged = outboxReporterRows(press[1]);
            teams(Activities.submit(TEAMS.base(), BotFrameworkFake.nextId(), press[0], thread, "900",
                    "{\"sga\":\"ack\",\"ref\":\"" + press[1] + "\",\"role\":\"safeguarding_lead\"}"), TEAMS.token(TEAMS.base()));
            boolean neverTold = stayedFalse(() -> outboxReporterRows(press[1]) > acknowledged);
            record(area, neverTold ? Outcome.CORRECT : Outcome.WRONG);
        }
    }

    private void reportsInPrivate() throws Exception {
        String area = "reports in private";
        // Slack slash command in a public channel; a mention there; Start triage under an answer there.
        // The slash command: a report begun and answered there, then acknowledged by the lead; where is the reporter told?
        for (String text : List.of("I'm worried about a pupil", "no", "child_harmed", "no", "send")) {
            long before = responses().count();
            slackForm(slash("U0PUB1", text));
            eventually(() -> responses().count() > before);
        }
        eventually(() -> slashReference() != null);
        String reference = slashReference();
        if (reference != null) {
            slackEvent(message("D0LEAD", LEAD, "ack " + reference + " safeguarding_lead"));
        }
        record(area, stayedFalse(() -> !postsTo("C0PUBLIC").isEmpty()) ? Outcome.CORRECT : Outcome.WRONG);
        slackEvent("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvS" + System.nanoTime()
                + "\",\"event_time\":1700000001,\"event\":{\"type\":\"app_mention\",\"user\":\"U0PUB2\",\"text\":\"<@UBOT> report a concern\","
                + "\"ts\":\"1700000001.000200\",\"channel\":\"C0PUBLIC\",\"event_ts\":\"1700000001.000200\"}}");
        record(area, stayedFalse(() -> postsTo("C0PUBLIC").stream().anyMatch(p -> p.contains("sga_answer")))
                ? Outcome.CORRECT : Outcome.WRONG);
        slackForm("payload=" + URLEncoder.encode(click("C0PUBLIC", "1700000010.1", "report a concern", "U0PUB3")
                .replace("sga_ack", "sga_choice:0"), StandardCharsets.UTF_8));
        record(area, stayedFalse(() -> postsTo("C0PUBLIC").stream().anyMatch(p -> p.contains("sga_answer")))
                ? Outcome.CORRECT : Outcome.WRONG);
        // Teams: a channel mention; Start triage on a card in the channel.
        teams(Activities.channelMention(TEAMS.base(), BotFrameworkFake.nextId(), "29:pub4", "report a concern"),
                TEAMS.token(TEAMS.base()));
        record(area, stayedFalse(this::teamsChannelQuestions) ? Outcome.CORRECT : Outcome.WRONG);
        teams(Activities.submit(TEAMS.base(), BotFrameworkFake.nextId(), "29:pub5", Activities.CHANNEL + ";messageid=77", "77",
                "{\"sga\":\"choice\",\"value\":\"report a concern\",\"label\":\"Start triage\"}"), TEAMS.token(TEAMS.base()));
        record(area, stayedFalse(this::teamsChannelQuestions) ? Outcome.CORRECT : Outcome.WRONG);
    }

    private void authFailures() throws Exception {
        String area = "token/auth failures";
        for (String code : List.of("invalid_auth", "token_revoked", "account_inactive", "missing_scope", "not_authed")) {
            SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).withRequestBody(containing("C0DSL"))
                    .willReturn(okJson("{\"ok\":false,\"error\":\"" + code + "\"}")));
            Raised r = raiseOnSlack();
            boolean neverDead = stayedFalse(() -> outbox.entries(r.ref).stream()
                    .anyMatch(e -> e.status() == DeliveryStatus.DEAD));
            record(area, neverDead ? Outcome.CORRECT : Outcome.LOST);
        }
        SLACK.resetMappings();
        stubSlackAgain();
        for (String event : List.of("{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[],\"bot\":[\"UBOT\"]},\"event_ts\":\"1.1\"}",
                "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}")) {
            slackEvent("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvT" + System.nanoTime()
                    + "\",\"event_time\":1700000001,\"event\":" + event + "}");
            String health = operatorHealth();
            String name = event.contains("tokens_revoked") ? "tokens_revoked" : "app_uninstalled";
            record(area, health.contains(name) ? Outcome.CORRECT : Outcome.WRONG);
        }
    }

    private void boundedInput() throws Exception {
        String area = "bounded input (100 MB)";
        long hundred = 100L << 20;
        for (boolean chunked : List.of(false, true)) {
            record(area, streamed("/api/messages", Map.of("Content-Type", "application/json"), hundred, chunked));
            long ts = Instant.now().getEpochSecond();
            record(area, streamed("/slack/events", Map.of("Content-Type", "application/json",
                    "X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", "v0=" + "0".repeat(64)), hundred, chunked));
        }
        record(area, streamed("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + TEAMS.token(TEAMS.base())), hundred, true));
    }

    private void malformed() throws Exception {
        String area = "malformed but authentic";
        List<String> json = List.of(
                callback("{\"type\":\"app_mention\",\"user\":{\"x\":\"" + MARKER + "\"},\"text\":\"" + MARKER + "\",\"ts\":\"1.1\",\"channel\":\"C1\"}"),
                callback("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":{\"a\":\"" + MARKER + "\"},\"channel\":\"D1\",\"ts\":\"1.1\"}"),
                "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"" + MARKER + "\"}",
                "{\"type\":\"" + MARKER + "\",\"text\":\"" + MARKER + "\"}",
                "{\"type\":[\"" + MARKER + "\"]}",
                "[\"" + MARKER + "\"]",
                "{\"type\":\"event_callback\",\"event\":{\"text\":\"" + MARKER);
        for (String body : json) {
            record(area, malformedOutcome(slackSigned(body, "application/json").statusCode()));
        }
        List<String> forms = List.of("payload=" + URLEncoder.encode(MARKER, StandardCharsets.UTF_8),
                "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"channel\":{\"id\":\"C1\"},"
                        + "\"actions\":[{\"action_id\":\"sga_ack\",\"value\":{\"x\":\"" + MARKER + "\"}}]}", StandardCharsets.UTF_8),
                "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":\"" + MARKER + "\"}", StandardCharsets.UTF_8),
                "text=" + MARKER + "&user_id=U1");
        for (String body : forms) {
            record(area, malformedOutcome(slackSigned(body, "application/x-www-form-urlencoded").statusCode()));
        }
        String message = Activities.personalMessage(TEAMS.base(), BotFrameworkFake.nextId(), "29:sam", MARKER);
        for (String activity : List.of(message.replaceAll("\"from\":\\{[^}]*},", ""),
                message.replaceFirst("\"from\":\\{[^}]*}", "\"from\":[\"" + MARKER + "\"]"),
                message.replace("\"text\":\"" + MARKER + "\"", "\"text\":{\"a\":\"" + MARKER + "\"}"),
                message.replaceFirst("\"conversation\":\\{[^}]*}", "\"conversation\":5"))) {
            record(area, malformedOutcome(teams(activity, TEAMS.token(TEAMS.base()))));
        }
        stayedFalse(() -> leaks() > 0);
        long leaks = leaks();
        table.get(area)[3] += (int) leaks;
    }

    private void escaping() throws Exception {
        String area = "note injection";
        String note = "<!channel> <@U0LEAD> <https://evil.example/login|Open the case file> [Open](https://evil.example) ![x](https://evil.example/p.png)";
        Raised slack = raiseOnSlack(note);
        waitFor(() -> slackPostFields().stream().anyMatch(p -> "C0DSL".equals(p.get("channel"))
                && p.getOrDefault("text", "").contains(slack.ref)));
        Map<String, String> posted = slackPostFields().stream().filter(p -> "C0DSL".equals(p.get("channel"))
                && p.getOrDefault("text", "").contains(slack.ref)).findFirst().orElseThrow();
        String text = posted.getOrDefault("text", "");
        record(area, text.contains("<!channel>") || text.contains("<https://evil") ? Outcome.WRONG : Outcome.CORRECT);
        String blocks = posted.getOrDefault("blocks", "").replace("\\u003c", "<");
        record(area, blocks.contains("<!channel>") ? Outcome.WRONG : Outcome.CORRECT);
        Raised teams = raiseOnTeams("29:note", note);
        awaitOutbox(teams.ref);
        String card = TEAMS.server().getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains(teams.ref) && b.contains("evil.example")).findFirst().orElse("");
        boolean markdown = Pattern.compile("\"type\":\"TextBlock\",\"text\":\"[^\"]*\\]\\(https://evil").matcher(card).find();
        record(area, markdown ? Outcome.WRONG : Outcome.CORRECT);
    }

    private void channelIds() {
        String area = "channel ids, not names";
        for (String backup : List.of("'#managers'", "c0mgr", "C0mgr", "managers", "general")) {
            String yaml = TestRoutings.SLACK_AND_TEAMS.replace("backup: {slack: C0DSL2,", "backup: {slack: " + backup + ",")
                    .replace("channel: {slack: C0MGR,", "channel: {slack: C0MGR,");
            try {
                RoutingConfig.parse(new StringReader(yaml), "survey.yml");
                record(area, Outcome.WRONG);
            } catch (RuntimeException refused) {
                record(area, refused.getMessage().contains("safeguarding_lead.backup") ? Outcome.CORRECT : Outcome.WRONG);
            }
        }
    }

    private void tokensWithoutExpiry() throws Exception {
        String area = "Bot Framework tokens";
        String noExpiry = com.auth0.jwt.JWT.create().withIssuer(BotFrameworkFake.ISSUER).withAudience(BotFrameworkFake.APP_ID)
                .withClaim("serviceurl", TEAMS.base()).withKeyId("teams").sign(com.auth0.jwt.algorithms.Algorithm.none());
        record(area, teams(Activities.personalMessage(TEAMS.base(), BotFrameworkFake.nextId(), "29:sam", "hello"), noExpiry) == 401
                ? Outcome.CORRECT : Outcome.WRONG);
        record(area, teams(Activities.personalMessage(TEAMS.base(), BotFrameworkFake.nextId(), "29:sam", "hello"),
                TEAMS.expiredToken(TEAMS.base())) == 401 ? Outcome.CORRECT : Outcome.WRONG);
        try {
            var signing = BotFrameworkFake.class.getMethod("tokenWithoutExpiry", String.class);
            String signed = (String) signing.invoke(TEAMS, TEAMS.base());
            record(area, teams(Activities.personalMessage(TEAMS.base(), BotFrameworkFake.nextId(), "29:sam", "hello"), signed) == 401
                    ? Outcome.CORRECT : Outcome.WRONG);
        } catch (NoSuchMethodException olderFake) {
            System.out.println("(this version's fake cannot sign a token without exp; that input was not tried)");
        }
    }

    // ---- outcomes

    enum Outcome { CORRECT, FIVE_XX, LEAK, WRONG, LOST }

    private void record(String area, Outcome outcome) {
        int[] n = table.computeIfAbsent(area, a -> new int[6]);
        n[0]++;
        n[outcome.ordinal() + 1]++;
    }

    private static Outcome malformedOutcome(int status) {
        return status >= 500 ? Outcome.FIVE_XX : status == 400 ? Outcome.CORRECT : Outcome.WRONG;
    }

    private Outcome streamed(String path, Map<String, String> headers, long bytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) 'x');
                try {
                    for (long sent = 0; sent < bytes; sent += block.length) {
                        if (chunked) {
                            out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(block);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException closed) {
                    // answered early
                }
            });
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            socket.close();
            writer.join(60_000);
            int code = status == null ? 0 : Integer.parseInt(status.split(" ")[1]);
            return code >= 500 || code == 0 ? Outcome.FIVE_XX : code == 401 || code == 413 ? Outcome.CORRECT : Outcome.WRONG;
        }
    }

    // ---- helpers

    private record Raised(String ref, String user, String dm) {
    }

    private Raised raiseOnSlack() {
        return raiseOnSlack(null);
    }

    private Raised raiseOnSlack(String note) {
        String user = "U0REPORTER" + (++reporters);
        String dm = "D0R" + reporters;
        String ref = escalations.raise(childOnline(), new Reporter(Platform.SLACK, user, "Alex Example", dm), note).reference();
        return new Raised(ref, user, dm);
    }

    private Raised raiseOnTeams(String user) {
        return raiseOnTeams(user, null);
    }

    private Raised raiseOnTeams(String user, String note) {
        String chat = "a:1chat-" + user;
        String ref = escalations.raise(childOnline(), new Reporter(Platform.TEAMS, user, user, chat), note).reference();
        return new Raised(ref, user, chat);
    }

    private org.sga.core.triage.TriageOutcome childOnline() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("immediate_danger", "no");
        answers.put("concern_about", "child_harmed");
        answers.put("images_involved", "no");
        return engine.evaluate(answers);
    }

    private long outboxReporterRows(String ref) {
        return outbox.entries(ref).stream().filter(e -> e.row().role().equals("reporter")).count();
    }

    private void awaitOutbox(String ref) {
        waitFor(() -> outbox.entries(ref).stream().anyMatch(e -> e.status() == DeliveryStatus.DELIVERED));
    }

    private String awaitSlackNotice(String ref) {
        waitFor(() -> outbox.entries(ref).stream().anyMatch(e -> e.row().role().equals("safeguarding_lead")
                && e.platformMessageId() != null));
        String id = outbox.entries(ref).stream().filter(e -> e.row().role().equals("safeguarding_lead")
                && e.platformMessageId() != null).findFirst().orElseThrow().platformMessageId();
        return id.substring(id.indexOf(':') + 1);
    }

    /** Each chat.postMessage call's form fields, decoded. */
    private List<Map<String, String>> slackPostFields() {
        List<Map<String, String>> posts = new ArrayList<>();
        for (ServeEvent e : SLACK.getAllServeEvents()) {
            if (e.getRequest().getUrl().equals("/api/chat.postMessage")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String pair : e.getRequest().getBodyAsString().split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                posts.add(fields);
            }
        }
        return posts;
    }

    private boolean teamsChannelQuestions() {
        return TEAMS.server().getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().contains(Activities.CHANNEL)
                && e.getRequest().getMethod().value().equals("POST") && e.getRequest().getBodyAsString().contains("\"sga\":\"choice\""));
    }

    /** What was posted to a Slack channel, each post's text and blocks, oldest first. */
    private List<String> postsTo(String channel) {
        return slackPostFields().stream().filter(p -> channel.equals(p.get("channel")))
                .map(p -> p.getOrDefault("text", "") + " " + p.getOrDefault("blocks", "")).toList();
    }

    private void stubSlackAgain() {
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{{formData request.body 'form' urlDecode=true}}{\"ok\":true,\"channel\":\"{{form.channel}}\",\"ts\":\"1700000000."
                        + "{{randomValue length=9 type='NUMERIC'}}\"}").withTransformers("response-template")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"" + LEAD + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        SLACK.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    private String message(String dm, String user, String text) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvM" + System.nanoTime()
                + "\",\"event_time\":1700000001,\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"" + user
                + "\",\"text\":\"" + text + "\",\"ts\":\"1700000002.000300\",\"channel\":\"" + dm + "\",\"event_ts\":\"1700000002.000300\"}}";
    }

    private String callback(String event) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev" + System.nanoTime()
                + "\",\"event_time\":1700000001,\"event\":" + event + "}";
    }

    private String slash(String user, String text) {
        return "token=x&team_id=T1&team_domain=t&channel_id=C0PUBLIC&channel_name=general&user_id=" + user
                + "&user_name=u&command=%2Fsafeguarding&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url=" + URLEncoder.encode("http://localhost:" + SLACK.port() + "/respond/s",
                StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    private String click(String channel, String ts, String value, String user) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + user + "\"},\"api_app_id\":\"A1\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"" + channel
                + "\",\"is_ephemeral\":false},\"channel\":{\"id\":\"" + channel + "\"},\"message\":{\"type\":\"message\","
                + "\"ts\":\"" + ts + "\",\"text\":\"x\",\"blocks\":[]},\"response_url\":\"http://localhost:" + SLACK.port()
                + "/respond/c\",\"trigger_id\":\"1\",\"actions\":[{\"action_id\":\"sga_ack\",\"block_id\":\"b\",\"text\":"
                + "{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + value + "\",\"type\":\"button\",\"action_ts\":\"1\"}]}";
    }

    private void slackEvent(String json) {
        slackSigned(json, "application/json");
    }

    private void slackForm(String form) {
        slackSigned(form, "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> slackSigned(String body, String type) {
        return SignedRequests.toLocalPort(port, SECRET).signed(body, type);
    }

    private int teams(String activity, String token) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity)).build()).statusCode();
    }

    /** Health with its details, as an operator sees it: where this version serves it, with the token it asks for. */
    private String operatorHealth() {
        for (int candidate : new int[] {managementPort, port}) {
            if (candidate <= 0) {
                continue;
            }
            HttpResponse<String> r = LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + candidate + "/actuator/health"))
                    .header("Authorization", "Bearer survey-operator-token").GET().build());
            if (r.statusCode() != 404) {
                return r.body();
            }
        }
        return "";
    }


    /**
     * Whether {@code wrong} stayed false throughout the quiet time, in which asynchronous work could (wrongly) make it
     * true; ends early, false, as soon as it is true.
     */
    private static boolean stayedFalse(Callable<Boolean> wrong) {
        try {
            Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !wrong.call());
            return true;
        } catch (ConditionTimeoutException happened) {
            return false;
        }
    }

    /** Waits for {@code condition}; a survey records what did not happen rather than stopping, so this never fails. */
    private static void eventually(Callable<Boolean> condition) {
        try {
            waitFor(condition);
        } catch (ConditionTimeoutException notHappened) {
            // The outcome read next records it.
        }
    }

    /** Slack's response URLs called so far: each is one reply to a slash command. */
    private static java.util.stream.Stream<String> responses() {
        return SLACK.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/respond/"))
                .map(e -> e.getRequest().getBodyAsString());
    }

    private static String slashReference() {
        return responses().filter(b -> b.contains("Reference SG-"))
                .map(b -> b.replaceAll("(?s).*Reference (SG-[A-Z0-9]+-[A-Z0-9]+).*", "$1")).findFirst().orElse(null);
    }

    private long leaks() {
        return logged.list.stream().filter(e -> e.getFormattedMessage().contains(MARKER) || (e.getThrowableProxy() != null
                && String.valueOf(e.getThrowableProxy().getMessage()).contains(MARKER))).count();
    }

    private static void waitFor(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
