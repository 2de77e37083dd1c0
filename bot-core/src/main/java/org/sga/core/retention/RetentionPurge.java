package org.sga.core.retention;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.TriageDialogue;

/**
 * One purge of everything past its retention, kind by kind, batch by batch until a batch finds nothing. A kind that
 * fails is logged (the failure's class only) and the others still run; the next run picks up where it stopped.
 * Unfinished triages purged here are reported to the {@link ConversationEvents} as abandoned ({@code "expired"}).
 * Only counts are logged, never content.
 */
public final class RetentionPurge {

    private static final System.Logger LOG = System.getLogger(RetentionPurge.class.getName());

    private final RetentionStore store;
    private final AuditTrail auditTrail;
    private final RetentionPolicy policy;
    private final ConversationEvents events;
    private final AuditSigningKey auditKey;
    private final Clock clock;
    private final AtomicBoolean warnedNoKey = new AtomicBoolean();
    private volatile boolean stopping;

    /** {@code auditKey} may be null: audit records are then kept, with a warning once. */
    public RetentionPurge(RetentionStore store, AuditTrail auditTrail, RetentionPolicy policy, ConversationEvents events,
                          AuditSigningKey auditKey, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.events = Objects.requireNonNull(events, "events");
        this.auditKey = auditKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run purged; {@code auditRefused} when audit records were due but do not verify, so none were purged. */
    public record Report(long conversations, long triagesExpired, long processedEvents, long unansweredQuestions,
                         long answerVotes, long deliveredNotices, long closedEscalations, long auditRecords,
                         boolean auditRefused) {

        /** Rows purged in all. */
        public long total() {
            return conversations + processedEvents + unansweredQuestions + answerVotes + deliveredNotices + closedEscalations
                    + auditRecords;
        }
    }

    /**
     * Asks a run under way to stop after its current batch (or lets runs go on again). Never interrupting a batch keeps
     * an embedded database's file safe: it may be closed when a thread is interrupted during IO.
     */
    public void stopping(boolean stop) {
        this.stopping = stop;
    }

    public Report runOnce() {
        Instant now = clock.instant();
        int batch = policy.batchSize();
        long[] triages = {0};
        long conversations = purge("conversation state", policy.conversationState(), now, cutoff -> {
            List<ExpiredConversation> purged = store.purgeConversations(cutoff, batch);
            for (ExpiredConversation c : purged) {
                if (TriageDialogue.STATE_KIND.equals(c.kind())) {
                    triages[0]++;
                    events.triageAbandoned(c.key().platform(), "expired");
                }
            }
            return purged.size();
        });
        long processed = purge("processed events", policy.processedEvents(), now,
                cutoff -> store.purgeProcessedEvents(cutoff, batch));
        long unanswered = purge("unanswered questions", policy.unansweredQuestions(), now,
                cutoff -> store.purgeUnansweredQuestions(cutoff, batch));
        long votes = purge("answer votes", policy.answerVotes(), now, cutoff -> store.purgeAnswerVotes(cutoff, batch));
        long notices = purge("delivered notices", policy.deliveredOutbox(), now,
                cutoff -> store.purgeDeliveredOutbox(cutoff, batch));
        // After the notices: an escalation's acknowledgements go once its notices have gone, with the same retention.
        long closed = purge("closed escalations' acknowledgements", policy.deliveredOutbox(), now,
                cutoff -> store.purgeClosedEscalations(cutoff, batch));
        boolean[] refused = {false};
        long audit = purgeAudit(now, refused);
        Report report = new Report(conversations, triages[0], processed, unanswered, votes, notices, closed, audit, refused[0]);
        if (report.total() > 0) {
            LOG.log(Level.INFO, () -> "Retention purge: " + report.conversations() + " conversation states ("
                    + report.triagesExpired() + " unfinished triages expired), " + report.processedEvents()
                    + " processed events, " + report.unansweredQuestions() + " unanswered questions, "
                    + report.answerVotes() + " answer votes, " + report.deliveredNotices() + " delivered notices,"
                    + " acknowledgements of " + report.closedEscalations() + " closed escalations, "
                    + report.auditRecords() + " audit records");
        } else {
            LOG.log(Level.DEBUG, "Retention purge: nothing was due");
        }
        return report;
    }

    /**
     * Runs {@code oneBatch} on the cutoff until it deletes nothing (not merely less than a batch: with another instance
     * purging too, a short batch does not mean the end). Zero retention keeps everything.
     */
    private long purge(String what, Duration retention, Instant now, ToIntFunction<Instant> oneBatch) {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        long total = 0;
        try {
            int deleted;
            do {
                deleted = oneBatch.applyAsInt(cutoff);
                total += deleted;
            } while (deleted > 0 && !stopping);
        } catch (RuntimeException e) {
            long purged = total;
            LOG.log(Level.WARNING, () -> "Retention purge of " + what + " stopped after " + purged + " rows: "
                    + e.getClass().getName());
        }
        return total;
    }

    /**
     * Audit records older than the retention, counted from the start of the UTC day, so the trail gains at most one
     * checkpoint a day (and one per batch) rather than one a run.
     */
    private long purgeAudit(Instant now, boolean[] refused) {
        if (policy.audit().isZero()) {
            return 0;
        }
        if (auditKey == null) {
            if (warnedNoKey.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, () -> "Audit records older than " + policy.audit() + " are kept: they are purged"
                        + " only under a signed checkpoint, and " + AuditSigningKey.ENV + " is not set");
            }
            return 0;
        }
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.audit()).truncatedTo(ChronoUnit.DAYS).toInstant();
        long total = 0;
        try {
            AuditPurge step;
            do {
                step = auditTrail.purgeBefore(cutoff, auditKey, policy.batchSize());
                total += step.recordsPurged();
                if (step.refusedAt().isPresent()) {
                    refused[0] = true;
                    AuditPurge refusal = step;
                    LOG.log(Level.WARNING, () -> "Audit purge stopped: the records due do not verify ("
                            + refusal.refusedAt().get() + "); they are kept as evidence. Run 'audit verify'.");
                }
            } while (step.recordsPurged() > 0 && !stopping);
        } catch (RuntimeException e) {
            long purged = total;
            LOG.log(Level.WARNING, () -> "Retention purge of audit records stopped after " + purged + " records: "
                    + e.getClass().getName());
        }
        return total;
    }
}
