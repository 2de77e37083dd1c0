package org.sga.app.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.COLLEAGUE;
import static org.sga.core.testkit.EscalationFixture.DSL_ACKNOWLEDGER;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.REPORTER;
import static org.sga.core.testkit.EscalationFixture.onSlack;
import static org.sga.core.testkit.EscalationFixture.outcome;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.ops.PlatformHealth;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.escalation.Backoff;
import org.sga.core.escalation.DelayNotices;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.slf4j.LoggerFactory;
import org.sga.slack.SlackNotifier;
import org.springframework.boot.health.contributor.Status;

/**
 * Slack refusing the bot's token is an outage, not a bad channel: with WireMock answering {@code invalid_auth} for ten
 * minutes of a test clock, no notice is given up, each is retried with backoff, Slack shows DEGRADED with the refusal,
 * operators see the reporter has not been told; when Slack takes the token again everything is delivered once.
 */
class PlatformOutageTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);
    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger healthLog = (Logger) LoggerFactory.getLogger(PlatformHealth.class);

    @BeforeEach
    void start() {
        slack.start();
        logged.start();
        healthLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        healthLog.detachAppender(logged);
        slack.stop();
    }

    private void slackAnswers(String json) {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(json)));
    }

    @Test
    void givenInvalidAuthForTenMinutes_thenNothingIsGivenUpOperatorsSeeItAndAllIsDeliveredOnceItRecovers() {
        EscalationFixture f = new EscalationFixture(databases.ports(Db.H2, clock), clock);
        PlatformHealth health = new PlatformHealth(Set.of("slack"), clock);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://localhost:" + slack.port() + "/api/");
        SlackNotifier notifier = new SlackNotifier(Slack.getInstance(config).methods("xoxb-outage"));
        OutboxWorker worker = new OutboxWorker(f.store.outbox(), notifier, clock,
                OutboxWorker.Settings.defaults("w1").withRetries(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5),
                        2.0, 0.0), Integer.MAX_VALUE),
                new DelayNotices(f.records, f.store.outbox(), clock), health);
        slackAnswers("{\"ok\":false,\"error\":\"invalid_auth\"}");

        Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
        // Both roles acknowledge at once (an acknowledgement needs no delivery), so only the notices keep it open.
        f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);
        f.typedAck(raised.reference(), "manager", Platform.SLACK, COLLEAGUE);
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofMinutes(10)) < 0; elapsed = elapsed.plusSeconds(20)) {
            worker.runOnce();
            clock.advance(Duration.ofSeconds(20));
        }

        List<OutboxEntry> during = f.store.outbox().entries(raised.reference());
        assertThat(during).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).as(e.row().idempotencyKey()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(e.lastError()).isEqualTo("invalid_auth");
        });
        // Backoff, not a retry every pass: 2, 4, 8 … 256 s apart fits at most nine attempts into ten minutes.
        assertThat(during).allSatisfy(e -> assertThat(e.attempts()).isBetween(2, 9));
        assertThat(during).extracting(e -> e.row().role()).contains(OutboxRow.REPORTER);
        assertThat(health.health().getStatus()).isEqualTo(PlatformHealth.DEGRADED);
        assertThat(health.health().getDetails().get("slack").toString())
                .contains("access=refused (invalid_auth)", "escalationsWhoseReporterIsNotTold=1");
        assertThat(f.store.outbox().openEscalations()).singleElement().satisfies(open -> {
            assertThat(open.ref()).isEqualTo(raised.reference());
            assertThat(open.deliveries()).anySatisfy(d -> assertThat(d.row().role()).isEqualTo(OutboxRow.REPORTER));
        });
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("slack refuses the bot's credentials (invalid_auth)"))
                .anySatisfy(line -> assertThat(line).contains(raised.reference(), "reporter cannot be told on slack"))
                .hasSize(2);

        slackAnswers("{\"ok\":true,\"channel\":\"C0EXDSL001\",\"ts\":\"1700000000.000100\"}");
        for (int pass = 0; pass < 20 && !f.store.outbox().openEscalations().isEmpty(); pass++) {
            clock.advance(Duration.ofSeconds(30));
            worker.runOnce();
        }

        assertThat(f.store.outbox().entries(raised.reference()))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(f.store.outbox().openEscalations()).isEmpty();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(f.store.outbox().entries(raised.reference())).hasSameSizeAs(during);
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))))
                .as("the refused attempts, then each notice once")
                .hasSize(during.stream().mapToInt(OutboxEntry::attempts).sum() + during.size());
        worker.close();
    }
}
