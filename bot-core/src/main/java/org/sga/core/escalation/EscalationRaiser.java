package org.sga.core.escalation;

import org.sga.core.triage.TriageOutcome;

/**
 * Raises the escalation for a completed triage: routes it, and records the audit entry and one outbox row per role
 * in one transaction, before anything is sent. The note is the reporter's own words, optional (null when none).
 */
@FunctionalInterface
public interface EscalationRaiser {
    Raised raise(TriageOutcome outcome, Reporter reporter, String note);
}
