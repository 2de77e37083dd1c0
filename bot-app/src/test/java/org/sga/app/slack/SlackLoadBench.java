package org.sga.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.Reply;
import org.sga.slack.SignedRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Load benchmark, not a unit test (its name keeps it out of {@code verify}; run it with
 * {@code -Dtest=SlackLoadBench}). The application in HTTP mode on loopback with WireMock as Slack, the real core
 * (hybrid search) and the embedded database for de-duplication. Signed direct-message events at a fixed rate,
 * open loop; every 20th event is delivered again as Slack's retry. Prints ack latency (the HTTP round trip of the
 * event) and time until the reply reaches WireMock, p50/p99/max, errors, missing replies and duplicates.
 * Rates and seconds per rate: {@code -Dsga.bench.rates=50,200 -Dsga.bench.seconds=20}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-bench",
        "sga.slack.signing-secret=" + SlackEndToEndTest.SECRET,
        "sga.outbox.worker-enabled=false",
        "logging.level.org.sga.slack=WARN"})
class SlackLoadBench {

    /** Every role on a Slack channel, as the Slack adapter is on. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class SlackRouting {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.sga.core.escalation.RoutingConfig slackRouting() {
            return SlackTestKit.routing("CDSL", "CDSL2");
        }
    }

    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort().containerThreads(64).jettyAcceptors(2)
            .disableRequestJournal());
    static final Path DATA;
    static final Map<String, Long> REPLIED = new ConcurrentHashMap<>();
    static final AtomicInteger DUPLICATES = new AtomicInteger();

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"channel\":\"D\",\"ts\":\"1.1\"}")));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
        SLACK.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().endsWith("/chat.postMessage")) {
                long now = System.nanoTime();
                for (String pair : request.getBodyAsString().split("&")) {
                    if (pair.startsWith("channel=")) {
                        String channel = URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
                        if (REPLIED.putIfAbsent(channel, now) != null) {
                            DUPLICATES.incrementAndGet();
                        }
                    }
                }
            }
        });
        try {
            DATA = Files.createTempDirectory("sga-slack-bench");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] QUESTIONS = SlackTestKit.QUESTIONS;

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
     * {@code -Dsga.bench.core=fixed}: a core that answers at once with a fixed reply, to measure the adapter alone
     * (signature, Bolt, de-duplication, Block Kit, the Web API call) apart from search.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sga.bench.core", havingValue = "fixed")
    static class FixedCore {
        @Bean
        @Primary
        Conversation fixedConversation() {
            Reply reply = new Reply(Reply.Kind.ANSWER, null, "A fixed answer.", null, List.of(), List.of(), List.of());
            return message -> reply;
        }
    }

    /** {@code -Dsga.bench.events=memory}: de-duplication in memory instead of the database, to see what the store costs. */
    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "sga.bench.events", havingValue = "memory")
    static class MemoryEvents {
        @Bean
        @Primary
        ProcessedEvents memoryProcessedEvents() {
            java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
            return new ProcessedEvents() {
                @Override
                public boolean firstTime(String source, String eventId) {
                    return seen.add(source + "/" + eventId);
                }

                @Override
                public int forgetSeenBefore(Instant cutoff) {
                    return 0;
                }
            };
        }
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
        System.out.printf(Locale.ROOT, "SlackLoadBench: %d cores, %d s per rate, core %s, events %s%n",
                Runtime.getRuntime().availableProcessors(), seconds, System.getProperty("sga.bench.core", "assistant"),
                System.getProperty("sga.bench.events", "database"));
        phase("warm-up", 20, 5, false);
        for (int rate : rates) {
            phase(rate + "/s", rate, seconds, true);
        }
    }

    private void phase(String name, int rate, int seconds, boolean print) throws Exception {
        REPLIED.clear();
        DUPLICATES.set(0);
        int total = rate * seconds;
        long[] sentAt = new long[total];
        long[] ack = new long[total];
        String[] channel = new String[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long n = sequence.incrementAndGet();
            channel[i] = "DBENCH" + n;
            String body = event("EvBench" + n, channel[i], QUESTIONS[(int) (n % QUESTIONS.length)]);
            int index = i;
            sentAt[i] = System.nanoTime();
            pending.add(send(body, null).whenComplete((r, e) -> {
                ack[index] = System.nanoTime() - sentAt[index];
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
            if (i % 20 == 0) {
                // Slack's retry of the same event, shortly after: must not produce a second reply.
                pending.add(send(body, 1).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }));
            }
        }
        long sendSeconds = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (REPLIED.size() < total && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        long[] reply = new long[total];
        int replied = 0;
        for (int i = 0; i < total; i++) {
            Long at = REPLIED.get(channel[i]);
            if (at != null) {
                reply[replied++] = at - sentAt[i];
            }
        }
        if (print) {
            long[] acks = ack.clone();
            Arrays.sort(acks);
            long[] replies = Arrays.copyOf(reply, replied);
            Arrays.sort(replies);
            System.out.printf(Locale.ROOT, "rate %-6s sent %5d in %5d ms | ack ms p50 %6.1f p99 %6.1f max %6.1f | "
                            + "reply ms p50 %7.1f p99 %7.1f max %7.1f | errors %d, missing replies %d, duplicates %d%n",
                    name, total, sendSeconds, ms(acks, 0.50), ms(acks, 0.99), ms(acks, 1.0),
                    ms(replies, 0.50), ms(replies, 0.99), ms(replies, 1.0), errors.get(), total - replied, DUPLICATES.get());
        }
    }

    private CompletableFuture<HttpResponse<Void>> send(String body, Integer retry) {
        HttpRequest request = SignedRequests.toLocalPort(port, SlackEndToEndTest.SECRET).eventRequest(body, retry);
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static String event(String id, String channel, String text) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"" + id
                + "\",\"event_time\":1700000001,\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U"
                + channel.substring(6) + "\",\"text\":\"" + text + "\",\"ts\":\"1.1\",\"channel\":\"" + channel
                + "\",\"event_ts\":\"1.1\"}}";
    }

    private static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }
}
