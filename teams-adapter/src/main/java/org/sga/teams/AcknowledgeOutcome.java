package org.sga.teams;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of an Acknowledge click.
 *
 * @param status what happened
 * @param by     who stands as having acknowledged (the clicker, or whoever was first); null when refused
 * @param at     when that acknowledgement was given; null when refused
 */
public record AcknowledgeOutcome(Status status, String by, Instant at) {

    /** The three answers a click can get. */
    public enum Status { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NOT_ALLOWED }

    public AcknowledgeOutcome {
        Objects.requireNonNull(status, "status");
        if (status != Status.NOT_ALLOWED) {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    public static AcknowledgeOutcome acknowledged(String by, Instant at) {
        return new AcknowledgeOutcome(Status.ACKNOWLEDGED, by, at);
    }

    public static AcknowledgeOutcome already(String by, Instant at) {
        return new AcknowledgeOutcome(Status.ALREADY_ACKNOWLEDGED, by, at);
    }

    public static AcknowledgeOutcome notAllowed() {
        return new AcknowledgeOutcome(Status.NOT_ALLOWED, null, null);
    }
}
