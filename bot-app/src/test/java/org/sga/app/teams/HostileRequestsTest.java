package org.sga.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.app.LocalHttp;
import org.sga.teams.Activities;
import org.sga.slack.SignedRequests;
import org.sga.teams.BotFrameworkFake;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a hostile member of the workspace, or anyone on the network, can send the running application: bodies of 100 MB
 * without a token, payloads signed or authenticated but malformed. Nothing unauthenticated is read beyond the limit, a
 * malformed but authentic request gets 400 (never a 5xx, which Slack and the Bot Framework retry), nothing is logged at
 * ERROR with a stack trace, and no word of any body reaches the log at any level of the bot's own code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-hostile",
        "sga.slack.signing-secret=" + HostileRequestsTest.SECRET,
        "sga.outbox.worker-enabled=false",
        "spring.main.allow-bean-definition-overriding=true"})
@org.springframework.context.annotation.Import(HostileRequestsTest.Routing.class)
class HostileRequestsTest {

    static final String SECRET = "hostile-signing-secret";
    /** Planted in every body; it must never be logged. */
    static final String MARKER = "Quokkaville-Marmalade";
    static final long HUNDRED_MB = 100L << 20;
    static final BotFrameworkFake FAKE = new BotFrameworkFake();
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());

    static {
        SLACK.start();
        SLACK.stubFor(post(anyUrl()).willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.1\"}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TeamsSettingsFromFake.register(registry, FAKE);
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        var data = Files.createTempDirectory("sga-hostile");
        registry.add("sga.data.dir", data::toString);
    }

    /** Routing that gives every role a channel on both platforms, as start-up requires. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Routing {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.sga.core.escalation.RoutingConfig slackAndTeams() {
            return org.sga.app.TestRoutings.slackAndTeams();
        }
    }

    @AfterAll
    static void stopFakes() {
        FAKE.close();
        SLACK.stop();
    }

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.sga");
    private Level oursBefore;

    @BeforeEach
    void captureLogs() {
        logged.start();
        root.addAppender(logged);
        oursBefore = ours.getLevel();
        ours.setLevel(Level.TRACE);
    }

    @AfterEach
    void checkLogs() {
        ours.setLevel(oursBefore);
        root.detachAppender(logged);
        assertThat(logged.list).as("log lines with the body's words")
                .noneMatch(e -> e.getFormattedMessage().contains(MARKER)
                        || (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(MARKER)));
        assertThat(logged.list).as("stack traces at ERROR")
                .noneMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null);
    }

    @Nested
    class Oversized {

        @Test
        void givenAHundredMegabytesDeclaredWithoutAToken_thenTeamsAnswers413BeforeReadingIt() throws Exception {
            Streamed answer = stream("/api/messages", Map.of("Content-Type", "application/json"), HUNDRED_MB, false);
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.sent()).as("bytes the server let in before answering").isLessThan(10L << 20);
        }

        @Test
        void givenAHundredMegabytesStreamedWithoutAToken_thenTeamsAnswers401WithoutReadingIt() throws Exception {
            Streamed answer = stream("/api/messages", Map.of("Content-Type", "application/json"), HUNDRED_MB, true);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.sent()).isLessThan(10L << 20);
        }

        @Test
        void givenAHundredMegabytesStreamedWithAValidToken_thenTeamsStopsReadingAtTheLimitWith413() throws Exception {
            Streamed answer = stream("/api/messages", Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + FAKE.token(FAKE.base())), HUNDRED_MB, true);
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.sent()).isLessThan(10L << 20);
        }

        @Test
        void givenAHundredMegabytesToSlack_thenRefusedBeforeReadingIt() throws Exception {
            long ts = Instant.now().getEpochSecond();
            Map<String, String> signedLooking = Map.of("Content-Type", "application/json",
                    "X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", "v0=" + "0".repeat(64));
            assertThat(stream("/slack/events", signedLooking, HUNDRED_MB, false).status()).isEqualTo(413);
            Streamed chunked = stream("/slack/events", signedLooking, HUNDRED_MB, true);
            assertThat(chunked.status()).isEqualTo(413);
            assertThat(chunked.sent()).isLessThan(10L << 20);
            assertThat(stream("/slack/events", Map.of("Content-Type", "application/json"), HUNDRED_MB, true).status())
                    .isEqualTo(401);
        }
    }

    @Nested
    class SignedButMalformedForSlack {

        @Test
        void givenWrongTypesUnknownKindsAndBrokenJson_thenEach400() {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("mention whose user is an object", callback("{\"type\":\"app_mention\",\"user\":{\"x\":\"" + MARKER
                    + "\"},\"text\":\"" + MARKER + "\",\"ts\":\"1.1\",\"channel\":\"C1\"}"));
            bodies.put("message whose text is an object", callback("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":"
                    + "\"U1\",\"text\":{\"a\":\"" + MARKER + "\"},\"channel\":\"D1\",\"ts\":\"1.1\"}"));
            bodies.put("event that is a string", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"" + MARKER + "\"}");
            bodies.put("unknown kind", "{\"type\":\"" + MARKER + "\",\"text\":\"" + MARKER + "\"}");
            bodies.put("type that is a list", "{\"type\":[\"" + MARKER + "\"]}");
            bodies.put("a JSON array", "[\"" + MARKER + "\"]");
            bodies.put("broken JSON", "{\"type\":\"event_callback\",\"event\":{\"text\":\"" + MARKER);
            bodies.put("event time that is an object", callback("{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\""
                    + MARKER + "\",\"ts\":\"1.1\",\"channel\":\"C1\"}").replace("\"event_time\":1700000001",
                    "\"event_time\":{\"x\":\"" + MARKER + "\"}"));
            for (var body : bodies.entrySet()) {
                assertThat(signed(body.getValue(), "application/json").statusCode()).as(body.getKey()).isEqualTo(400);
            }
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put("payload that is not JSON", "payload=" + enc(MARKER));
            forms.put("button press whose value is an object", "payload=" + enc("{\"type\":\"block_actions\",\"user\":{\"id\":"
                    + "\"U1\"},\"channel\":{\"id\":\"C1\"},\"container\":{\"message_ts\":\"1.1\"},\"actions\":[{\"action_id\":"
                    + "\"sga_ack\",\"value\":{\"x\":\"" + MARKER + "\"}}]}"));
            forms.put("button press whose actions are a string", "payload=" + enc("{\"type\":\"block_actions\",\"actions\":\""
                    + MARKER + "\"}"));
            forms.put("interaction of a kind not used", "payload=" + enc("{\"type\":\"view_submission\",\"view\":{\"x\":\""
                    + MARKER + "\"}}"));
            forms.put("form of no known kind", "text=" + enc(MARKER) + "&user_id=U1");
            forms.put("form with a bad escape", "payload=%zz" + MARKER);
            for (var form : forms.entrySet()) {
                assertThat(signed(form.getValue(), "application/x-www-form-urlencoded").statusCode()).as(form.getKey())
                        .isEqualTo(400);
            }
        }

        private String callback(String event) {
            return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"Ev" + System.nanoTime()
                    + "\",\"event_time\":1700000001,\"event\":" + event + "}";
        }

        private HttpResponse<String> signed(String body, String type) {
            return SignedRequests.toLocalPort(port, SECRET).signed(body, type);
        }
    }

    @Nested
    class AuthenticButMalformedForTeams {

        @Test
        void givenAMessageWithoutASender_thenBadRequestAndNothingProcessed() {
            String activity = Activities.personalMessage(FAKE.base(), BotFrameworkFake.nextId(), "29:sam", MARKER)
                    .replaceAll("\"from\":\\{[^}]*},", "");
            assertThat(activity).doesNotContain("\"from\"");
            assertThat(teams(activity, FAKE.token(FAKE.base()))).isEqualTo(400);
        }

        @Test
        void givenWrongTypes_thenEach400() {
            String message = Activities.personalMessage(FAKE.base(), BotFrameworkFake.nextId(), "29:sam", MARKER);
            List<String> broken = new ArrayList<>();
            broken.add(message.replaceFirst("\"from\":\\{[^}]*}", "\"from\":[\"" + MARKER + "\"]"));
            broken.add(message.replace("\"text\":\"" + MARKER + "\"", "\"text\":{\"a\":\"" + MARKER + "\"}"));
            broken.add(message.replaceFirst("\"conversation\":\\{[^}]*}", "\"conversation\":5"));
            broken.add(message.replace("\"type\":\"message\"", "\"type\":[\"" + MARKER + "\"]"));
            broken.add("{\"type\":\"message\",\"serviceUrl\":\"" + FAKE.base() + "\",\"text\":\"" + MARKER);
            for (String activity : broken) {
                assertThat(teams(activity, FAKE.token(FAKE.base()))).as(activity).isEqualTo(400);
            }
        }

        @Test
        void givenATokenWithoutAnExpiry_thenRefused() {
            String activity = Activities.personalMessage(FAKE.base(), BotFrameworkFake.nextId(), "29:sam", MARKER);
            assertThat(teams(activity, FAKE.tokenWithoutExpiry(FAKE.base()))).isEqualTo(401);
        }

        private int teams(String activity, String token) {
            return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity)).build()).statusCode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }


    /** The status the server answered with, and how many body bytes the client had got into the connection by then. */
    record Streamed(int status, long sent) {
    }

    /**
     * Sends {@code bodyBytes} of body, declared or chunked, from a buffer reused for every write (the test never holds
     * the body), while reading the answer: a server that answers before the body is read ends the upload.
     */
    private Streamed stream(String path, Map<String, String> headers, long bodyBytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) 'x');
                try {
                    while (sent.get() < bodyBytes) {
                        if (chunked) {
                            out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(block);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(block);
                        }
                        sent.addAndGet(block.length);
                    }
                } catch (IOException closed) {
                    // The server answered and closed the connection: the upload ends here.
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            long atAnswer = sent.get();
            socket.close();
            writer.join(30_000);
            assertThat(statusLine).as("an answer").isNotNull();
            return new Streamed(Integer.parseInt(statusLine.split(" ")[1]), atAnswer);
        }
    }
}
