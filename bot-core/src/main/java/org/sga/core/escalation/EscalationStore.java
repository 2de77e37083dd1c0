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
    RecordedOutcome recordOutcome(AuditEntry audit, List<OutboxRow> rows);

    /**
     * Marks the overdue notice re-escalated, appends the audit record and enqueues the backup rows in one
     * transaction. Empty, with nothing written, when the worker lost its claim or the role acknowledged
     * in the meantime.
     */
    Optional<RecordedOutcome> recordReEscalation(
            OverdueAcknowledgement overdue, String workerId, AuditEntry audit, List<OutboxRow> rows);
}
