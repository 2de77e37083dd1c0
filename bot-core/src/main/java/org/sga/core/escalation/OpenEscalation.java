package org.sga.core.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An escalation still needing attention: some notice is undelivered, or some role that must acknowledge
 * has not. Lists the notices and the acknowledgements so far.
 */
public record OpenEscalation(
        String ref, String urgency, Instant raisedAt, List<OutboxEntry> deliveries, List<Acknowledgement> acknowledgements) {

    public OpenEscalation {
        deliveries = List.copyOf(deliveries);
        acknowledgements = List.copyOf(acknowledgements);
    }
}
