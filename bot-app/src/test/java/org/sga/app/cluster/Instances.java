package org.sga.app.cluster;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.sga.app.SafeguardingApplication;
import org.sga.app.content.ContentSource;
import org.sga.app.LocalHttp;
import org.sga.app.slack.SlackTestKit;
import org.sga.content.Library;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.slack.SignedRequests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Bot instances as deployed, several in one test JVM: each a whole Spring application (web server on its own port,
 * outbox worker, re-escalator, Slack adapter in HTTP mode) on the PostgreSQL profile, all on one database, with
 * WireMock as Slack. Search is lexical (no embedding model to load in a test); routing sends every role to a Slack
 * channel of its own. Every name and id is invented.
 */
final class Instances {

    static final String SECRET = "cluster-signing-secret";
    private static final AtomicInteger IDS = new AtomicInteger();

    private Instances() {
    }

    /** A new, empty database on {@code server}, as a JDBC URL. */
    static String freshDatabase(EmbeddedPostgres server) {
        String name = "sga_cluster_" + IDS.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /**
     * The settings of one instance on {@code jdbcUrl} (PostgreSQL; null for the embedded H2 store in a new data
     * directory) talking to {@code slack}; {@code extra} overrides any.
     */
    static final String OPERATOR_TOKEN = "cluster-operator-token";

    static Map<String, Object> settings(String jdbcUrl, WireMockServer slack, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (jdbcUrl != null) {
            p.put("spring.profiles.active", "postgres");
            p.put("spring.datasource.url", jdbcUrl);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "postgres");
            p.put("spring.datasource.hikari.connection-timeout", "2000");
        }
        p.put("server.port", "0");
        p.put("management.server.port", "0");
        p.put("sga.management.token", OPERATOR_TOKEN);
        p.put("sga.slack.bot-token", "xoxb-cluster");
        p.put("sga.slack.signing-secret", SECRET);
        p.put("sga.slack.api-url", "http://localhost:" + slack.port() + "/api/");
        p.put("sga.outbox.poll-interval", "100ms");
        p.put("sga.data.dir", tempDir().toString());
        p.put("spring.main.allow-bean-definition-overriding", "true");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.putAll(extra);
        return p;
    }

    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return start(settings, true);
    }

    /** With {@code lexical} false, the shipped hybrid search (the embedding model loads in each instance). */
    static ConfigurableApplicationContext start(Map<String, Object> settings, boolean lexical) {
        // As command-line arguments: they win over application.yml, as the environment does in production.
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return lexical
                ? new SpringApplicationBuilder(SafeguardingApplication.class, Routing.class, Lexical.class).run(args)
                : new SpringApplicationBuilder(SafeguardingApplication.class, Routing.class).run(args);
    }

    /** The management port (health and metrics), apart from the public one. */
    static int managementPort(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    /** An operator's request to the management port, with the operator token. */
    static HttpResponse<String> operator(int managementPort, String path) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN).timeout(Duration.ofSeconds(20)).GET().build());
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Lexical search: no embedding model to load in a test. (Test configurations: other tests' scans skip them.) */
    @TestConfiguration(proxyBeanMethods = false)
    static class Lexical {

        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }
    }

    /** The test's routing; everything else is the application's own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Routing {

        @Bean
        @Primary
        RoutingConfig clusterRouting() {
            return SlackTestKit.routing("CDSL", "CBACKUP");
        }
    }

    /** A signed Slack event callback, as Slack would deliver it to any instance behind the load balancer. */
    static String callback(String eventId, String event) {
        return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"" + eventId
                + "\",\"event_time\":1700000001,\"event\":" + event + "}";
    }

    static String directMessage(String user, String channel, String text, String ts) {
        return "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"" + user + "\",\"text\":\"" + text
                + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}";
    }

    static HttpResponse<String> postEvent(int port, String json) {
        return SignedRequests.toLocalPort(port, SECRET).event(json);
    }

    static HttpResponse<String> get(int port, String path) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .GET().build());
    }



    static void await(String what, Duration limit, BooleanSupplier done) {
        Instant end = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("sga-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
