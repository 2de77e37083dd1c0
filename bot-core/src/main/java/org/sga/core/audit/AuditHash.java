package org.sga.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** SHA-256 over an audit record's canonical fields and the previous record's hash. */
public final class AuditHash {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "sga-audit-v1";

    private AuditHash() {
    }

    /**
     * Each field is length-prefixed, so no choice of field values can make two different records hash
     * alike by moving text from one field into the next.
     */
    public static String of(long sequence, String type, String ref, Instant at, String payload, String prevHash) {
        StringBuilder canonical = new StringBuilder(payload.length() + 200).append(VERSION);
        for (String field : new String[] {
                Long.toString(sequence), type, ref, canonicalTime(at).toString(), payload, prevHash}) {
            canonical.append('\n').append(field.length()).append(':').append(field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Databases keep microseconds; hashing the stored precision keeps the hash reproducible from the row. */
    public static Instant canonicalTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
