package org.sga.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The append-only audit trail of triage outcomes and escalations. */
public interface AuditTrail {

    /** Appends the entry at the end of the chain and returns it as stored; safe with several instances. */
    AuditRecord append(AuditEntry entry);

    /** Checks every record against its hash and its predecessor; names the first broken record. */
    AuditVerification verify();

    /** Writes the records with {@code from <= at < to} as JSON lines, in sequence order; returns how many. */
    long export(Instant from, Instant to, Writer out) throws IOException;

    /** The records of one escalation, in sequence order. */
    List<AuditRecord> forRef(String ref);
}
