package org.sga.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.escalation.AcknowledgeResult;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.AwaitedAcknowledgement;
import org.sga.core.escalation.ChaseStep;
import org.sga.core.escalation.OverdueAcknowledgement;

/** Acknowledgements (the first one wins) and the chase of those not given yet, in memory. */
final class MemoryAcknowledgements implements Acknowledgements {

    /** One step of a role's chase: WAITING until acknowledged or re-escalated, leased to one worker at a time. */
    record Deadline(AwaitedAcknowledgement awaited, ChaseStep.State state, Instant handledAt, String leaseOwner,
                    Instant leaseUntil) {

        boolean free(Instant now) {
            return leaseUntil == null || !leaseUntil.isAfter(now);
        }

        Deadline leased(String owner, Instant until) {
            return new Deadline(awaited, state, handledAt, owner, until);
        }

        Deadline handled(ChaseStep.State to, Instant at) {
            return new Deadline(awaited, to, at, null, null);
        }
    }

    private static final Comparator<Deadline> CHASE_ORDER = Comparator
            .comparing((Deadline d) -> d.awaited().deadline())
            .thenComparing(d -> d.awaited().role())
            .thenComparing(d -> d.awaited().step());
    private static final Comparator<Acknowledgement> ACK_ORDER = Comparator.comparing(Acknowledgement::at)
            .thenComparing(Acknowledgement::role);

    private final MemoryStore store;

    MemoryAcknowledgements(MemoryStore store) {
        this.store = store;
    }

    static String key(String ref, String role) {
        return ref + "\n" + role;
    }

    private static String key(String ref, String role, String step) {
        return ref + "\n" + role + "\n" + step;
    }

    @Override
    public boolean await(AwaitedAcknowledgement awaited) {
        return store.inTransaction(() -> store.tables().deadlines.putIfAbsent(
                key(awaited.ref(), awaited.role(), awaited.step()),
                new Deadline(awaited, ChaseStep.State.WAITING, null, null, null)) == null);
    }

    @Override
    public List<ChaseStep> chase(String ref) {
        return store.inTransaction(() -> store.tables().deadlines.values().stream()
                .filter(d -> d.awaited().ref().equals(ref)).sorted(CHASE_ORDER)
                .map(d -> new ChaseStep(d.awaited(), d.state(), d.handledAt())).toList());
    }

    @Override
    public AcknowledgeResult acknowledge(String ref, String role, String userId, Instant at) {
        Acknowledgement given = new Acknowledgement(ref, role, userId, at);
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            boolean first = t.acknowledgements.putIfAbsent(key(ref, role), given) == null;
            if (first) {
                t.deadlines.replaceAll((k, d) -> d.awaited().ref().equals(ref) && d.awaited().role().equals(role)
                        && d.state() == ChaseStep.State.WAITING ? d.handled(ChaseStep.State.ACKNOWLEDGED, at) : d);
            }
            return new AcknowledgeResult(t.acknowledgements.get(key(ref, role)), first);
        });
    }

    @Override
    public Optional<Acknowledgement> find(String ref, String role) {
        return store.inTransaction(() -> Optional.ofNullable(store.tables().acknowledgements.get(key(ref, role))));
    }

    @Override
    public List<Acknowledgement> forEscalation(String ref) {
        return store.inTransaction(() -> store.tables().acknowledgements.values().stream()
                .filter(a -> a.ref().equals(ref)).sorted(ACK_ORDER).toList());
    }

    @Override
    public List<OverdueAcknowledgement> claimOverdue(String workerId, Instant now, Duration lease, int max) {
        Objects.requireNonNull(workerId, "workerId");
        if (max < 1) {
            return List.of();
        }
        Instant until = now.plus(lease);
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            List<Deadline> due = t.deadlines.values().stream()
                    .filter(d -> d.state() == ChaseStep.State.WAITING && !d.awaited().deadline().isAfter(now) && d.free(now)
                            && !t.acknowledgements.containsKey(key(d.awaited().ref(), d.awaited().role())))
                    .sorted(Comparator.comparing((Deadline d) -> d.awaited().deadline())
                            .thenComparing(d -> d.awaited().ref()).thenComparing(d -> d.awaited().role()))
                    .limit(max).toList();
            List<OverdueAcknowledgement> claimed = new ArrayList<>();
            for (Deadline d : due) {
                AwaitedAcknowledgement a = d.awaited();
                t.deadlines.put(key(a.ref(), a.role(), a.step()), d.leased(workerId, until));
                claimed.add(new OverdueAcknowledgement(a.ref(), a.role(), a.step(), a.urgency(), a.deadline(), workerId,
                        until));
            }
            return claimed;
        });
    }

    @Override
    public boolean markReEscalated(OverdueAcknowledgement overdue, String workerId, Instant at) {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            String k = key(overdue.ref(), overdue.role(), overdue.attempt());
            Deadline d = t.deadlines.get(k);
            if (d == null || d.state() != ChaseStep.State.WAITING || !workerId.equals(d.leaseOwner())
                    || t.acknowledgements.containsKey(key(overdue.ref(), overdue.role()))) {
                return false;
            }
            t.deadlines.put(k, d.handled(ChaseStep.State.RE_ESCALATED, at));
            return true;
        });
    }

    @Override
    public boolean release(OverdueAcknowledgement overdue, String workerId) {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            String k = key(overdue.ref(), overdue.role(), overdue.attempt());
            Deadline d = t.deadlines.get(k);
            if (d == null || d.state() != ChaseStep.State.WAITING || !workerId.equals(d.leaseOwner())) {
                return false;
            }
            t.deadlines.put(k, d.leased(null, null));
            return true;
        });
    }
}
