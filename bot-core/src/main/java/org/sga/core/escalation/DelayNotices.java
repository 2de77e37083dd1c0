package org.sga.core.escalation;

import java.time.Clock;
import java.util.Objects;
import org.sga.core.triage.Role;

/**
 * Tells the reporter when the notice to one of the roles is delayed (first failed attempt), so they can contact that
 * role directly; at most once per notice, through the outbox like any notice. A notice given up on is told with the
 * rest of its step by {@link ReporterUpdates}. Failures of notices to the reporter themselves are not reported, which
 * would only loop.
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
        if (givenUp || OutboxRow.REPORTER.equals(row.role())) {
            return;
        }
        records.find(row.escalationRef()).ifPresent(escalation -> escalation.reporter().conversation().ifPresent(conversation -> {
            String role = Role.fromId(row.role()).map(RoleTitles::of).orElse(row.role());
            String who = row.attempt().endsWith(OutboxRow.BACKUP) ? "the backup of " + role : role;
            String text = "Your escalation " + row.escalationRef() + " has not reached " + who
                    + " yet; it is being retried. If it is urgent, contact them directly.";
            outbox.enqueue(new OutboxRow(row.escalationRef(), OutboxRow.REPORTER,
                    "delayed-" + row.role() + (row.attempt().equals(OutboxRow.INITIAL) ? "" : "-" + row.attempt()),
                    escalation.reporter().platform().id(), conversation, text, row.urgency(), clock.instant(), null));
        }));
    }
}
