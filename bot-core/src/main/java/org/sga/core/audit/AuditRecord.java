package org.sga.core.audit;

import java.time.Instant;
import java.util.Objects;

/** A stored audit record: its place in the chain, its content, and the hashes that link it. */
public record AuditRecord(
        long sequence, String type, String ref, String payload, Instant at, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The hash this record's content and link should have; differs from {@link #hash()} after an edit. */
    public String expectedHash() {
        return AuditHash.of(sequence, type, ref, at, payload, prevHash);
    }
}
