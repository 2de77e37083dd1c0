package org.sga.app.escalation;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.sga.app.content.ShippedContent;
import org.sga.app.cli.Triage;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.AcknowledgementPolicy;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Backoff;
import org.sga.core.escalation.DelayNotices;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.References;
import org.sga.core.escalation.DeliveryListener;
import org.sga.core.escalation.ReporterUpdates;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;

/**
 * One bot instance's escalation services over a real store, with a clock the test moves. Routing is the example
 * configuration shipped in {@code content} unless a test brings its own; every name and id in it is invented.
 */
final class EscalationFixture {

    static final TriageEngine ENGINE = Triage.engine(ShippedContent.SOURCE.library());
    static final RoutingConfig EXAMPLE = RoutingConfig.parse(new InputStreamReader(
            EscalationFixture.class.getResourceAsStream("/routing/routing-example.yml"), StandardCharsets.UTF_8),
            "routing-example.yml");

    /** Monday 7 December 2026, 10:00 in London: inside Brookfield's office hours. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T10:00:00Z");
    /** Wednesday 9 December 2026, 19:45 in London: outside them. */
    static final Instant WEDNESDAY_EVENING = Instant.parse("2026-12-09T19:45:00Z");

    /**
     * Brookfield staff on Slack: a teacher who reports; the one listed to acknowledge for the safeguarding lead; a
     * colleague who is a line manager, listed to acknowledge for the manager role.
     */
    static final String REPORTER = "U0EXAMPLE01";
    static final String DSL_ACKNOWLEDGER = "U0EXAMPLE02";
    static final String COLLEAGUE = "U0EXAMPLE03";
    static final String MANAGER_CHANNEL = "C0EXMGR001";
    static final String MANAGER_BACKUP = "C0EXMGR002";
    static final String DSL_CHANNEL = "C0EXDSL001";
    static final String DSL_BACKUP = "C0EXDSL002";
    static final String LADO_CHANNEL = "C0EXLADO01";
    static final String OUT_OF_HOURS_CHANNEL = "C0EXOOH001";

    static final Map<String, String> CHILD_ONLINE = answers("immediate_danger", "no", "concern_about", "child_harmed",
            "images_involved", "yes", "images_online", "yes", "child_posted_own_image", "no");
    static final Map<String, String> COLLEAGUE_IS_MANAGER = answers("immediate_danger", "no",
            "concern_about", "colleague", "images_involved", "no", "colleague_is_manager", "yes",
            "colleague_is_safeguarding_lead", "no");
    static final Map<String, String> NOT_CONFIDENT_TO_TELL_MANAGER = answers("immediate_danger", "no",
            "concern_about", "colleague", "images_involved", "no", "colleague_is_manager", "no",
            "confident_to_tell_manager", "no", "colleague_is_safeguarding_lead", "no");
    static final Map<String, String> ADULT_OUTSIDE_WORK = answers("immediate_danger", "no", "concern_about", "adult",
            "images_involved", "no");
    static final Map<String, String> CHILD_IN_DANGER = answers("immediate_danger", "yes", "concern_about", "child_harmed",
            "images_involved", "no");
    /** The colleague is the DSL; the reporter can tell their line manager. */
    static final Map<String, String> DSL_IS_SUBJECT = answers("immediate_danger", "no", "concern_about", "colleague",
            "images_involved", "no", "colleague_is_manager", "no", "confident_to_tell_manager", "yes",
            "colleague_is_safeguarding_lead", "yes");

    final Store store;
    final MutableClock clock;
    final RoutingConfig routing;
    final EscalationRecords records;
    final EscalationService escalations;
    /** Who is in which channel, as the platform would say when someone acknowledges; empty until the test says. */
    final Roster roster = new Roster();
    final AcknowledgementPolicy acknowledgements;

    /** As on a server with both the Slack and the Teams adapter on: nobody reads a console channel there. */
    static final Set<Platform> SLACK_AND_TEAMS = EnumSet.of(Platform.SLACK, Platform.TEAMS);

    EscalationFixture(Store store, MutableClock clock, RoutingConfig routing, Set<Platform> connected) {
        this.store = store;
        this.clock = clock;
        this.routing = routing;
        this.records = new EscalationRecords(store.auditTrail());
        this.escalations = new EscalationService(routing, ENGINE.definition(), store.escalations(), records, clock,
                new References(), EscalationEvents.NONE, connected);
        this.acknowledgements = new AcknowledgementPolicy(records, store.acknowledgements(), store.escalations(),
                store.outbox(), store.unitOfWork(), roster, clock, EscalationEvents.NONE);
    }

    EscalationFixture(Store store, MutableClock clock, RoutingConfig routing) {
        this(store, clock, routing, SLACK_AND_TEAMS);
    }

    EscalationFixture(Store store, MutableClock clock) {
        this(store, clock, EXAMPLE);
    }

    /** {@code ack REF role} as {@code userId} types it on {@code platform}. */
    AcknowledgementOutcome typedAck(String ref, String role, Platform platform, String userId) {
        return acknowledgements.acknowledge(AcknowledgeRequest.typed(ref, role, new Actor(platform, userId)));
    }

    static TriageOutcome outcome(Map<String, String> answers) {
        return ENGINE.evaluate(answers);
    }

    static Reporter onSlack(String userId) {
        return new Reporter(Platform.SLACK, userId, "Alex Example", "D0" + userId);
    }

    ReEscalator reEscalator(String id) {
        return new ReEscalator(store.acknowledgements(), store.escalations(), records, store.outbox(), clock,
                new ReEscalator.Settings(id, Duration.ofMinutes(1), 20, Duration.ofMillis(10)));
    }

    /** A worker that only delivers: nobody is told of what it delivered or not (for tests of delivery itself). */
    OutboxWorker deliveringOnly(String id, Notifier platform) {
        return new OutboxWorker(store.outbox(), platform, clock, workerSettings(id, Duration.ofSeconds(5)));
    }

    /** A worker that tells the reporter of each step once it is delivered, as the application's does. */
    OutboxWorker worker(String id, Notifier platform) {
        return new OutboxWorker(store.outbox(), platform, clock, workerSettings(id, Duration.ofSeconds(5)),
                DeliveryListener.all(List.of(new DelayNotices(records, store.outbox(), clock),
                        new ReporterUpdates(records, store.outbox(), store.acknowledgements(), clock))));
    }

    static OutboxWorker.Settings workerSettings(String id, Duration deliveryTimeout) {
        return OutboxWorker.Settings.defaults(id)
                .withLease(Duration.ofSeconds(60), deliveryTimeout)
                .withBatch(50, Duration.ofMillis(10))
                .withRetries(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), 2.0, 0.0), Integer.MAX_VALUE);
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }
}
