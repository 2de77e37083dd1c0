package org.sga.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.AwaitedAcknowledgement;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxDepth;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;

/** The outbox in memory: rows claimed with a lease, delivered, retried or given up, as the JDBC outbox does. */
final class MemoryOutbox implements Outbox {

    private final MemoryStore store;
    private final MemoryAcknowledgements acknowledgements;

    MemoryOutbox(MemoryStore store, MemoryAcknowledgements acknowledgements) {
        this.store = store;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public boolean enqueue(OutboxRow row) {
        Objects.requireNonNull(row, "row");
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            if (t.outbox.values().stream().anyMatch(e -> e.row().idempotencyKey().equals(row.idempotencyKey()))) {
                return false;
            }
            long id = ++t.lastOutboxId;
            t.outbox.put(id, new OutboxEntry(id, row, DeliveryStatus.PENDING, 0, row.dueAt(), null, null, null, null, null,
                    store.now()));
            if (row.ackDeadline() != null) {
                acknowledgements.await(new AwaitedAcknowledgement(row.escalationRef(), row.role(), row.attempt(),
                        row.urgency(), row.ackDeadline()));
            }
            return true;
        });
    }

    @Override
    public List<OutboxMessage> claim(String workerId, Instant now, Duration lease, int max) {
        Objects.requireNonNull(workerId, "workerId");
        if (max < 1) {
            return List.of();
        }
        Instant until = now.plus(lease);
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            List<OutboxEntry> due = t.outbox.values().stream()
                    .filter(e -> free(e, now) && !e.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparingLong(OutboxEntry::id))
                    .limit(max).toList();
            List<OutboxMessage> claimed = new ArrayList<>();
            for (OutboxEntry e : due) {
                t.outbox.put(e.id(), with(e, e.status(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.deliveredAt(),
                        e.platformMessageId(), workerId, until));
                claimed.add(new OutboxMessage(e.id(), e.row(), e.attempts() + 1, workerId, until));
            }
            return claimed;
        });
    }

    @Override
    public boolean markDelivered(long id, String workerId, String platformMessageId, Instant at) {
        // As in the JDBC outbox, not conditional on the lease: a worker whose lease ran out while posting did post.
        return update(id, e -> e.status() == DeliveryStatus.PENDING, e -> with(e, DeliveryStatus.DELIVERED,
                e.attempts() + 1, e.nextAttemptAt(), null, at, platformMessageId, null, null));
    }

    @Override
    public boolean markFailed(long id, String workerId, String errorCode, Instant nextAttemptAt) {
        return update(id, e -> leasedBy(e, workerId), e -> with(e, DeliveryStatus.PENDING, e.attempts() + 1, nextAttemptAt,
                errorCode(errorCode), e.deliveredAt(), e.platformMessageId(), null, null));
    }

    @Override
    public boolean markDead(long id, String workerId, String errorCode, Instant at) {
        return update(id, e -> leasedBy(e, workerId), e -> with(e, DeliveryStatus.DEAD, e.attempts() + 1, at,
                errorCode(errorCode), e.deliveredAt(), e.platformMessageId(), null, null));
    }

    @Override
    public boolean release(long id, String workerId) {
        return update(id, e -> leasedBy(e, workerId), e -> with(e, e.status(), e.attempts(), e.nextAttemptAt(),
                e.lastError(), e.deliveredAt(), e.platformMessageId(), null, null));
    }

    @Override
    public List<OpenEscalation> openEscalations() {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            Set<String> open = new LinkedHashSet<>();
            t.outbox.values().stream().filter(e -> e.status() != DeliveryStatus.DELIVERED)
                    .forEach(e -> open.add(e.row().escalationRef()));
            t.deadlines.values().stream()
                    .filter(d -> !t.acknowledgements.containsKey(MemoryAcknowledgements.key(d.awaited().ref(), d.awaited().role())))
                    .forEach(d -> open.add(d.awaited().ref()));
            List<OpenEscalation> escalations = new ArrayList<>();
            for (String ref : open) {
                List<OutboxEntry> rows = entriesOf(t, ref);
                List<Acknowledgement> acks = t.acknowledgements.values().stream().filter(a -> a.ref().equals(ref))
                        .sorted(Comparator.comparing(Acknowledgement::at).thenComparing(Acknowledgement::role)).toList();
                if (!rows.isEmpty()) {
                    OutboxEntry first = rows.stream().min(Comparator.comparing(OutboxEntry::createdAt)).orElseThrow();
                    escalations.add(new OpenEscalation(ref, first.row().urgency(), first.createdAt(), rows, acks));
                } else {
                    // An escalation none of whose roles could be given a notice has only its chase: open all the same.
                    List<MemoryAcknowledgements.Deadline> chase = t.deadlines.values().stream()
                            .filter(d -> d.awaited().ref().equals(ref)).toList();
                    String urgency = chase.stream().map(d -> d.awaited().urgency()).min(Comparator.naturalOrder()).orElseThrow();
                    Instant firstDeadline = chase.stream().map(d -> d.awaited().deadline()).min(Comparator.naturalOrder())
                            .orElseThrow();
                    escalations.add(new OpenEscalation(ref, urgency, firstDeadline, List.of(), acks));
                }
            }
            escalations.sort(Comparator.comparing(OpenEscalation::raisedAt).thenComparing(OpenEscalation::ref));
            return escalations;
        });
    }

    @Override
    public List<OutboxEntry> entries(String escalationRef) {
        return store.inTransaction(() -> entriesOf(store.tables(), escalationRef));
    }

    @Override
    public Optional<String> deliveredMessageId(String escalationRef, String role, String platform) {
        return store.inTransaction(() -> entriesOf(store.tables(), escalationRef).stream()
                .filter(e -> e.row().role().equals(role) && e.row().attempt().equals(OutboxRow.INITIAL)
                        && e.row().platform().equals(platform) && e.status() == DeliveryStatus.DELIVERED
                        && e.platformMessageId() != null)
                .map(OutboxEntry::platformMessageId).findFirst());
    }

    @Override
    public int retry(String escalationRef, Instant now) {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            int retried = 0;
            for (OutboxEntry e : entriesOf(t, escalationRef)) {
                if (e.status() == DeliveryStatus.DEAD || free(e, now)) {
                    t.outbox.put(e.id(), with(e, DeliveryStatus.PENDING, e.attempts(), now, e.lastError(), e.deliveredAt(),
                            e.platformMessageId(), null, null));
                    retried++;
                }
            }
            return retried;
        });
    }

    @Override
    public OutboxDepth depth() {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            long pending = t.outbox.values().stream().filter(e -> e.status() == DeliveryStatus.PENDING).count();
            long dead = t.outbox.values().stream().filter(e -> e.status() == DeliveryStatus.DEAD).count();
            Optional<Instant> oldestDue = t.outbox.values().stream().filter(e -> e.status() == DeliveryStatus.PENDING)
                    .map(e -> e.row().dueAt()).min(Comparator.naturalOrder());
            Set<String> acknowledged = new LinkedHashSet<>();
            t.acknowledgements.values().forEach(a -> acknowledged.add(a.ref()));
            long unreached = t.deadlines.values().stream().map(d -> d.awaited().ref()).distinct()
                    .filter(ref -> !acknowledged.contains(ref))
                    .filter(ref -> t.outbox.values().stream().noneMatch(e -> e.row().escalationRef().equals(ref)
                            && !e.row().role().equals(OutboxRow.REPORTER) && e.status() != DeliveryStatus.DEAD))
                    .count();
            return new OutboxDepth(pending, dead, oldestDue, unreached);
        });
    }

    private boolean update(long id, java.util.function.Predicate<OutboxEntry> when, UnaryOperator<OutboxEntry> change) {
        return store.inTransaction(() -> {
            Map<Long, OutboxEntry> rows = store.tables().outbox;
            OutboxEntry e = rows.get(id);
            if (e == null || !when.test(e)) {
                return false;
            }
            rows.put(id, change.apply(e));
            return true;
        });
    }

    private static List<OutboxEntry> entriesOf(MemoryStore.Tables t, String ref) {
        return t.outbox.values().stream().filter(e -> e.row().escalationRef().equals(ref))
                .sorted(Comparator.comparingLong(OutboxEntry::id)).toList();
    }

    private static boolean free(OutboxEntry e, Instant now) {
        return e.status() == DeliveryStatus.PENDING && (e.leaseUntil() == null || !e.leaseUntil().isAfter(now));
    }

    private static boolean leasedBy(OutboxEntry e, String workerId) {
        return e.status() == DeliveryStatus.PENDING && workerId.equals(e.leaseOwner());
    }

    private static OutboxEntry with(OutboxEntry e, DeliveryStatus status, int attempts, Instant nextAttemptAt,
            String lastError, Instant deliveredAt, String platformMessageId, String leaseOwner, Instant leaseUntil) {
        return new OutboxEntry(e.id(), e.row(), status, attempts, nextAttemptAt, lastError, deliveredAt, platformMessageId,
                leaseOwner, leaseUntil, e.createdAt());
    }

    /** Error codes come from notifiers; the store keeps 64 characters of a short code and nothing else. */
    private static String errorCode(String code) {
        String safe = code == null || code.isBlank() ? "unknown" : code.strip();
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
