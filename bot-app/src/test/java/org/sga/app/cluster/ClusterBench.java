package org.sga.app.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sga.app.slack.SlackTestKit;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Reporter;
import org.sga.core.search.BackgroundSearcher;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;
import org.sga.slack.SignedRequests;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a unit test (its name keeps it out of {@code verify}; run it with {@code -Dtest=ClusterBench}):
 * one instance on the embedded store against two instances on one PostgreSQL server, each a whole application
 * with the shipped hybrid search, in this JVM, with WireMock as Slack. For each setup it prints:
 * <ul>
 *   <li>escalations raised at a steady rate, spread over the instances: p50/p99 from the triage outcome (the
 *       notice's due time) to its post, read from the outbox rows;</li>
 *   <li>a burst of escalations raised at once: notices delivered per second until the last is posted;</li>
 *   <li>signed Slack direct messages at a steady rate, round robin over the instances: answers per second and p50/p99
 *       from sending the event to the answer reaching WireMock;</li>
 *   <li>heap used after GC per instance (the difference the instances make to this JVM's heap).</li>
 * </ul>
 * Settings: {@code -Dsga.bench.escalations=1000} (burst), {@code -Dsga.bench.escalation-rate=50},
 * {@code -Dsga.bench.message-rate=50}, {@code -Dsga.bench.seconds=20}.
 */
class ClusterBench {

    private static final String[] QUESTIONS = SlackTestKit.QUESTIONS;
    static final Map<String, String> CHILD_ONLINE = Map.of("immediate_danger", "no", "concern_about", "child_harmed",
            "images_involved", "yes", "images_online", "yes", "child_posted_own_image", "no");

    private final Map<String, Long> replied = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void run() throws Exception {
        int burst = Integer.getInteger("sga.bench.escalations", 1000);
        int escalationRate = Integer.getInteger("sga.bench.escalation-rate", 50);
        int messageRate = Integer.getInteger("sga.bench.message-rate", 50);
        int seconds = Integer.getInteger("sga.bench.seconds", 20);
        WireMockServer slack = new WireMockServer(options().dynamicPort().containerThreads(64).disableRequestJournal());
        slack.start();
        slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"channel\":\"C\",\"ts\":\"1.1\"}")));
        slack.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
        slack.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().endsWith("/chat.postMessage")) {
                long now = System.nanoTime();
                for (String pair : request.getBodyAsString().split("&")) {
                    if (pair.startsWith("channel=DB")) {
                        if (replied.putIfAbsent(URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8), now) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
            }
        });
        System.out.printf(Locale.ROOT, "ClusterBench: %d cores, max heap %d MiB; burst %d escalations, %d escalations/s and "
                        + "%d messages/s for %d s each%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, burst, escalationRate, messageRate, seconds);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            setup("1 instance, embedded H2", 1, null, slack, burst, escalationRate, messageRate, seconds);
            setup("1 instance, PostgreSQL", 1, Instances.freshDatabase(postgres), slack, burst, escalationRate, messageRate, seconds);
            setup("2 instances, PostgreSQL", 2, Instances.freshDatabase(postgres), slack, burst, escalationRate, messageRate, seconds);
        } finally {
            slack.stop();
        }
    }

    private void setup(String name, int count, String jdbcUrl, WireMockServer slack, int burst, int escalationRate,
                       int messageRate, int seconds) throws Exception {
        long heapBefore = heapAfterGc();
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        String h2Dir = jdbcUrl == null ? Instances.tempDir().toString() : null;
        try {
            for (int i = 0; i < count; i++) {
                // The shipped poll interval: notices queued on another instance wait for it.
                Map<String, Object> extra = h2Dir == null ? Map.of("sga.outbox.poll-interval", "500ms")
                        : Map.of("sga.data.dir", h2Dir, "sga.outbox.poll-interval", "500ms");
                instances.add(Instances.start(Instances.settings(jdbcUrl, slack, extra), false));
            }
            for (ConfigurableApplicationContext instance : instances) {
                instance.getBean(BackgroundSearcher.class).await();
            }
            JdbcClient jdbc = JdbcClient.create(instances.getFirst().getBean(DataSource.class));
            messages(instances, 20, 5, null); // warm-up
            escalations(instances, jdbc, 10, 5, null);
            escalations(instances, jdbc, escalationRate, seconds, name);
            burst(instances, jdbc, burst, name);
            messages(instances, messageRate, seconds, name);
            long heapWith = heapAfterGc();
            System.out.printf(Locale.ROOT, "%-26s memory: heap after GC %d MiB more with the instances, %d MiB each%n",
                    name, (heapWith - heapBefore) >> 20, ((heapWith - heapBefore) / count) >> 20);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Escalations at {@code rate} per second over the instances; outcome-to-post latency from the outbox rows. */
    private void escalations(List<ConfigurableApplicationContext> instances, JdbcClient jdbc, int rate, int seconds,
                             String name) throws Exception {
        TriageOutcome outcome = instances.getFirst().getBean(TriageEngine.class).evaluate(CHILD_ONLINE);
        Instant from = Instant.now();
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ExecutorService raisers = Executors.newFixedThreadPool(4);
        List<Future<?>> raised = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            EscalationRaiser raiser = instances.get(i % instances.size()).getBean(EscalationRaiser.class);
            long n = sequence.incrementAndGet();
            raised.add(raisers.submit(() -> raiser.raise(outcome, reporter(n), null)));
        }
        for (Future<?> f : raised) {
            f.get();
        }
        raisers.shutdown();
        awaitDelivered(jdbc, from);
        List<Long> delays = jdbc.sql("SELECT due_at, delivered_at FROM outbox WHERE attempt_kind = 'initial' AND due_at >= ?")
                .param(Timestamp.from(from)).query((rs, i) -> Duration.between(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant()).toNanos()).list();
        if (name != null) {
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-26s escalations at %d/s: %d notices, outcome to post ms p50 %.1f p99 %.1f max %.1f%n",
                    name, rate, sorted.length, ms(sorted, 0.5), ms(sorted, 0.99), ms(sorted, 1.0));
        }
    }

    /** {@code count} escalations raised at once over the instances; notices delivered per second until the last. */
    private void burst(List<ConfigurableApplicationContext> instances, JdbcClient jdbc, int count, String name)
            throws Exception {
        TriageOutcome outcome = instances.getFirst().getBean(TriageEngine.class).evaluate(CHILD_ONLINE);
        Instant from = Instant.now();
        long start = System.nanoTime();
        ExecutorService raisers = Executors.newFixedThreadPool(instances.size() * 2);
        List<Future<?>> raised = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EscalationRaiser raiser = instances.get(i % instances.size()).getBean(EscalationRaiser.class);
            long n = sequence.incrementAndGet();
            raised.add(raisers.submit(() -> raiser.raise(outcome, reporter(n), null)));
        }
        for (Future<?> f : raised) {
            f.get();
        }
        double raiseSeconds = (System.nanoTime() - start) / 1e9;
        raisers.shutdown();
        long notices = awaitDelivered(jdbc, from);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-26s burst of %d escalations: recorded in %.1f s (%.0f/s); %d notices delivered in "
                        + "%.1f s (%.0f/s)%n", name, count, raiseSeconds, count / raiseSeconds, notices, seconds, notices / seconds);
    }

    private static long awaitDelivered(JdbcClient jdbc, Instant from) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            Map<String, Object> row = jdbc.sql("SELECT COUNT(*) AS total, SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END)"
                    + " AS done FROM outbox WHERE due_at >= ?").param(Timestamp.from(from)).query().singleRow();
            long total = ((Number) row.get("total")).longValue();
            Number done = (Number) row.get("done");
            if (done != null && done.longValue() == total) {
                return total;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("notices not delivered within 5 minutes");
    }

    /** Signed DMs at {@code rate} per second, round robin over the instances; send-to-answer latency at WireMock. */
    private void messages(List<ConfigurableApplicationContext> instances, int rate, int seconds, String name)
            throws Exception {
        replied.clear();
        duplicates.set(0);
        int total = rate * seconds;
        long[] sentAt = new long[total];
        String[] channel = new String[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long n = sequence.incrementAndGet();
            channel[i] = "DB" + n;
            String body = Instances.callback("EvCluster" + n, Instances.directMessage("U" + n, channel[i],
                    QUESTIONS[(int) (n % QUESTIONS.length)], "1.1"));
            int port = Instances.port(instances.get(i % instances.size()));
            sentAt[i] = System.nanoTime();
            pending.add(send(port, body).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (replied.size() < total && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        long lastReply = replied.values().stream().mapToLong(Long::longValue).max().orElse(start);
        long[] latencies = new long[total];
        int got = 0;
        for (int i = 0; i < total; i++) {
            Long at = replied.get(channel[i]);
            if (at != null) {
                latencies[got++] = at - sentAt[i];
            }
        }
        long[] sorted = Arrays.copyOf(latencies, got);
        Arrays.sort(sorted);
        if (name != null) {
            System.out.printf(Locale.ROOT, "%-26s messages at %d/s: %d answered in %.1f s (%.0f/s), send to answer ms p50 %.1f "
                            + "p99 %.1f max %.1f; errors %d, missing %d, duplicates %d%n", name, rate, got,
                    (lastReply - start) / 1e9, got / ((lastReply - start) / 1e9), ms(sorted, 0.5), ms(sorted, 0.99),
                    ms(sorted, 1.0), errors.get(), total - got, duplicates.get());
        }
    }

    private CompletableFuture<HttpResponse<Void>> send(int port, String body) {
        HttpRequest request = SignedRequests.toLocalPort(port, Instances.SECRET).eventRequest(body, null);
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static Reporter reporter(long n) {
        return new Reporter(Platform.SLACK, "UB" + (n % 500), "Sam Example", "DR" + (n % 500));
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }
}
