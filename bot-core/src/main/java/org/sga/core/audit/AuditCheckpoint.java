package org.sga.core.audit;

import java.time.Instant;
import org.sga.core.values.Check;

/**
 * What remains of audit records purged at the end of their retention: the range purged from the start of the chain,
 * the hash the first of them linked to ({@code firstPrevHash}, the previous checkpoint's {@code lastHash} or
 * {@link AuditHash#GENESIS}), the hash of the last of them (which the first remaining record's previous hash must
 * equal), how many, when, and an HMAC-SHA256 signature over all of that with the {@link AuditSigningKey}. The records
 * were verified before they were purged, so the checkpoint stands for an intact stretch of the chain.
 */
public record AuditCheckpoint(long firstSequence, long lastSequence, String firstPrevHash, String lastHash,
                              long recordCount, Instant at, String keyId, String signature) {

    private static final String VERSION = "sga-audit-checkpoint-v1";

    public AuditCheckpoint {
        Check.present("firstPrevHash, lastHash, at, keyId, signature", firstPrevHash, lastHash, at, keyId, signature);
    }

    /** A checkpoint for records {@code first..last}, signed with {@code key}; {@code at} is kept at microseconds. */
    public static AuditCheckpoint signed(long first, long last, String firstPrevHash, String lastHash, Instant at,
                                         AuditSigningKey key) {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a checkpoint covers records first..last with 1 <= first <= last");
        }
        AuditCheckpoint unsigned = new AuditCheckpoint(first, last, firstPrevHash, lastHash, last - first + 1,
                AuditHash.canonicalTime(at), key.id(), "");
        return new AuditCheckpoint(first, last, firstPrevHash, lastHash, unsigned.recordCount(), unsigned.at(), key.id(),
                key.sign(unsigned.canonical()));
    }

    /** The signed text: every field but the key id and the signature, each length-prefixed, as in {@link AuditHash}. */
    String canonical() {
        StringBuilder canonical = new StringBuilder(VERSION);
        for (String field : new String[] {Long.toString(firstSequence), Long.toString(lastSequence), firstPrevHash,
                lastHash, Long.toString(recordCount), AuditHash.canonicalTime(at).toString()}) {
            canonical.append('\n').append(field.length()).append(':').append(field);
        }
        return canonical.toString();
    }
}
