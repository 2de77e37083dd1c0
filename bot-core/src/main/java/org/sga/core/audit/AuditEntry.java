package org.sga.core.audit;

import java.time.Instant;
import java.util.Objects;

/** What to append to the audit trail: a record type, the escalation reference, a JSON payload, the time. */
public record AuditEntry(String type, String ref, String payload, Instant at) {

    public AuditEntry {
        requireText(type, "type", 64);
        requireText(ref, "ref", 64);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }

    private static void requireText(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
        }
    }
}
