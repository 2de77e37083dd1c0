package org.sga.core.escalation;

import java.util.Objects;

/** The acknowledgement that stands for a role, and whether the one just given was it. */
public record AcknowledgeResult(Acknowledgement standing, boolean first) {

    public AcknowledgeResult {
        Objects.requireNonNull(standing, "standing");
    }
}
