package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;
import org.sga.core.values.Check;

/** A role that did not acknowledge a notice by its deadline, claimed by one worker to re-escalate. */
public record OverdueAcknowledgement(
        String ref, String role, String attempt, String urgency, Instant deadline, String leaseOwner, Instant leaseUntil) {

    public OverdueAcknowledgement {
        Check.keyPart(ref, "ref", 64);
        Check.keyPart(role, "role", 64);
        Check.keyPart(attempt, "attempt", 64);
        Check.text(urgency, "urgency", 16);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
