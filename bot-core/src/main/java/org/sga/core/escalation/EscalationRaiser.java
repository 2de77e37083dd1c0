package org.sga.core.escalation;

import org.sga.core.triage.TriageOutcome;

/**
 * Raises the escalation for a completed triage: routes it, and records the audit entry and one outbox row per role
 * in one transaction, before anything is sent. The note is the reporter's own words, optional (null when none).
 */
public interface EscalationRaiser {

    /** A fresh reference, to be kept by the caller so that a retried raise is recognised as the same escalation. */
    String newReference(Reporter reporter);

    /**
     * Raises under {@code reference}. Repeating the call with the same reference and report changes nothing;
     * if another escalation holds the reference a new one is taken and returned in {@link Raised#reference()}.
     */
    Raised raise(TriageOutcome outcome, Reporter reporter, String note, String reference);

    default Raised raise(TriageOutcome outcome, Reporter reporter, String note) {
        return raise(outcome, reporter, note, newReference(reporter));
    }
}
