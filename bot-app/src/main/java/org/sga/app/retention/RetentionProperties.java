package org.sga.app.retention;

import java.time.Duration;
import java.time.Period;
import org.sga.core.retention.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of data is kept, and how often the purge runs ({@code sga.retention.*}; from the environment as
 * {@code SGA_RETENTION_CONVERSATION_STATE=24h} and so on). The defaults are the core's
 * {@link RetentionPolicy#defaults()}; a value out of range stops start-up naming its key. Durations take {@code 24h}, {@code 7d} or ISO-8601
 * ({@code PT24H}); the audit retention is a period ({@code P7Y}, {@code 2555d}). Zero keeps that kind of data for ever.
 * The audit signing key is not a property here: it is read from {@code SGA_AUDIT_SIGNING_KEY} and never bound or shown.
 *
 * @param enabled             whether this instance runs the purge job at all
 * @param interval            time between the end of one run and the start of the next
 * @param initialDelay        time from start-up to the first run
 * @param batchSize           rows deleted per transaction
 * @param conversationState   conversation state not updated for this long (an unfinished triage) is forgotten
 * @param processedEvents     records of handled Slack and Teams events (for de-duplication)
 * @param unansweredQuestions questions the bot could not answer, kept for the content owners
 * @param answerVotes         Helpful / Not helpful votes
 * @param deliveredOutbox     delivered escalation notices, once their escalation is closed
 * @param audit               the audit trail, purged from its start under signed checkpoints
 */
@ConfigurationProperties("sga.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("500") int batchSize,
        @DefaultValue("24h") Duration conversationState,
        @DefaultValue("7d") Duration processedEvents,
        @DefaultValue("90d") Duration unansweredQuestions,
        @DefaultValue("90d") Duration answerVotes,
        @DefaultValue("30d") Duration deliveredOutbox,
        @DefaultValue("P7Y") Period audit) {

    public RetentionProperties {
        requirePositive(interval, "sga.retention.interval");
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("sga.retention.initial-delay must not be negative");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("sga.retention.batch-size must be 1 to 10000, not " + batchSize);
        }
        requireNotNegative(conversationState, "sga.retention.conversation-state");
        requireNotNegative(processedEvents, "sga.retention.processed-events");
        requireNotNegative(unansweredQuestions, "sga.retention.unanswered-questions");
        requireNotNegative(answerVotes, "sga.retention.answer-votes");
        requireNotNegative(deliveredOutbox, "sga.retention.delivered-outbox");
        if (audit == null || audit.isNegative()) {
            throw new IllegalArgumentException("sga.retention.audit must be a period such as P7Y or 2555d, and not negative");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 1h");
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration such as 24h or 90d (0 keeps for ever), not negative");
        }
    }

    /** What is kept how long, for the core's purge. */
    public RetentionPolicy toPolicy() {
        return new RetentionPolicy(batchSize, conversationState, processedEvents, unansweredQuestions, answerVotes,
                deliveredOutbox, audit);
    }
}
