package org.sga.core.audit;

import java.time.Instant;
import org.sga.core.values.Check;

/** A stored audit record: its place in the chain, its content, and the hashes that link it. */
public record AuditRecord(
        long sequence, String type, String ref, String payload, Instant at, String prevHash, String hash) {

    public AuditRecord {
        Check.present("type, ref, payload, at, prevHash, hash", type, ref, payload, at, prevHash, hash);
    }

    /** The hash this record's content and link should have; differs from {@link #hash()} after an edit. */
    public String expectedHash() {
        return AuditHash.of(sequence, type, ref, at, payload, prevHash);
    }
}
