package org.sga.app.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import org.sga.app.store.Retention.ExpiredConversation;
import org.sga.app.store.Store;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.TriageDialogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One purge of everything past its retention, kind by kind, batch by batch until a batch finds nothing. A kind that
 * fails is logged (the failure's class only) and the others still run; the next run picks up where it stopped.
 * Unfinished triages purged here are reported to the {@link ConversationEvents} as abandoned ({@code "expired"}).
 * Only counts are logged, never content.
 */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Store store;
    private final RetentionProperties settings;
    private final ConversationEvents events;
    private final AuditSigningKey auditKey;
    private final Clock clock;
    private final AtomicBoolean warnedNoKey = new AtomicBoolean();
    private volatile boolean stopping;

    /** {@code auditKey} may be null: audit records are then kept, with a warning once. */
    public RetentionJob(Store store, RetentionProperties settings, ConversationEvents events, AuditSigningKey auditKey,
                        Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.auditKey = auditKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run purged; {@code auditRefused} when audit records were due but do not verify, so none were purged. */
    public record Report(long conversations, long triagesExpired, long processedEvents, long unansweredQuestions,
                         long answerVotes, long deliveredNotices, long closedEscalations, long auditRecords,
                         boolean auditRefused) {

        long total() {
            return conversations + processedEvents + unansweredQuestions + answerVotes + deliveredNotices + closedEscalations
                    + auditRecords;
        }
    }

    /**
     * Asks a run under way to stop after its current batch (or lets runs go on again). Never interrupting a batch keeps
     * the embedded database's file safe: H2 closes it when a thread is interrupted during IO.
     */
    void stopping(boolean stop) {
        this.stopping = stop;
    }

    public Report runOnce() {
        Instant now = clock.instant();
        int batch = settings.batchSize();
        long[] triages = {0};
        long conversations = purge("conversation state", settings.conversationState(), now, cutoff -> {
            List<ExpiredConversation> purged = store.retention().purgeConversations(cutoff, batch);
            for (ExpiredConversation c : purged) {
                if (TriageDialogue.STATE_KIND.equals(c.kind())) {
                    triages[0]++;
                    events.triageAbandoned(c.key().platform(), "expired");
                }
            }
            return purged.size();
        });
        long processed = purge("processed events", settings.processedEvents(), now,
                cutoff -> store.retention().purgeProcessedEvents(cutoff, batch));
        long unanswered = purge("unanswered questions", settings.unansweredQuestions(), now,
                cutoff -> store.retention().purgeUnansweredQuestions(cutoff, batch));
        long votes = purge("answer votes", settings.answerVotes(), now,
                cutoff -> store.retention().purgeAnswerVotes(cutoff, batch));
        long notices = purge("delivered notices", settings.deliveredOutbox(), now,
                cutoff -> store.retention().purgeDeliveredOutbox(cutoff, batch));
        // After the notices: an escalation's acknowledgements go once its notices have gone, with the same retention.
        long closed = purge("closed escalations' acknowledgements", settings.deliveredOutbox(), now,
                cutoff -> store.retention().purgeClosedEscalations(cutoff, batch));
        boolean[] refused = {false};
        long audit = purgeAudit(now, refused);
        Report report = new Report(conversations, triages[0], processed, unanswered, votes, notices, closed, audit, refused[0]);
        if (report.total() > 0) {
            LOG.info("Retention purge: {} conversation states ({} unfinished triages expired), {} processed events,"
                            + " {} unanswered questions, {} answer votes, {} delivered notices, acknowledgements of {} closed"
                            + " escalations, {} audit records",
                    conversations, triages[0], processed, unanswered, votes, notices, closed, audit);
        } else {
            LOG.debug("Retention purge: nothing was due");
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
            LOG.warn("Retention purge of {} stopped after {} rows: {}", what, total, e.getClass().getName());
        }
        return total;
    }

    /**
     * Audit records older than the retention, counted from the start of the UTC day, so the trail gains at most one
     * checkpoint a day (and one per batch) rather than one a run.
     */
    private long purgeAudit(Instant now, boolean[] refused) {
        if (settings.audit().isZero()) {
            return 0;
        }
        if (auditKey == null) {
            if (warnedNoKey.compareAndSet(false, true)) {
                LOG.warn("Audit records older than {} are kept: they are purged only under a signed checkpoint, and {}"
                        + " is not set", settings.audit(), AuditSigningKey.ENV);
            }
            return 0;
        }
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(settings.audit()).truncatedTo(ChronoUnit.DAYS).toInstant();
        long total = 0;
        try {
            AuditPurge step;
            do {
                step = store.auditTrail().purgeBefore(cutoff, auditKey, settings.batchSize());
                total += step.recordsPurged();
                if (step.refusedAt().isPresent()) {
                    refused[0] = true;
                    LOG.warn("Audit purge stopped: the records due do not verify ({}); they are kept as evidence."
                            + " Run 'audit verify'.", step.refusedAt().get());
                }
            } while (step.recordsPurged() > 0 && !stopping);
        } catch (RuntimeException e) {
            LOG.warn("Retention purge of audit records stopped after {} records: {}", total, e.getClass().getName());
        }
        return total;
    }
}
