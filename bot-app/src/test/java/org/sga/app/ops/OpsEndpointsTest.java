package org.sga.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.content.Library;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.search.BackgroundSearcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.sga.app.escalation.Routings;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.RoutingConfig;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator's load balancer and Prometheus see, on the application as deployed (random port, embedded store):
 * readiness with the database and the search index, the platform indicator as DEGRADED (HTTP 200) while calls fail,
 * and counters that move when people use the bot, with no message text anywhere in the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.outbox.worker-enabled=false",
        "sga.escalation.re-escalator-enabled=false",
        "sga.teams.allow-unauthenticated=true",
        "sga.management.token=" + OpsEndpointsTest.OPERATOR_TOKEN,
        "spring.main.allow-bean-definition-overriding=true"})
class OpsEndpointsTest {

    static final String OPERATOR_TOKEN = "operator-token-for-tests";

    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("sga-ops");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) {
        registry.add("sga.data.dir", DATA::toString);
    }

    /** Lexical search only: no embedding model to load in a test; every role on a Teams channel, as Teams is on. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Lexical {
        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        RoutingConfig teamsRouting() {
            return Routings.everyRoleOn(Platform.TEAMS);
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Conversation conversation;

    @Autowired
    BackgroundSearcher searcher;

    @Autowired
    List<EscalationEvents> escalationEvents;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void givenIndexBuilt_thenLiveAndReadyWithDatabaseAndIndex() throws Exception {
        searcher.await();
        HttpResponse<String> live = get("/actuator/health/liveness");
        HttpResponse<String> ready = get("/actuator/health/readiness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"searchIndex\"")
                .doesNotContain("\"platforms\"");
        // The load balancer's short paths on the public port: statuses without details.
        assertThat(anonymous(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(anonymous(port, "/readyz").body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(anonymous(port, "/livez").statusCode()).isEqualTo(200);
    }

    @Test
    void givenThePublicPort_thenNoActuator_andOnTheManagementPortDetailsOnlyWithTheOperatorToken() throws Exception {
        searcher.await();
        assertThat(anonymous(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(anonymous(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(anonymous(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"")
                .doesNotContain("components");
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health")).header("Authorization", "Bearer not-the-token").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.body()).doesNotContain("components");
        assertThat(get("/actuator/health").body()).contains("\"components\"", "\"searchIndex\"");
    }

    @Test
    void givenTeamsFailing_thenDegradedWithHttp200AndStillReady_andUpAgainOnSuccess() throws Exception {
        searcher.await();
        OutboxRow row = new OutboxRow("SG-20261128-OPS1", "safeguarding_lead", OutboxRow.INITIAL, "teams",
                "19:ops-channel", "A notice", "HIGH", Instant.now(), null);
        escalationEvents.forEach(e -> e.deliveryFailed(row, "http_503", false));

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"DEGRADED\"").contains("http_503").doesNotContain("A notice");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        escalationEvents.forEach(e -> e.delivered(row, Instant.now()));
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).endsWith("\"status\":\"UP\"}").contains("\"teams\":{\"status\":\"ok\"");
    }

    @Test
    void givenQuestions_thenCountedByOutcome_withoutTheirText() throws Exception {
        searcher.await();
        String answered = "a pupil's nudes are going round the school, what do I do";
        String unanswered = "how do I book my annual leave for the zebra crossing week";
        double before = counter("sga_questions_total", "outcome=\"answered\"");
        double beforeNot = counter("sga_questions_total", "outcome=\"not_confident\"");

        Reply a = conversation.handle(InboundMessage.direct("teams", "ops-user", answered));
        Reply n = conversation.handle(InboundMessage.direct("teams", "ops-user", unanswered));
        assertThat(a.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(n.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);

        assertThat(counter("sga_questions_total", "outcome=\"answered\"")).isEqualTo(before + 1);
        assertThat(counter("sga_questions_total", "outcome=\"not_confident\"")).isEqualTo(beforeNot + 1);
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).doesNotContain("nudes").doesNotContain("zebra").doesNotContain("ops-user");
        assertThat(metrics).contains("sga_outbox_depth").contains("sga_outbox_oldest_age_seconds");
    }

    @Test
    void givenTriageStartedCancelled_thenCounted() throws Exception {
        double started = counter("sga_triage_started_total", "platform=\"teams\"");
        double abandoned = counter("sga_triage_abandoned_total", "reason=\"cancelled\"");
        conversation.handle(InboundMessage.direct("teams", "ops-triage", "report a concern"));
        conversation.handle(InboundMessage.direct("teams", "ops-triage", "cancel"));
        assertThat(counter("sga_triage_started_total", "platform=\"teams\"")).isEqualTo(started + 1);
        assertThat(counter("sga_triage_abandoned_total", "reason=\"cancelled\"")).isEqualTo(abandoned + 1);
    }

    @Test
    void givenNoEscalationYet_thenTheUnreachedGaugeIsThereAtZeroForAnAlertToUse() throws Exception {
        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics.lines().filter(l -> l.startsWith("sga_escalations_unreached{"))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(" 0.0"));
        assertThat(metrics).contains("# HELP sga_escalations_unreached");
    }

    /** The sum of a Prometheus counter's series whose labels include {@code label}; 0 when there is none yet. */
    private double counter(String name, String label) throws Exception {
        double sum = 0;
        for (String line : get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** An operator's request: the management port, with the operator token. */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> anonymous(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
