package org.sga.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.store.MutableClock;
import org.sga.content.Library;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.BackgroundSearcher;
import org.sga.core.triage.Role;
import org.sga.core.triage.TriageEngine;
import org.sga.slack.SlackNotifier;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A re-escalation's notice to the role's backup links to the role's first notice. The application as wired,
 * with WireMock as Slack and a clock the test moves: the first notice is delivered, nobody acknowledges it by the
 * deadline, the re-escalator queues the backup's notice and the outbox worker posts it through the Slack notifier,
 * which finds the first notice in the outbox and asks Slack for its permalink. Every name and id here is invented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sga.slack.bot-token=xoxb-backup-link",
        "sga.slack.signing-secret=backup-link-signing-secret",
        "sga.outbox.worker-enabled=false",
        "sga.escalation.re-escalator-enabled=false",
        "spring.main.allow-bean-definition-overriding=true"})
class SlackBackupNoticeTest {

    /** The safeguarding lead's channel, where the first notice goes, and its backup's. */
    static final String LEAD = "C1";
    static final String LEAD_BACKUP = "C2";
    static final String FIRST_NOTICE_TS = "111.222";
    static final String PERMALINK = "https://sga-example.slack.com/archives/C1/p111222";
    static final String REPORTER = "U0EXAMPLE01";
    static final String COLLEAGUE = "U0EXAMPLE03";
    /** Monday 7 December 2026, 10:00 in London: inside office hours. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    static final Path DATA;

    static {
        SLACK.start();
        try {
            DATA = Files.createTempDirectory("sga-slack-backup-link");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("sga.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        registry.add("sga.data.dir", DATA::toString);
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop();
    }

    /** Lexical search (no embedding model in a test), the clock the test moves, and every role on Slack with a backup. */
    @TestConfiguration(proxyBeanMethods = false)
    static class WithClockAndRouting {

        @Bean
        BackgroundSearcher searcher(ContentSource content, Library library) {
            return new BackgroundSearcher(() -> content.index(library, false));
        }

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        RoutingConfig slackRouting() {
            return SlackTestKit.routing("C1", "C2");
        }
    }

    @Autowired
    EscalationRaiser escalations;

    @Autowired
    Acknowledger acknowledger;

    @Autowired
    TriageEngine triage;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    EscalationStore escalationStore;

    @Autowired
    EscalationRecords records;

    @Autowired
    Outbox outbox;

    @Autowired
    Notifier platformNotifier;

    @BeforeEach
    void stubSlack() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        // The first notice to the lead is 111.222 in C1; anything else posted gets a ts of its own.
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1)
                .withRequestBody(matching("(.*&)?channel=" + LEAD + "(&.*)?"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + LEAD + "\",\"ts\":\"" + FIRST_NOTICE_TS + "\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(5)
                .willReturn(okJson("{\"ok\":true,\"channel\":\"COTHER\",\"ts\":\"333.444\"}")));
        // A colleague is in every role's channel, so may acknowledge for any role (nobody is listed in this routing).
        SLACK.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"" + COLLEAGUE + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        SLACK.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{\"ok\":false,\"error\":\"unknown_method\"}")));
    }

    @Test
    void givenNobodyAcknowledgedTheFirstNotice_thenTheBackupsNoticeLinksToIt() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.getPermalink")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + LEAD + "\",\"permalink\":\"" + PERMALINK + "\"}")));

        String ref = overdueForTheLeadAndReEscalated();

        List<Map<String, String>> asked = calls("chat.getPermalink");
        assertThat(asked).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("channel", LEAD).containsEntry("message_ts", FIRST_NOTICE_TS));
        Map<String, String> backup = postedTo(LEAD_BACKUP);
        assertThat(backup.get("blocks")).contains("RE-ESCALATION of " + ref)
                .contains("<" + PERMALINK + "|Original notice> in <#" + LEAD + ">")
                .contains(ref + "|safeguarding_lead");
        assertThat(backup.get("text")).contains(PERMALINK);
        assertThat(postedTo(LEAD).get("blocks")).doesNotContain("Original notice");
        assertThat(backupEntry(ref).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void givenSlackGivesNoPermalink_thenTheBackupsNoticeIsPostedWithoutTheLink() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.getPermalink")).willReturn(okJson(
                "{\"ok\":false,\"error\":\"message_not_found\"}")));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(SlackNotifier.class);
        logged.start();
        logger.addAppender(logged);
        String ref;
        try {
            ref = overdueForTheLeadAndReEscalated();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(calls("chat.getPermalink")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("channel", LEAD).containsEntry("message_ts", FIRST_NOTICE_TS));
        Map<String, String> backup = postedTo(LEAD_BACKUP);
        assertThat(backup.get("blocks")).contains("RE-ESCALATION of " + ref).contains(ref + "|safeguarding_lead")
                .doesNotContain("Original notice").doesNotContain("sga-example.slack.com");
        assertThat(backup.get("text")).contains("RE-ESCALATION of " + ref).doesNotContain("Original notice");
        assertThat(backupEntry(ref).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains(ref, "message_not_found"))
                .noneSatisfy(line -> assertThat(line).contains("RE-ESCALATION"));
    }

    /**
     * Raises an escalation from a Slack reporter, delivers the first notices, acknowledges every role but the
     * safeguarding lead, lets the deadline pass, re-escalates and delivers again; returns the reference.
     */
    private String overdueForTheLeadAndReEscalated() {
        Raised raised = escalations.raise(triage.evaluate(childOnline()),
                new Reporter(Platform.SLACK, REPORTER, "Alex Example", "D0" + REPORTER), null);
        String ref = raised.reference();
        assertThat(raised.routing().notifiedRoles()).contains(Role.SAFEGUARDING_LEAD);
        deliverOutbox();
        assertThat(postedTo(LEAD).get("blocks")).contains(ref + "|safeguarding_lead");
        for (Role role : raised.routing().notifiedRoles()) {
            if (role != Role.SAFEGUARDING_LEAD) {
                assertThat(acknowledger.acknowledge(AcknowledgeRequest.typed(ref, role.id(), new Actor(Platform.SLACK, COLLEAGUE)))
                        .accepted()).isTrue();
            }
        }
        CLOCK.advance(Duration.ofMinutes(31));

        ReEscalator reEscalator = new ReEscalator(acknowledgements, escalationStore, records, outbox, CLOCK,
                new ReEscalator.Settings("r-test", Duration.ofMinutes(1), 20, Duration.ofSeconds(5)));
        assertThat(reEscalator.runOnce().reEscalated()).isEqualTo(1);
        assertThat(calls("chat.postMessage")).noneMatch(p -> LEAD_BACKUP.equals(p.get("channel")));
        deliverOutbox();
        // The lead's chase would otherwise go on into the next test, which shares the clock.
        assertThat(acknowledger.acknowledge(AcknowledgeRequest.typed(ref, Role.SAFEGUARDING_LEAD.id(), new Actor(Platform.SLACK, COLLEAGUE)))
                .accepted()).isTrue();
        return ref;
    }

    /** One pass of a real outbox worker through the application's notifier (the scheduled worker is off here). */
    private void deliverOutbox() {
        try (OutboxWorker worker = new OutboxWorker(outbox, platformNotifier, CLOCK, OutboxWorker.Settings.defaults("t"))) {
            worker.runOnce();
        }
    }

    private OutboxEntry backupEntry(String ref) {
        return outbox.entries(ref).stream().filter(e -> e.row().attempt().equals(OutboxRow.BACKUP)).findFirst().orElseThrow();
    }

    private static Map<String, String> childOnline() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("immediate_danger", "no");
        answers.put("concern_about", "child_harmed");
        answers.put("images_involved", "yes");
        answers.put("images_online", "yes");
        answers.put("child_posted_own_image", "no");
        return answers;
    }

    private static Map<String, String> postedTo(String channel) {
        List<Map<String, String>> posts = calls("chat.postMessage").stream()
                .filter(p -> channel.equals(p.get("channel"))).toList();
        assertThat(posts).as("posts to %s", channel).hasSize(1);
        return posts.getFirst();
    }

    private static List<Map<String, String>> calls(String method) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .map(r -> form(r.getBodyAsString())).toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                // Gson writes &, < and > as unicode escapes inside JSON fields; read them as Slack shows them.
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                                .replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
                                .replace("\\u003d", "=").replace("\\u0027", "'"));
            }
        }
        return fields;
    }
}
