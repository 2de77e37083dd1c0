package org.sga.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The append-only audit trail of triage outcomes and escalations. */
public interface AuditTrail {

    /** Appends the entry at the end of the chain and returns it as stored; safe with several instances. */
    AuditRecord append(AuditEntry entry);

    /**
     * Checks every record against its hash and its predecessor, and the checkpoints of purged records against each other
     * and against the first remaining record; names the first break. Checkpoint signatures are not checked.
     */
    default AuditVerification verify() {
        return verify(null);
    }

    /** As {@link #verify()}, also checking each checkpoint's signature with {@code key} (when not null). */
    AuditVerification verify(AuditSigningKey key);

    /**
     * Retention: purges up to {@code max} records from the start of the chain, as long as each was recorded before
     * {@code cutoff}, after checking them as {@link #verify} would, and writes a checkpoint for them signed with
     * {@code key} in the same transaction, so the remaining trail still verifies. Safe with several instances: they
     * take turns, and a record is purged once. Call again while it purges {@code max}.
     */
    AuditPurge purgeBefore(java.time.Instant cutoff, AuditSigningKey key, int max);

    /** The checkpoints of purged records, oldest first. */
    List<AuditCheckpoint> checkpoints();

    /** Writes the records with {@code from <= at < to} as JSON lines, in sequence order; returns how many. */
    long export(Instant from, Instant to, Writer out) throws IOException;

    /** The records of one escalation, in sequence order. */
    List<AuditRecord> forRef(String ref);
}
