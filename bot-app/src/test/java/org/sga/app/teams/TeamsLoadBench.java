package org.sga.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sga.app.slack.SlackTestKit;
import org.sga.teams.Activities;
import org.sga.teams.BotFrameworkFake;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Load benchmark, not a unit test: its name keeps it out of {@code verify}; run it with {@code -Dtest=TeamsLoadBench}.
 * The application on loopback with WireMock as the Bot Framework (keys, token, connector), the real core (hybrid
 * search) and the embedded database for de-duplication. Personal-chat messages, each with its own signed token, at a
 * fixed rate (open loop). Prints the response latency of {@code /api/messages} and the time until the reply reaches
 * WireMock, p50/p99/max, plus errors and missing replies. {@code -Dsga.bench.rates=50,200 -Dsga.bench.seconds=20}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.outbox.worker-enabled=false", "logging.level.org.sga.teams=WARN"})
class TeamsLoadBench {

    /** Every role on a Teams channel, as the Teams adapter is on. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class TeamsRouting {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.sga.core.escalation.RoutingConfig teamsRouting() {
            return org.sga.app.escalation.Routings.everyRoleOn(org.sga.core.escalation.Platform.TEAMS);
        }
    }

    static final BotFrameworkFake FAKE = new BotFrameworkFake();
    static final Map<String, Long> REPLIED = new ConcurrentHashMap<>();
    static final AtomicInteger DUPLICATES = new AtomicInteger();

    private static final String[] QUESTIONS = SlackTestKit.QUESTIONS;

    static {
        FAKE.server().stubFor(post(urlMatching("/v3/conversations/[^/]+/activities/[^/]+")).atPriority(1)
                .willReturn(okJson("{\"id\":\"1\"}")));
        FAKE.server().addMockServiceRequestListener((request, response) -> {
            String url = request.getUrl();
            int at = url.lastIndexOf("/activities/");
            if (request.getMethod().value().equals("POST") && at > 0) {
                if (REPLIED.putIfAbsent(url.substring(at + 12), System.nanoTime()) != null) {
                    DUPLICATES.incrementAndGet();
                }
            }
        });
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TeamsSettingsFromFake.register(registry, FAKE);
        String data = Files.createTempDirectory("sga-teams-bench").toString();
        registry.add("sga.data.dir", () -> data);
        registry.add("sga.teams.queue", () -> "20000");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong();

    @Test
    void run() throws Exception {
        int seconds = Integer.getInteger("sga.bench.seconds", 20);
        int[] rates = Arrays.stream(System.getProperty("sga.bench.rates", "50,200").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "TeamsLoadBench: %d cores, %d s per rate%n", Runtime.getRuntime().availableProcessors(), seconds);
        phase("warm-up", 20, 5, false);
        for (int rate : rates) {
            phase(rate + "/s", rate, seconds, true);
        }
    }

    private void phase(String name, int rate, int seconds, boolean print) throws Exception {
        FAKE.server().resetRequests();
        REPLIED.clear();
        DUPLICATES.set(0);
        int total = rate * seconds;
        String serviceUrl = FAKE.base();
        // Tokens are made before the clock starts: signing is the Bot Framework's cost, not ours.
        List<String> ids = new ArrayList<>(total);
        List<String> bodies = new ArrayList<>(total);
        String token = "Bearer " + FAKE.token(serviceUrl);
        for (int i = 0; i < total; i++) {
            long n = sequence.incrementAndGet();
            String id = "b" + n;
            ids.add(id);
            bodies.add(Activities.personalMessage(serviceUrl, id, "29:user-" + n, QUESTIONS[(int) (n % QUESTIONS.length)])
                    .replace(Activities.PERSONAL_CHAT, "a:bench-chat-" + n));
        }
        long[] sentAt = new long[total];
        long[] responseNanos = new long[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        URI uri = URI.create("http://localhost:" + port + "/api/messages");
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int k = i;
            sentAt[k] = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bodies.get(k))).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                responseNanos[k] = System.nanoTime() - sentAt[k];
                if (e != null || r.statusCode() != 202) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long sendSpan = System.nanoTime() - start;
        // Wait for the backlog to drain, so that the next phase (or the shutdown) does not overlap with this one.
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (REPLIED.size() < total - errors.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!print) {
            return;
        }
        List<Long> response = new ArrayList<>();
        List<Long> reply = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            response.add(responseNanos[i]);
            Long arrived = REPLIED.get(ids.get(i));
            if (arrived != null) {
                reply.add(arrived - sentAt[i]);
            }
        }
        System.out.printf(Locale.ROOT, "%-8s sent %d in %.1f s (%.0f/s) | response p50 %s p99 %s max %s | reply at WireMock "
                        + "p50 %s p99 %s max %s | errors %d, missing replies %d, duplicates %d%n",
                name, total, sendSpan / 1e9, total / (sendSpan / 1e9), ms(response, 50), ms(response, 99), ms(response, 100),
                ms(reply, 50), ms(reply, 99), ms(reply, 100), errors.get(), total - reply.size(), DUPLICATES.get());
    }

    private static String ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%.1fms", sorted.get(Math.max(0, index)) / 1e6);
    }
}
