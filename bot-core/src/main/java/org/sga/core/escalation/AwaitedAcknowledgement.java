package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;
import org.sga.core.values.Check;

/**
 * A step of the chase of one role that waits for an acknowledgement until {@code deadline}; the step is named as its
 * notices' attempt ({@link OutboxRow#INITIAL}, {@link OutboxRow#BACKUP}, {@code round-2}).
 */
public record AwaitedAcknowledgement(String ref, String role, String step, String urgency, Instant deadline) {

    public AwaitedAcknowledgement {
        Check.keyPart(ref, "ref", 64);
        Check.keyPart(role, "role", 64);
        Check.keyPart(step, "step", 64);
        Check.text(urgency, "urgency", 16);
        Objects.requireNonNull(deadline, "deadline");
    }
}
