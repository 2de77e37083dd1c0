package org.sga.app.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.audit.AuditTrail;
import org.sga.teams.Activities;
import org.sga.teams.BotFrameworkFake;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Reporter;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two (and more) instances of the bot on one PostgreSQL database, as a local authority runs it behind a load
 * balancer: what must happen once happens once, whichever instance does it, and an instance that dies leaves its
 * work to the others once its leases run out.
 */
class TwoInstancesTest {

    static EmbeddedPostgres postgres;
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort().containerThreads(40));
    /** Time for the slower instance to (wrongly) answer an event the other already answered. */
    private static final Duration ANOTHER_ANSWER = Duration.ofMillis(1500);

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        postgres = EmbeddedPostgres.start();
        SLACK.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        SLACK.stop();
        postgres.close();
    }

    @BeforeEach
    void stubSlack() {
        SLACK.resetAll();
        stub(SLACK, 0);
    }

    @AfterEach
    void stopInstances() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    static void stub(WireMockServer slack, int delayMillis) {
        slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"C\",\"ts\":\"1700000000.000100\"}").withFixedDelay(delayMillis)));
        slack.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"DREP\"}}")));
        slack.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    private ConfigurableApplicationContext instance(String jdbcUrl, WireMockServer slack, Map<String, Object> extra) {
        ConfigurableApplicationContext context = Instances.start(Instances.settings(jdbcUrl, slack, extra));
        running.add(context);
        return context;
    }

    /** Child harmed, images online, not self-posted: every role it routes to gets one notice. */
    static final Map<String, String> CHILD_ONLINE = answers("immediate_danger", "no", "concern_about", "child_harmed",
            "images_involved", "yes", "images_online", "yes", "child_posted_own_image", "no");

    @Test
    void givenThousandEscalationsRaisedOnBoth_thenEachNoticePostedExactlyOnce_andBothDelivered() throws Exception {
        String db = Instances.freshDatabase(postgres);
        ConfigurableApplicationContext a = instance(db, SLACK, Map.of("sga.outbox.batch-size", "10"));
        ConfigurableApplicationContext b = instance(db, SLACK, Map.of("sga.outbox.batch-size", "10"));
        TriageOutcome outcome = a.getBean(TriageEngine.class).evaluate(CHILD_ONLINE);

        ExecutorService raisers = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> refs = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            EscalationRaiser raiser = instance.getBean(EscalationRaiser.class);
            refs.add(raisers.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    mine.add(raiser.raise(outcome, new Reporter(Platform.SLACK, "UREP" + (i % 40), "Sam Example",
                            "DREP" + (i % 40)), null).reference());
                }
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : refs) {
            all.addAll(f.get());
        }
        raisers.shutdown();
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();

        JdbcClient jdbc = JdbcClient.create(a.getBean(DataSource.class));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single()).isGreaterThanOrEqualTo(1000);
        // Once each escalation's notices are delivered, its reporter is told so: one more notice per escalation.
        Instances.await("every notice delivered and every reporter told", Duration.ofMinutes(5), () ->
                jdbc.sql("SELECT COUNT(*) FROM outbox WHERE role = 'reporter'").query(Long.class).single() == 1000
                        && jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'").query(Long.class).single() == 0);
        long notices = jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();

        List<Map<String, String>> posts = calls(SLACK, "chat.postMessage");
        assertThat(posts).hasSize((int) notices);
        Map<String, Long> perNotice = posts.stream().collect(Collectors.groupingBy(
                p -> p.get("channel") + " " + reference(p.get("text")), Collectors.counting()));
        assertThat(perNotice).hasSize((int) notices);
        assertThat(perNotice.values()).allMatch(n -> n == 1);
        assertThat(perNotice.keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).distinct().count()).isEqualTo(1000);

        double byA = delivered(a);
        double byB = delivered(b);
        assertThat(byA + byB).isEqualTo(notices);
        assertThat(byA).as("instance A delivered some").isPositive();
        assertThat(byB).as("instance B delivered some").isPositive();
        assertThat(a.getBean(AuditTrail.class).verify().ok()).isTrue();
    }

    @Test
    void givenInstanceDiesMidDelivery_thenTheOtherPostsItsClaimedNoticesOnceTheLeaseRunsOut() throws Exception {
        String db = Instances.freshDatabase(postgres);
        WireMockServer slowSlack = new WireMockServer(options().dynamicPort());
        slowSlack.start();
        try {
            stub(slowSlack, 700);
            Map<String, Object> shortLease = Map.of("sga.outbox.lease", "4s", "sga.outbox.delivery-timeout", "3s",
                    "sga.outbox.batch-size", "20", "sga.escalation.re-escalator-enabled", "false");
            ConfigurableApplicationContext a = instance(db, slowSlack, shortLease);
            TriageOutcome outcome = a.getBean(TriageEngine.class).evaluate(CHILD_ONLINE);
            EscalationRaiser raiser = a.getBean(EscalationRaiser.class);
            for (int i = 0; i < 10; i++) {
                raiser.raise(outcome, new Reporter(Platform.SLACK, "UDIE" + i, "Sam Example", "DDIE" + i), null);
            }
            JdbcClient jdbc = JdbcClient.create(a.getBean(DataSource.class));
            long notices = jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
            assertThat(notices).as("every notice is to a role: reporters are told once they are delivered").isEqualTo(20);
            Instances.await("A posting", Duration.ofSeconds(20), () -> !calls(slowSlack, "chat.postMessage").isEmpty());

            // A dies: its database connections go, so it can neither record what it posted nor hand its claims back.
            Instant died = Instant.now();
            List<Map<String, Object>> claimedByA = jdbc.sql("SELECT id, lease_until FROM outbox WHERE status = 'PENDING'"
                    + " AND lease_owner IS NOT NULL").query().listOfRows();
            a.getBean(HikariDataSource.class).close();
            a.close();
            running.remove(a);
            int postedByA = calls(slowSlack, "chat.postMessage").size();
            assertThat(claimedByA).as("A held claims when it died").isNotEmpty();

            ConfigurableApplicationContext b = instance(db, SLACK, shortLease);
            JdbcClient jdbcB = JdbcClient.create(b.getBean(DataSource.class));
            Instances.await("B delivering everything", Duration.ofSeconds(60), () ->
                    jdbcB.sql("SELECT COUNT(*) FROM outbox WHERE status = 'DELIVERED' AND role <> 'reporter'")
                            .query(Long.class).single() == notices);

            for (Map<String, Object> row : claimedByA) {
                Instant leaseUntil = ((Timestamp) row.get("lease_until")).toInstant();
                Instant deliveredAt = jdbcB.sql("SELECT delivered_at FROM outbox WHERE id = ?").param(row.get("id"))
                        .query(Timestamp.class).single().toInstant();
                assertThat(deliveredAt).as("taken over only after A's lease ran out").isAfterOrEqualTo(leaseUntil);
            }
            // Each notice reached Slack; the one A was posting when it died may have reached it twice (at least once).
            List<Map<String, String>> everyPost = new ArrayList<>(calls(slowSlack, "chat.postMessage"));
            everyPost.addAll(calls(SLACK, "chat.postMessage"));
            everyPost.removeIf(p -> p.get("channel").startsWith("DDIE"));
            Map<String, Long> perNotice = everyPost.stream().collect(Collectors.groupingBy(
                    p -> p.get("channel") + " " + reference(p.get("text")), Collectors.counting()));
            assertThat(perNotice).hasSize((int) notices);
            assertThat(everyPost.size()).isLessThanOrEqualTo((int) notices + 1);
            assertThat(postedByA).isLessThan((int) notices);
            assertThat(died).isBefore(Instant.now());
        } finally {
            slowSlack.stop();
        }
    }

    @Test
    void givenSameSlackEventAtBothInstances_thenAnsweredOnce() throws Exception {
        String db = Instances.freshDatabase(postgres);
        ConfigurableApplicationContext a = instance(db, SLACK, Map.of());
        ConfigurableApplicationContext b = instance(db, SLACK, Map.of());
        ExecutorService senders = Executors.newFixedThreadPool(2);
        for (int n = 0; n < 5; n++) {
            String body = Instances.callback("EvTwice" + n, Instances.directMessage("UASK", "DASK",
                    "what should I do if a pupil's nudes are being shared", "1700000300." + n));
            List<Future<Integer>> sent = new ArrayList<>();
            for (ConfigurableApplicationContext instance : List.of(a, b)) {
                sent.add(senders.submit(() -> Instances.postEvent(Instances.port(instance), body).statusCode()));
            }
            for (Future<Integer> f : sent) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        senders.shutdown();
        Instances.await("answers", Duration.ofSeconds(30), () -> calls(SLACK, "chat.postMessage").size() >= 5);
        Instances.holds("no event answered twice", ANOTHER_ANSWER, () -> calls(SLACK, "chat.postMessage").size() == 5);
        assertThat(calls(SLACK, "chat.postMessage")).hasSize(5).allMatch(p -> "DASK".equals(p.get("channel")));
    }

    @Test
    void givenSameTeamsActivityAtBothInstances_thenAnsweredOnce() throws Exception {
        BotFrameworkFake teams = new BotFrameworkFake();
        try {
            Map<String, Object> teamsSettings = Map.of(
                    "sga.teams.app-id", BotFrameworkFake.APP_ID,
                    "sga.teams.app-password", BotFrameworkFake.APP_PASSWORD,
                    "sga.teams.tenant-id", BotFrameworkFake.TENANT_ID,
                    "sga.teams.openid-metadata-url", teams.metadataUrl(),
                    "sga.teams.token-url", teams.server().baseUrl() + "/token",
                    "sga.teams.connector-timeout", "3s");
            String db = Instances.freshDatabase(postgres);
            ConfigurableApplicationContext a = instance(db, SLACK, teamsSettings);
            ConfigurableApplicationContext b = instance(db, SLACK, teamsSettings);
            ExecutorService senders = Executors.newFixedThreadPool(2);
            for (int n = 0; n < 5; n++) {
                String activity = Activities.personalMessage(teams.base(), BotFrameworkFake.nextId(), "29:twice",
                        "what should I do if a pupil's nudes are being shared");
                List<Future<Integer>> sent = new ArrayList<>();
                for (ConfigurableApplicationContext instance : List.of(a, b)) {
                    sent.add(senders.submit(() -> teamsPost(Instances.port(instance), teams, activity)));
                }
                for (Future<Integer> f : sent) {
                    assertThat(f.get()).isBetween(200, 299);
                }
            }
            senders.shutdown();
            Instances.await("answers", Duration.ofSeconds(30), () -> replies(teams).size() >= 5);
            Instances.holds("no activity answered twice", ANOTHER_ANSWER, () -> replies(teams).size() == 5);
            assertThat(replies(teams)).hasSize(5);
        } finally {
            teams.close();
        }
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> replies(BotFrameworkFake teams) {
        return teams.server().findAll(postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v3/conversations/" + java.util.regex.Pattern.quote(
                        Activities.PERSONAL_CHAT) + "/activities.*")));
    }

    private static int teamsPost(int port, BotFrameworkFake teams, String activity) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/messages"))
                .header("Authorization", "Bearer " + teams.token(teams.base()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(activity)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void givenTriageBegunOnOneInstance_thenFinishedOnTheOther() {
        String db = Instances.freshDatabase(postgres);
        ConfigurableApplicationContext a = instance(db, SLACK, Map.of());
        ConfigurableApplicationContext b = instance(db, SLACK, Map.of());
        List<ConfigurableApplicationContext> alternate = List.of(a, b);
        String text = "report a concern";
        int step = 0;
        String last = "";
        while (!last.contains("Reference SG-")) {
            assertThat(step).as("the triage ends; the last reply was: %s", last).isLessThan(20);
            int before = toReporter().size();
            ConfigurableApplicationContext to = alternate.get(step % 2);
            String body = Instances.callback("EvTriage" + step, Instances.directMessage("UTRI", "DTRI", text,
                    "1700000400." + step));
            assertThat(Instances.postEvent(Instances.port(to), body).statusCode()).isEqualTo(200);
            // The instances' outbox workers post news of the escalation's delivery to the same DM, and that news can
            // arrive before the outcome itself: wait for the reply to the step, whatever else came meanwhile.
            Instances.await("the reply to step " + step, Duration.ofSeconds(30),
                    () -> repliesSince(before).stream().anyMatch(r -> !isDeliveryNews(r)));
            List<String> replies = repliesSince(before).stream().filter(r -> !isDeliveryNews(r)).toList();
            last = replies.stream().filter(r -> r.contains("Reference SG-")).findFirst().orElse(replies.getLast());
            // Answer each question with its second option ("no" first: no immediate danger), then send without a note.
            text = last.contains("short note") ? "send" : "2";
            step++;
        }
        assertThat(step).as("questions answered across both instances").isGreaterThanOrEqualTo(4);
        String ref = reference(last);
        EscalationRecords records = new EscalationRecords(b.getBean(AuditTrail.class));
        assertThat(records.find(ref)).isPresent();
        assertThat(b.getBean(AuditTrail.class).forRef(ref)).hasSize(1);
        JdbcClient jdbc = JdbcClient.create(b.getBean(DataSource.class));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_state WHERE user_id = 'UTRI'").query(Long.class).single())
                .as("the finished triage leaves no state behind").isZero();
    }

    private static List<String> repliesSince(int before) {
        List<Map<String, String>> all = toReporter();
        return all.subList(before, all.size()).stream().map(r -> r.get("text") + " " + r.getOrDefault("blocks", ""))
                .toList();
    }

    /** What the outbox tells the reporter about their escalation's notices, apart from the dialogue's own replies. */
    private static boolean isDeliveryNews(String reply) {
        return reply.startsWith("Your escalation SG-");
    }

    /** What the bot said in the reporter's DM (the notices it posts to the roles' channels meanwhile are left out). */
    private static List<Map<String, String>> toReporter() {
        return calls(SLACK, "chat.postMessage").stream().filter(p -> "DTRI".equals(p.get("channel"))).toList();
    }

    private static double delivered(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("sga.escalations.delivered").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static final Pattern REF = Pattern.compile("(SG-[A-Z0-9]+-[A-Z0-9]+)");

    static String reference(String text) {
        Matcher m = REF.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "none";
    }

    static List<Map<String, String>> calls(WireMockServer slack, String method) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .map(r -> form(r.getBodyAsString())).toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }

}
