package org.sga.core.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditTrail;

/**
 * Escalations as the audit trail records them. The {@code escalation.raised} record is the one place that keeps how
 * an escalation was routed (targets, backups, who may acknowledge, the reporter's address); acknowledgement and
 * re-escalation read it from here rather than routing again, so they act on what was decided and audited.
 */
public final class EscalationRecords {

    /** An escalation was routed and its notices queued. */
    public static final String RAISED = "escalation.raised";
    /** Someone allowed acknowledged a role's notice. */
    public static final String ACKNOWLEDGED = "escalation.acknowledged";
    /** Nobody in a role acknowledged in time; its backup was notified. */
    public static final String RE_ESCALATED = "escalation.re-escalated";
    /** Someone tried to acknowledge and was refused; the record says why and who, never what they typed. */
    public static final String ACKNOWLEDGEMENT_REFUSED = "escalation.acknowledgement-refused";

    private final AuditTrail auditTrail;

    public EscalationRecords(AuditTrail auditTrail) {
        this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
    }

    /** The escalation with this reference; empty when none was raised with it. */
    public Optional<RaisedEscalation> find(String reference) {
        return auditTrail.forRef(reference).stream()
                .filter(r -> r.type().equals(RAISED))
                .findFirst()
                .map(r -> RaisedEscalation.fromJson(r.payload()));
    }

    /** Every audit record of the escalation, raised first, in the order written. */
    public List<AuditRecord> history(String reference) {
        return auditTrail.forRef(reference);
    }
}
