package org.sga.core.escalation;

import java.util.Optional;
import org.sga.core.audit.AuditRecord;

/**
 * What one escalation write stored: the audit record, and how many outbox rows were new. The audit record
 * is empty when every row already existed, i.e. the same outcome had been recorded before.
 */
public record RecordedOutcome(Optional<AuditRecord> audit, int rowsEnqueued) {

    public boolean duplicate() {
        return audit.isEmpty();
    }
}
