package org.sga.core.retention;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * How long each kind of data is kept. Zero keeps that kind for ever.
 *
 * @param batchSize           rows deleted per transaction
 * @param conversationState   conversation state not updated for this long (an unfinished triage) is forgotten
 * @param processedEvents     records of handled platform events (for de-duplication)
 * @param unansweredQuestions questions the bot could not answer, kept for the content owners
 * @param answerVotes         Helpful / Not helpful votes
 * @param deliveredOutbox     delivered escalation notices, once their escalation is closed; and then the closed
 *                            escalation's acknowledgements, counted from the last of them
 * @param audit               the audit trail, purged from its start under signed checkpoints, counted from the start
 *                            of the UTC day
 */
public record RetentionPolicy(int batchSize, Duration conversationState, Duration processedEvents,
                              Duration unansweredQuestions, Duration answerVotes, Duration deliveredOutbox, Period audit) {

    public RetentionPolicy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        for (Duration d : new Duration[] {conversationState, processedEvents, unansweredQuestions, answerVotes, deliveredOutbox}) {
            if (Objects.requireNonNull(d, "retention").isNegative()) {
                throw new IllegalArgumentException("a retention must not be negative: " + d);
            }
        }
        if (Objects.requireNonNull(audit, "audit").isNegative()) {
            throw new IllegalArgumentException("the audit retention must not be negative: " + audit);
        }
    }

    /**
     * The product's policy: unfinished conversations for a day, event records for a week, unanswered questions and
     * votes for 90 days, delivered notices of closed escalations for 30 days, the audit trail for seven years.
     */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(500, Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(90),
                Duration.ofDays(30), Period.ofYears(7));
    }

    public RetentionPolicy withBatchSize(int size) {
        return new RetentionPolicy(size, conversationState, processedEvents, unansweredQuestions, answerVotes,
                deliveredOutbox, audit);
    }
}
