package org.sga.core.escalation;

import java.time.Clock;
import java.util.Objects;
import org.sga.core.triage.Role;

/**
 * Tells the reporter when the notice to one of the roles is delayed (first failed attempt) or could not be delivered
 * at all, so they can contact that role directly; each at most once per role, through the outbox like any notice.
 * Failures of notices to the reporter themselves are not reported, which would only loop.
 */
public final class DelayNotices implements DeliveryListener {

    private final EscalationRecords records;
    private final Outbox outbox;
    private final Clock clock;

    public DelayNotices(EscalationRecords records, Outbox outbox, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void notDelivered(OutboxRow row, String errorCode, boolean givenUp) {
        if (OutboxRow.REPORTER.equals(row.role())) {
            return;
        }
        records.find(row.escalationRef()).ifPresent(escalation -> escalation.reporter().conversation().ifPresent(conversation -> {
            String role = Role.fromId(row.role()).map(RoleTitles::of).orElse(row.role());
            String text = givenUp
                    ? "Your escalation " + row.escalationRef() + " could not be delivered to " + role
                            + ". Please contact them directly now and give them the reference."
                    : "Your escalation " + row.escalationRef() + " has not reached " + role
                            + " yet; it is being retried. If it is urgent, contact them directly.";
            outbox.enqueue(new OutboxRow(row.escalationRef(), OutboxRow.REPORTER,
                    (givenUp ? "failed-" : "delayed-") + row.role() + (row.attempt().equals(OutboxRow.INITIAL) ? "" : "-" + row.attempt()),
                    escalation.reporter().platform().id(), conversation, text, row.urgency(), clock.instant(), null));
        }));
    }
}
