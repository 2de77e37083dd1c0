package org.sga.core.escalation;

import java.util.List;
import java.util.Optional;
import org.sga.core.audit.AuditEntry;

/** Writes an escalation step's audit record together with its outbox rows: all of it, or none of it. */
public interface EscalationStore {

    /**
     * Appends the audit record and enqueues one row per role in one transaction, so nothing is sent that
     * is not in the audit trail. Recording the same rows again (same idempotency keys) changes nothing.
     */
    default RecordedOutcome recordOutcome(AuditEntry audit, List<OutboxRow> rows) {
        return recordOutcome(audit, rows, List.of());
    }

    /**
     * As {@link #recordOutcome(AuditEntry, List)}, and in the same transaction starts the chase of the roles that have
     * no notice to wait on ({@code awaited}). Nothing is new when every row and every awaited step already existed.
     */
    RecordedOutcome recordOutcome(AuditEntry audit, List<OutboxRow> rows, List<AwaitedAcknowledgement> awaited);

    /**
     * Marks the overdue notice re-escalated, appends the audit record and enqueues the backup rows in one
     * transaction. Empty, with nothing written, when the worker lost its claim or the role acknowledged
     * in the meantime.
     */
    default Optional<RecordedOutcome> recordReEscalation(
            OverdueAcknowledgement overdue, String workerId, AuditEntry audit, List<OutboxRow> rows) {
        return recordReEscalation(overdue, workerId, audit, rows, Optional.empty());
    }

    /** As above, and starts waiting at the chase's next step, when there is one, in the same transaction. */
    Optional<RecordedOutcome> recordReEscalation(OverdueAcknowledgement overdue, String workerId, AuditEntry audit,
            List<OutboxRow> rows, Optional<AwaitedAcknowledgement> next);
}
