package org.sga.core.escalation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.triage.Role;

/**
 * Tells the reporter what became of each step of their escalation once its notices have all been delivered or given
 * up on: who has the notice now (by role title and name), who could not be reached and their phone number, and by
 * when someone must acknowledge. So the reporter is told "notified" only for notices that were delivered. Each step
 * is told once, also when two instances deliver its last notices at the same moment (the message's idempotency key).
 * An escalation whose notices have all failed is logged at WARN with its reference: it stays open and is counted.
 */
public final class ReporterUpdates implements DeliveryListener {

    private static final System.Logger LOG = System.getLogger(ReporterUpdates.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final EscalationRecords records;
    private final Outbox outbox;
    private final Acknowledgements acknowledgements;
    private final Clock clock;

    public ReporterUpdates(EscalationRecords records, Outbox outbox, Acknowledgements acknowledgements, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void delivered(OutboxRow row) {
        settled(row, false);
    }

    @Override
    public void notDelivered(OutboxRow row, String errorCode, boolean givenUp) {
        if (givenUp) {
            settled(row, true);
        }
    }

    private void settled(OutboxRow row, boolean failed) {
        if (OutboxRow.REPORTER.equals(row.role())) {
            return;
        }
        Optional<RaisedEscalation> found = records.find(row.escalationRef());
        if (found.isEmpty()) {
            return;
        }
        RaisedEscalation escalation = found.get();
        List<OutboxEntry> entries = outbox.entries(row.escalationRef()).stream()
                .filter(e -> !OutboxRow.REPORTER.equals(e.row().role()))
                .toList();
        if (failed && entries.stream().noneMatch(e -> e.status() != DeliveryStatus.DEAD)
                && acknowledgements.forEscalation(escalation.reference()).isEmpty()) {
            LOG.log(Level.WARNING, "{0}: every notice failed, nobody has been reached; it stays open until someone"
                    + " acknowledges", escalation.reference());
        }
        boolean first = isFirstStep(escalation, row);
        if (!first && acknowledgements.find(escalation.reference(), row.role()).isPresent()) {
            // Acknowledged while this step was on its way: the reporter has been told that, which is what matters.
            return;
        }
        String step = ChaseSteps.stepOf(row.attempt());
        List<OutboxEntry> group = entries.stream()
                .filter(e -> first ? isFirstStep(escalation, e.row())
                        : e.row().role().equals(row.role()) && ChaseSteps.stepOf(e.row().attempt()).equals(step))
                .toList();
        if (group.stream().anyMatch(e -> e.status() == DeliveryStatus.PENDING)) {
            return;
        }
        escalation.reporter().conversation().ifPresent(conversation -> {
            String text = first ? firstStep(escalation, group) : laterStep(escalation, row, step, group);
            outbox.enqueue(new OutboxRow(escalation.reference(), OutboxRow.REPORTER,
                    "told-" + (first ? OutboxRow.INITIAL : step + "-" + row.role()), escalation.reporter().platform().id(),
                    conversation, text, escalation.urgency().name(), clock.instant(), null));
        });
    }

    /** The notices queued when the escalation was raised: each role's, or its backup's for a role not reachable. */
    private static boolean isFirstStep(RaisedEscalation escalation, OutboxRow row) {
        if (OutboxRow.INITIAL.equals(row.attempt())) {
            return true;
        }
        return OutboxRow.BACKUP.equals(row.attempt()) && Role.fromId(row.role()).flatMap(escalation::role)
                .filter(r -> !r.reached()).isPresent();
    }

    private String firstStep(RaisedEscalation escalation, List<OutboxEntry> group) {
        List<String> reached = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (OutboxEntry entry : group) {
            RaisedEscalation.NotifiedRole role = role(escalation, entry.row());
            String who = OutboxRow.BACKUP.equals(entry.row().attempt())
                    ? Shown.backup(role) + " (the role itself cannot be reached)"
                    : "the " + Shown.role(role);
            if (entry.status() == DeliveryStatus.DELIVERED) {
                reached.add(who);
            } else {
                failed.add(who);
                phones.addAll(Shown.phones(role));
            }
        }
        String ref = escalation.reference();
        if (reached.isEmpty()) {
            return "Your escalation " + ref + " could not be delivered to anyone automatically. "
                    + phoneLine(phones) + " If a child is in immediate danger, call 999.";
        }
        StringBuilder text = new StringBuilder("Your escalation ").append(ref).append(" has been delivered to ")
                .append(Shown.list(reached)).append('.');
        if (!failed.isEmpty()) {
            text.append(" It could not be delivered to ").append(Shown.list(failed)).append(". ").append(phoneLine(phones));
        }
        return text.append(" Someone must acknowledge by ").append(TIME.format(escalation.acknowledgeBy()
                .atZone(escalation.zone()))).append("; I will tell you who does.").toString();
    }

    private String laterStep(RaisedEscalation escalation, OutboxRow row, String step, List<OutboxEntry> group) {
        RaisedEscalation.NotifiedRole role = role(escalation, row);
        String ref = escalation.reference();
        List<String> reached = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (OutboxEntry entry : group) {
            String who = entry.row().attempt().endsWith(OutboxRow.BACKUP) ? Shown.backup(role)
                    : "the " + Shown.role(role);
            (entry.status() == DeliveryStatus.DELIVERED ? reached : failed).add(who);
        }
        int index = ChaseSteps.index(step).orElse(1);
        StringBuilder text = new StringBuilder("Your escalation ").append(ref).append(": nobody has acknowledged it for the ")
                .append(Shown.role(role)).append(" yet");
        if (reached.isEmpty()) {
            text.append(", and this time no notice could be delivered.");
        } else if (index == 1) {
            text.append(", so ").append(Shown.list(reached)).append(" has been notified.");
        } else {
            text.append(". Reminder ").append(index - 1).append(" of ").append(escalation.rounds())
                    .append(" has been delivered to ").append(Shown.list(reached)).append('.');
        }
        if (!failed.isEmpty()) {
            text.append(" It could not be delivered to ").append(Shown.list(failed)).append(". ")
                    .append(phoneLine(Shown.phones(role)));
        }
        acknowledgements.chase(ref).stream()
                .map(ChaseStep::awaited)
                .filter(a -> a.role().equals(row.role()) && a.step().equals(step))
                .findFirst()
                .ifPresent(a -> text.append(" Someone must acknowledge by ")
                        .append(TIME.format(a.deadline().atZone(escalation.zone()))).append('.'));
        return text.toString();
    }

    private static String phoneLine(List<String> phones) {
        return phones.isEmpty()
                ? "Please contact them directly now and give them the reference."
                : "Please phone now " + String.join("; ", phones) + ", and give them the reference.";
    }

    private static RaisedEscalation.NotifiedRole role(RaisedEscalation escalation, OutboxRow row) {
        return Role.fromId(row.role()).flatMap(escalation::role).orElseThrow(() -> new IllegalStateException(
                row.escalationRef() + ": a notice for " + row.role() + ", which the escalation does not route"));
    }
}
