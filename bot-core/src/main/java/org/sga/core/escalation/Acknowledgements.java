package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who acknowledged which escalation for which role, and the chase of those who have not. */
public interface Acknowledgements {

    /** Records the acknowledgement if it is the first for this escalation and role; the first one wins. */
    AcknowledgeResult acknowledge(String ref, String role, String userId, Instant at);

    Optional<Acknowledgement> find(String ref, String role);

    List<Acknowledgement> forEscalation(String ref);

    /**
     * Leases up to {@code max} notices whose acknowledgement deadline has passed by {@code now}, whose role
     * has not acknowledged, and that were not re-escalated yet; each is handed to one worker at a time.
     */
    List<OverdueAcknowledgement> claimOverdue(String workerId, Instant now, Duration lease, int max);

    /**
     * Marks the overdue notice as re-escalated so it is never claimed again; false when the worker lost the
     * lease or the role acknowledged meanwhile, in which case the caller must not notify the backup.
     */
    boolean markReEscalated(OverdueAcknowledgement overdue, String workerId, Instant at);

    /** Gives the claim back without re-escalating; false when the lease was lost. */
    boolean release(OverdueAcknowledgement overdue, String workerId);

    /**
     * Starts waiting for an acknowledgement at a step of a role's chase, unless that step is already stored; returns
     * whether it was new.
     */
    boolean await(AwaitedAcknowledgement awaited);

    /** Every step of every role's chase of an escalation, in deadline order. */
    List<ChaseStep> chase(String ref);
}
