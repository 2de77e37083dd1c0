package org.sga.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.store.DiskSpace;
import org.sga.app.store.FullDisk;
import org.sga.app.LocalHttp;
import org.sga.app.store.StoreFactory;
import org.sga.content.Library;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.slack.SignedRequests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The data folder's disk fills up under a running bot and is freed again: readiness goes DOWN (503) while liveness stays
 * UP, a person who writes meanwhile is told the bot cannot record and to phone, and once there is room the same
 * instance records a report again, without a restart. The disk is {@link FullDisk}; Slack is WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-disk",
        "sga.slack.signing-secret=" + FullDiskEndToEndTest.SECRET,
        "sga.outbox.worker-enabled=false",
        "sga.data.check-interval=200ms",
        "sga.management.token=" + FullDiskEndToEndTest.OPERATOR_TOKEN,
        "spring.main.allow-bean-definition-overriding=true"})
class FullDiskEndToEndTest {

    static final String SECRET = "disk-signing-secret";
    static final String OPERATOR_TOKEN = "disk-operator-token";
    static final String DM = "DREPORTER";
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    static final Path DATA;
    static final FullDisk DISK;

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + DM + "\",\"ts\":\"1700000000.000100\"}")));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
        try {
            DATA = Files.createTempDirectory("sga-full-disk");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DISK = new FullDisk(DATA);
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        registry.add("sga.data.dir", DATA::toString);
    }

    @AfterAll
    static void stop() {
        DISK.free();
        SLACK.stop();
    }

    /** The embedded database on the disk that fills up; lexical search, so no model has to load. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnAFillingDisk {

        @Bean(destroyMethod = "close")
        HikariDataSource embeddedDataSource() {
            return StoreFactory.pooled(DISK.jdbcUrl(), "sa", "", 4, DATA.toString());
        }

        @Bean
        DiskSpace diskSpace() {
            return DISK.space();
        }

        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        RoutingConfig slackRouting() {
            return SlackTestKit.routing("CDSL", "CBACKUP");
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void givenTheDiskFillsThenEmpties_thenNotReadyAndPeopleToldToPhone_thenRecordingAgainWithoutARestart() {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/readyz").statusCode() == 200);

        DISK.fill();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/readyz").statusCode() == 503);
        assertThat(operator("/actuator/health/readiness").body()).contains("\"storage\":{", "DOWN", "freeBytes");
        assertThat(get("/livez").statusCode()).isEqualTo(200);

        int before = posts().size();
        assertThat(direct("report a concern").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> posts().size() > before);
        String told = posts().getLast();
        assertThat(told).contains("call 999").contains("phone your designated safeguarding lead").contains("not recorded");

        DISK.free();
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/readyz").statusCode() == 200);
        int after = posts().size();
        assertThat(direct("report a concern").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> posts().size() > after);
        assertThat(posts().getLast()).contains("sga_answer").doesNotContain("call 999 now. I cannot record");
    }

    private HttpResponse<String> direct(String text) {
        String body = "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"EvDisk"
                + ids.incrementAndGet() + System.nanoTime() + "\",\"event_time\":1700000001,\"event\":{\"type\":\"message\","
                + "\"channel_type\":\"im\",\"user\":\"U0REPORTER\",\"text\":\"" + text + "\",\"ts\":\"1700000002.0003" + ids.get()
                + "\",\"channel\":\"" + DM + "\",\"event_ts\":\"1700000002.000300\"}}";
        return SignedRequests.toLocalPort(port, SECRET).event(body);
    }

    private HttpResponse<String> get(String path) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    /** An operator's request: the management port, with the operator token, so health shows its details. */
    private HttpResponse<String> operator(String path) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN).GET().build());
    }


    /** What was posted to Slack, each call's form decoded, oldest first. */
    private static List<String> posts() {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .toList();
    }
}
