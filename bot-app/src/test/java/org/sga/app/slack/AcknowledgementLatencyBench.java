package org.sga.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.content.ShippedContent;
import org.sga.app.cli.Triage;
import org.sga.content.Library;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.core.triage.TriageEngine;
import org.sga.slack.SignedRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acknowledgement latency, button to reporter told: a signed Acknowledge press on a delivered notice, through the
 * endpoint, the core's policy (which asks Slack's {@code conversations.members} who is in the channel), the audited
 * acknowledgement and the outbox, to the reporter's DM being posted. WireMock plays Slack, answering the membership
 * question after {@code sga.bench.members-latency-ms} (default 0; Slack's own answers take tens of milliseconds). Not
 * part of {@code verify}:
 * <pre>
 * ./mvnw -B -q -pl bot-app -am verify -Dit.test=AcknowledgementLatencyBench -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsga.bench.presses=30 -Dsga.bench.members-latency-ms=100
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-bench",
        "sga.slack.signing-secret=" + AcknowledgementLatencyBench.SECRET,
        "spring.main.allow-bean-definition-overriding=true"})
class AcknowledgementLatencyBench {

    static final String SECRET = "bench-signing-secret";
    static final String LEAD = "U0LEAD";
    static final int PRESSES = Integer.getInteger("sga.bench.presses", 30);
    static final int MEMBERS_LATENCY_MS = Integer.getInteger("sga.bench.members-latency-ms", 0);
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort().containerThreads(32));

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        // Each notice gets a ts of its own, so each button is bound to its own notice.
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{{formData request.body 'form' urlDecode=true}}{\"ok\":true,\"channel\":\"{{form.channel}}\",\"ts\":\"1700000000."
                        + "{{randomValue length=9 type='NUMERIC'}}\"}").withTransformers("response-template")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"" + LEAD + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")
                .withFixedDelay(MEMBERS_LATENCY_MS)));
        SLACK.stubFor(post(urlPathMatching("/respond/.*")).willReturn(aResponse().withStatus(200)));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        var data = Files.createTempDirectory("sga-ack-bench");
        registry.add("sga.data.dir", data::toString);
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        RoutingConfig slackRouting() {
            return SlackTestKit.routing("C0DSL", "C0DSL2");
        }
    }

    @Autowired
    EscalationRaiser escalations;

    @Autowired
    Outbox outbox;

    @LocalServerPort
    int port;


    @Test
    void measureButtonToReporterTold() {
        TriageEngine engine = Triage.engine(ShippedContent.SOURCE.library());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < PRESSES + 3; i++) {
            String dm = "D0REPORTER" + i;
            String ref = escalations.raise(engine.evaluate(Map.of("immediate_danger", "no", "concern_about", "child_harmed",
                    "images_involved", "no")), new Reporter(Platform.SLACK, "U0REPORTER" + i, "Alex Example", dm), null).reference();
            String ts = awaitNotice(ref);
            long pressed = System.currentTimeMillis();
            assertThat(press(ref, ts).statusCode()).isEqualTo(200);
            long told = awaitReporterTold(dm, ref);
            if (i >= 3) {
                // The first presses warm up the JIT and the connection pools.
                millis.add(told - pressed);
            }
        }
        millis.sort(Long::compare);
        System.out.printf(Locale.ROOT, "acknowledgement latency, button -> reporter told (conversations.members %d ms): "
                        + "n=%d p50=%d ms p90=%d ms p99=%d ms max=%d ms%n", MEMBERS_LATENCY_MS, millis.size(),
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis.getLast());
        assertThat(millis).hasSize(PRESSES);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * The ts Slack gave the escalation's notice in the lead's channel, once the outbox has recorded its delivery: a
     * press before that (no person is that quick) would find no notice to bind the button to.
     */
    private String awaitNotice(String ref) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                .until(() -> outbox.entries(ref).stream()
                        .filter(e -> e.row().role().equals("safeguarding_lead") && e.platformMessageId() != null)
                        .map(e -> e.platformMessageId().substring(e.platformMessageId().indexOf(':') + 1))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** When Slack received the post that tells the reporter, in epoch milliseconds. */
    private long awaitReporterTold(String dm, String ref) {
        ServeEvent told = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                .until(() -> SLACK.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage"))
                        .filter(e -> dm.equals(form(e).get("channel")) && form(e).getOrDefault("text", "").contains(ref))
                        .findFirst(), Optional::isPresent).orElseThrow();
        return told.getRequest().getLoggedDate().getTime();
    }

    private HttpResponse<String> press(String ref, String ts) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + LEAD + "\"},"
                + "\"api_app_id\":\"A1\",\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":"
                + "\"C0DSL\",\"is_ephemeral\":false},\"channel\":{\"id\":\"C0DSL\"},\"message\":{\"type\":\"message\",\"ts\":\""
                + ts + "\",\"text\":\"x\",\"blocks\":[]},\"response_url\":\"http://localhost:" + SLACK.port() + "/respond/1\","
                + "\"trigger_id\":\"1\",\"actions\":[{\"action_id\":\"sga_ack\",\"block_id\":\"acknowledge\",\"text\":{\"type\":"
                + "\"plain_text\",\"text\":\"Acknowledge\"},\"value\":\"" + ref + "|safeguarding_lead\",\"type\":\"button\","
                + "\"action_ts\":\"1\"}]}";
        return SignedRequests.toLocalPort(port, SECRET).interaction(payload);
    }

    private static Map<String, String> form(ServeEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : event.getRequest().getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
