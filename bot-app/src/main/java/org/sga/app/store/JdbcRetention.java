package org.sga.app.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.retention.ExpiredConversation;
import org.sga.core.retention.RetentionStore;

/**
 * The retention port in SQL: one batch per call, each batch its own short transaction, so a large backlog never holds
 * many locks for long. The audit trail is purged through {@link org.sga.core.audit.AuditTrail#purgeBefore} instead,
 * under signed checkpoints.
 */
final class JdbcRetention implements RetentionStore {

    /**
     * An escalation is open while a notice is undelivered or a role has not acknowledged (as {@code escalations list
     * --open} shows); its delivered notices are kept until it is closed.
     */
    private static final String OPEN_ESCALATION = "(EXISTS (SELECT 1 FROM outbox p WHERE p.escalation_ref = o.escalation_ref"
            + " AND p.status <> 'DELIVERED') OR EXISTS (SELECT 1 FROM ack_deadline d WHERE d.escalation_ref = o.escalation_ref"
            + " AND NOT EXISTS (SELECT 1 FROM acknowledgement a WHERE a.escalation_ref = d.escalation_ref AND a.role = d.role)))";

    private final StoreContext context;

    JdbcRetention(StoreContext context) {
        this.context = context;
    }

    /**
     * Deletes up to {@code max} conversation states not updated since {@code cutoff}; returns the ones this call deleted.
     * A state saved again after it was read is left alone (its version moved on).
     */
    @Override
    public List<ExpiredConversation> purgeConversations(Instant cutoff, int max) {
        requirePositive(max);
        return context.inTransaction(() -> {
            List<ExpiredConversation> candidates = context.jdbc()
                    .sql("SELECT platform, conversation_id, user_id, kind, version FROM conversation_state"
                            + " WHERE updated_at < ? ORDER BY updated_at FETCH FIRST " + max + " ROWS ONLY" + skipLocked())
                    .param(StoreContext.time(cutoff))
                    .query((rs, n) -> new ExpiredConversation(new ConversationKey(rs.getString("platform"),
                            rs.getString("conversation_id"), rs.getString("user_id")), rs.getString("kind"), rs.getLong("version")))
                    .list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Object[]> keys = new ArrayList<>(candidates.size());
            for (ExpiredConversation c : candidates) {
                keys.add(new Object[] {c.key().platform(), c.key().conversationId(), c.key().userId(), c.version()});
            }
            int[] deleted = context.streaming().batchUpdate("DELETE FROM conversation_state"
                    + " WHERE platform = ? AND conversation_id = ? AND user_id = ? AND version = ?", keys);
            List<ExpiredConversation> mine = new ArrayList<>();
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] == 1) {
                    mine.add(candidates.get(i));
                }
            }
            return mine;
        });
    }

    /** Deletes up to {@code max} records of platform events first seen before {@code cutoff}; returns how many. */
    @Override
    public int purgeProcessedEvents(Instant cutoff, int max) {
        requirePositive(max);
        return context.jdbc().sql("DELETE FROM processed_event WHERE (source, event_id) IN (SELECT source, event_id"
                        + " FROM processed_event WHERE seen_at < ? ORDER BY seen_at FETCH FIRST " + max + " ROWS ONLY"
                        + skipLocked() + ")")
                .param(StoreContext.time(cutoff))
                .update();
    }

    /** Deletes up to {@code max} unanswered questions asked before {@code cutoff}; returns how many. */
    @Override
    public int purgeUnansweredQuestions(Instant cutoff, int max) {
        return deleteById("unanswered_question", "o.asked_at < ?", cutoff, max);
    }

    /** Deletes up to {@code max} answer votes cast before {@code cutoff}; returns how many. */
    @Override
    public int purgeAnswerVotes(Instant cutoff, int max) {
        return deleteById("answer_vote", "o.voted_at < ?", cutoff, max);
    }

    /**
     * Deletes up to {@code max} outbox rows delivered before {@code cutoff}, except those of escalations still open;
     * undelivered and given-up (DEAD) rows are never purged. Returns how many.
     */
    @Override
    public int purgeDeliveredOutbox(Instant cutoff, int max) {
        return deleteById("outbox", "o.status = 'DELIVERED' AND o.delivered_at < ? AND NOT " + OPEN_ESCALATION, cutoff, max);
    }

    /**
     * Deletes the acknowledgements and acknowledgement deadlines of up to {@code max} closed escalations whose last
     * acknowledgement came before {@code cutoff} and whose notices are all gone (purged by
     * {@link #purgeDeliveredOutbox}, so delivered and closed). An escalation with a role still to acknowledge keeps
     * everything. Returns how many escalations this call cleared. Their history stays in the audit trail.
     */
    @Override
    public int purgeClosedEscalations(Instant cutoff, int max) {
        requirePositive(max);
        return context.inTransaction(() -> {
            List<String> refs = context.jdbc().sql("SELECT a.escalation_ref FROM acknowledgement a"
                            + " WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.escalation_ref = a.escalation_ref)"
                            + " AND NOT EXISTS (SELECT 1 FROM ack_deadline d WHERE d.escalation_ref = a.escalation_ref"
                            + " AND NOT EXISTS (SELECT 1 FROM acknowledgement c WHERE c.escalation_ref = d.escalation_ref"
                            + " AND c.role = d.role))"
                            + " GROUP BY a.escalation_ref HAVING MAX(a.acknowledged_at) < ?"
                            + " ORDER BY MAX(a.acknowledged_at) FETCH FIRST " + max + " ROWS ONLY")
                    .param(StoreContext.time(cutoff))
                    .query((rs, n) -> rs.getString(1))
                    .list();
            if (refs.isEmpty()) {
                return 0;
            }
            List<Object[]> keys = refs.stream().map(ref -> new Object[] {ref}).toList();
            context.streaming().batchUpdate("DELETE FROM ack_deadline WHERE escalation_ref = ?", keys);
            int[] deleted = context.streaming().batchUpdate("DELETE FROM acknowledgement WHERE escalation_ref = ?", keys);
            int cleared = 0;
            for (int d : deleted) {
                cleared += d > 0 ? 1 : 0;
            }
            return cleared;
        });
    }

    /** Deletes up to {@code max} rows of {@code table} (aliased {@code o} in {@code condition}) by their id. */
    private int deleteById(String table, String condition, Instant cutoff, int max) {
        requirePositive(max);
        return context.jdbc().sql("DELETE FROM " + table + " WHERE id IN (SELECT o.id FROM " + table + " o WHERE "
                        + condition + " ORDER BY o.id FETCH FIRST " + max + " ROWS ONLY" + skipLocked() + ")")
                .param(StoreContext.time(cutoff))
                .update();
    }

    /**
     * On PostgreSQL, instances purging at once take disjoint batches instead of queueing on each other's rows. H2 (one
     * process) applies LIMIT before SKIP LOCKED, so there the second waits and then finds the rows gone.
     */
    private String skipLocked() {
        return context.dialect().claimsWithSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "";
    }

    private static void requirePositive(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
    }
}
