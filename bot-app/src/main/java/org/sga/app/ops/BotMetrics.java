package org.sga.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.OutboxRow;

/**
 * Counts what the bot does, as Prometheus metrics ({@code /actuator/prometheus}). Tags are platform, outcome,
 * urgency, role, kind and error code: short values from fixed sets, never message text or user ids.
 */
public final class BotMetrics implements ConversationEvents, EscalationEvents {

    private final MeterRegistry registry;
    private final Timer deliveryDelay;

    public BotMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.deliveryDelay = Timer.builder("sga.escalation.delivery.delay")
                .description("Time from a notice being queued (the triage outcome, for first notices) to its post")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void answered(String platform, String sectionId) {
        questions(platform, "answered");
    }

    @Override
    public void notConfident(String platform, String question, String topic) {
        questions(platform, "not_confident");
    }

    @Override
    public void triageStarted(String platform) {
        count("sga.triage.started", "Guided triages begun", "platform", tag(platform));
    }

    @Override
    public void triageCompleted(String platform, String urgency) {
        count("sga.triage.completed", "Triages that ended with an escalation", "platform", tag(platform),
                "urgency", tag(urgency));
    }

    @Override
    public void triageAbandoned(String platform, String why) {
        count("sga.triage.abandoned", "Triages cancelled or left unfinished", "platform", tag(platform), "reason", tag(why));
    }

    @Override
    public void raised(String platform, String urgency, int notices) {
        count("sga.escalations.raised", "Escalations recorded", "platform", tag(platform), "urgency", tag(urgency));
    }

    @Override
    public void delivered(OutboxRow row, Instant at) {
        count("sga.escalations.delivered", "Notices posted (to a role, its backup, or back to the reporter)",
                "platform", tag(row.platform()), "kind", kind(row));
        if (OutboxRow.INITIAL.equals(row.attempt()) && !at.isBefore(row.dueAt())) {
            deliveryDelay.record(Duration.between(row.dueAt(), at));
        }
    }

    @Override
    public void deliveryFailed(OutboxRow row, String code, boolean givenUp) {
        count("sga.escalations.delivery.failures", "Failed attempts to post a notice, by error code (retried unless given up)",
                "platform", tag(row.platform()), "code", tag(code));
        if (givenUp) {
            count("sga.escalations.undeliverable", "Notices given up on (left DEAD for an operator)",
                    "platform", tag(row.platform()), "kind", kind(row));
        }
    }

    @Override
    public void acknowledged(String role) {
        count("sga.escalations.acknowledged", "First acknowledgements of a role", "role", tag(role));
    }

    @Override
    public void reEscalated(String role) {
        count("sga.escalations.re_escalated", "Notices nobody acknowledged in time, sent to the backup", "role", tag(role));
    }

    /** A platform API call that failed, by method and the platform's short error code (e.g. {@code ratelimited}, {@code http_503}). */
    public void apiError(String platform, String method, String code) {
        count("sga.platform.api.errors", "Failed calls to the Slack or Teams APIs by method and error code",
                "platform", tag(platform), "method", tag(method), "code", tag(code));
    }

    private void questions(String platform, String outcome) {
        count("sga.questions", "Questions asked, by whether the bot answered from a section", "platform", tag(platform),
                "outcome", outcome);
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    private static String kind(OutboxRow row) {
        if (OutboxRow.REPORTER.equals(row.role())) {
            return "reporter";
        }
        return OutboxRow.BACKUP.equals(row.attempt()) ? "backup" : "role";
    }

    /** Tag values from code we control, bounded in length and to a safe alphabet in case one ever is not. */
    private static String tag(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        String t = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return t.length() > 40 ? t.substring(0, 40) : t;
    }
}
