package org.sga.core.escalation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditTrail;
import org.sga.core.store.UnitOfWork;

/** The escalation store built from the audit, outbox and acknowledgement ports and a unit of work. */
public final class TransactionalEscalationStore implements EscalationStore {

    private final UnitOfWork unitOfWork;
    private final AuditTrail auditTrail;
    private final Outbox outbox;
    private final Acknowledgements acknowledgements;

    public TransactionalEscalationStore(
            UnitOfWork unitOfWork, AuditTrail auditTrail, Outbox outbox, Acknowledgements acknowledgements) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
    }

    @Override
    public RecordedOutcome recordOutcome(AuditEntry audit, List<OutboxRow> rows, List<AwaitedAcknowledgement> awaited) {
        Objects.requireNonNull(audit, "audit");
        List<OutboxRow> ordered = inKeyOrder(rows);
        List<AwaitedAcknowledgement> steps = List.copyOf(awaited);
        return unitOfWork.inTransaction(() -> write(audit, ordered, steps));
    }

    @Override
    public Optional<RecordedOutcome> recordReEscalation(OverdueAcknowledgement overdue, String workerId, AuditEntry audit,
            List<OutboxRow> rows, Optional<AwaitedAcknowledgement> next) {
        Objects.requireNonNull(overdue, "overdue");
        Objects.requireNonNull(audit, "audit");
        List<OutboxRow> ordered = inKeyOrder(rows);
        return unitOfWork.inTransaction(() -> {
            // First, so that an acknowledgement racing with us either lands before (and we write nothing)
            // or waits for our commit: the two are conditional updates of the same row.
            if (!acknowledgements.markReEscalated(overdue, workerId, audit.at())) {
                return Optional.empty();
            }
            return Optional.of(write(audit, ordered, next.stream().toList()));
        });
    }

    private RecordedOutcome write(AuditEntry audit, List<OutboxRow> rows, List<AwaitedAcknowledgement> awaited) {
        int enqueued = 0;
        for (OutboxRow row : rows) {
            if (outbox.enqueue(row)) {
                enqueued++;
            }
        }
        int started = 0;
        for (AwaitedAcknowledgement step : awaited) {
            if (acknowledgements.await(step)) {
                started++;
            }
        }
        if (!(rows.isEmpty() && awaited.isEmpty()) && enqueued == 0 && started == 0) {
            return new RecordedOutcome(Optional.empty(), 0);
        }
        return new RecordedOutcome(Optional.of(auditTrail.append(audit)), enqueued);
    }

    /** Two instances writing overlapping rows insert them in the same order, so they wait rather than deadlock. */
    private static List<OutboxRow> inKeyOrder(List<OutboxRow> rows) {
        return rows.stream().sorted(Comparator.comparing(OutboxRow::idempotencyKey)).toList();
    }
}
