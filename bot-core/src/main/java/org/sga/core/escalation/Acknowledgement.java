package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;
import org.sga.core.values.Check;

/** Someone in a role took on an escalation. */
public record Acknowledgement(String ref, String role, String userId, Instant at) {

    public Acknowledgement {
        Check.keyPart(ref, "ref", 64);
        Check.keyPart(role, "role", 64);
        Check.text(userId, "userId", 255);
        Objects.requireNonNull(at, "at");
    }
}
