package org.sga.core.escalation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditEntry;
import org.sga.core.triage.Role;
import org.sga.core.values.Check;
import org.sga.core.values.JsonText;

/**
 * Chases notices nobody acknowledged in time, like an on-call escalation policy: claims each overdue step of a role's
 * chase once (across instances, with row locks and a lease), and in one transaction marks it passed on, audits it,
 * queues the next step's notices and starts waiting at that step. The steps are those of TRIAGE.md: the backup, with
 * a deadline of its own; then, for EMERGENCY and URGENT, rounds in which role and backup are notified again; then the
 * reporter is told to phone. The reporter hears of each step from {@link ReporterUpdates} once its notices are
 * delivered. The targets are those recorded when the escalation was raised, from which the router had removed the
 * withheld roles' (the manager when the manager route is closed, the DSL when the DSL is the subject).
 */
public final class ReEscalator extends PollingWorker {

    private static final System.Logger LOG = System.getLogger(ReEscalator.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' EEE d MMM", Locale.UK);

    private final Acknowledgements acknowledgements;
    private final EscalationStore store;
    private final EscalationRecords records;
    private final Outbox outbox;
    private final Clock clock;
    private final Settings settings;
    private final EscalationEvents events;

    public ReEscalator(Acknowledgements acknowledgements, EscalationStore store, EscalationRecords records, Outbox outbox,
            Clock clock, Settings settings) {
        this(acknowledgements, store, records, outbox, clock, settings, EscalationEvents.NONE);
    }

    /** With {@code events} told of each re-escalation. */
    public ReEscalator(Acknowledgements acknowledgements, EscalationStore store, EscalationRecords records, Outbox outbox,
            Clock clock, Settings settings, EscalationEvents events) {
        super("re-escalator-" + Objects.requireNonNull(settings, "settings").workerId(), settings.pollInterval(),
                Duration.ofSeconds(30));
        this.events = Objects.requireNonNull(events, "events");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
        this.store = Objects.requireNonNull(store, "store");
        this.records = Objects.requireNonNull(records, "records");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** How a re-escalator claims and how often it looks. */
    public record Settings(String workerId, Duration lease, int batchSize, Duration pollInterval) {

        public Settings {
            Check.text(workerId, "workerId", 128);
            Check.positive(lease, "lease");
            Check.positive(pollInterval, "pollInterval");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }

        /** A one-minute lease, batches of 20, looking every five seconds: deadlines are minutes long at the least. */
        public static Settings defaults(String workerId) {
            return new Settings(workerId, Duration.ofMinutes(1), 20, Duration.ofSeconds(5));
        }
    }

    /** What one pass did: claimed, re-escalated, found acknowledged meanwhile (or lost), failed and released. */
    public record RunResult(int claimed, int reEscalated, int skipped, int failed) {
    }

    /** Claims the overdue notices due now and re-escalates them; for tests and callers with their own scheduling. */
    public RunResult runOnce() {
        List<OverdueAcknowledgement> overdue =
                acknowledgements.claimOverdue(settings.workerId(), clock.instant(), settings.lease(), settings.batchSize());
        int reEscalated = 0;
        int skipped = 0;
        int failed = 0;
        for (OverdueAcknowledgement notice : overdue) {
            if (stopping()) {
                acknowledgements.release(notice, settings.workerId());
                skipped++;
                continue;
            }
            try {
                if (reEscalate(notice).isPresent()) {
                    reEscalated++;
                    events.reEscalated(notice.role());
                    LOG.log(Level.INFO, "{0}: nobody in {1} acknowledged by {2}; re-escalated", notice.ref(),
                            notice.role(), notice.deadline());
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                // Given back at once, so the next pass (here or on another instance) tries again.
                acknowledgements.release(notice, settings.workerId());
                failed++;
                LOG.log(Level.WARNING, "{0}: re-escalation of {1} failed with {2}; it will be retried", notice.ref(),
                        notice.role(), e.getClass().getName());
                LOG.log(Level.DEBUG, "re-escalation failure", e);
            }
        }
        return new RunResult(overdue.size(), reEscalated, skipped, failed);
    }

    /**
     * Takes the role's chase one step on: the backup (with a deadline of its own as long as the first), then rounds
     * of role and backup, then, when the rounds are spent (or there is nobody left to notify), the reporter is told
     * to phone. Nothing is sent to a role withheld from the escalation: the targets are those recorded when it was
     * raised, from which the router had removed them.
     */
    private Optional<RecordedOutcome> reEscalate(OverdueAcknowledgement notice) {
        Instant now = clock.instant();
        Optional<RaisedEscalation> escalation = records.find(notice.ref());
        Optional<RaisedEscalation.NotifiedRole> notified = escalation.flatMap(e -> Role.fromId(notice.role())
                .flatMap(e::role));
        if (notified.isEmpty()) {
            LOG.log(Level.WARNING, "{0}: overdue for {1} but no escalation record; the chase of it stops", notice.ref(),
                    notice.role());
            String payload = "{\"role\":" + JsonText.quote(notice.role()) + ",\"attempt\":" + JsonText.quote(notice.attempt())
                    + ",\"deadline\":" + JsonText.quote(notice.deadline().toString()) + ",\"step\":\"spent\""
                    + ",\"escalation_record\":false}";
            return store.recordReEscalation(notice, settings.workerId(),
                    new AuditEntry(EscalationRecords.RE_ESCALATED, notice.ref(), payload, now), List.of());
        }
        RaisedEscalation raised = escalation.get();
        RaisedEscalation.NotifiedRole role = notified.get();
        int next = ChaseSteps.index(notice.attempt()).orElse(0) + 1;
        if (next == 1 && role.backup().isEmpty()) {
            next = 2;
        }
        boolean spent = next - 1 > raised.rounds() && next >= 2
                || next >= 2 && !role.reached() && role.backup().isEmpty();
        List<OutboxRow> rows = new ArrayList<>();
        Optional<AwaitedAcknowledgement> waitFor = Optional.empty();
        String step;
        if (spent) {
            step = "spent";
            Optional<OutboxRow> toReporter = phoneNow(raised, role, now);
            toReporter.ifPresent(rows::add);
        } else {
            step = ChaseSteps.name(next);
            Instant deadline = now.plus(raised.acknowledgeWithin());
            String original = original(notice.ref(), role.role()).orElse("");
            if (next >= 2 && role.reached()) {
                String text = "REMINDER " + (next - 1) + " of " + raised.rounds() + ": " + notice.ref()
                        + " is still not acknowledged for " + RoleTitles.of(role.role()) + ". Acknowledge with: ack "
                        + notice.ref() + " " + role.role().id() + "\n\n" + original;
                rows.add(new OutboxRow(notice.ref(), role.role().id(), step, role.platform().id(), role.target(),
                        text.strip(), notice.urgency(), now, null));
            }
            if (role.backup().isPresent()) {
                String text = next == 1
                        ? "RE-ESCALATION of " + notice.ref() + ": nobody in the role " + RoleTitles.of(role.role())
                                + " acknowledged it by " + time(notice.deadline(), raised.zone(), now)
                                + ", so it comes to you as their backup. Acknowledge for them with: ack " + notice.ref()
                                + " " + role.role().id() + "\n\n" + original
                        : "REMINDER " + (next - 1) + " of " + raised.rounds() + " to the backup: " + notice.ref()
                                + " is still not acknowledged for " + RoleTitles.of(role.role())
                                + ". Acknowledge for them with: ack " + notice.ref() + " " + role.role().id() + "\n\n"
                                + original;
                rows.add(new OutboxRow(notice.ref(), role.role().id(), ChaseSteps.toBackup(next),
                        role.backupPlatform().id(), role.backupTarget(), text.strip(), notice.urgency(), now, null));
            }
            waitFor = Optional.of(new AwaitedAcknowledgement(notice.ref(), role.role().id(), step, notice.urgency(),
                    deadline));
        }
        StringBuilder hashes = new StringBuilder();
        for (OutboxRow row : rows) {
            hashes.append(hashes.isEmpty() ? "" : ",").append(JsonText.quote(row.attempt())).append(':')
                    .append(JsonText.quote(Sha256.hex(row.payload())));
        }
        String payload = "{\"role\":" + JsonText.quote(notice.role())
                + ",\"attempt\":" + JsonText.quote(notice.attempt())
                + ",\"deadline\":" + JsonText.quote(notice.deadline().toString())
                + ",\"step\":" + JsonText.quote(step)
                + ",\"next_deadline\":" + JsonText.quote(waitFor.map(w -> w.deadline().toString()).orElse(null))
                + ",\"backup\":" + JsonText.quote(spent ? null : role.backupTarget())
                + ",\"escalation_record\":true"
                + ",\"message_sha256\":{" + hashes + "}"
                + "}";
        if (spent) {
            LOG.log(Level.WARNING, "{0}: nobody acknowledged for {1} after the backup and {2} rounds; the reporter is"
                    + " told to phone", notice.ref(), notice.role(), raised.rounds());
        }
        return store.recordReEscalation(notice, settings.workerId(),
                new AuditEntry(EscalationRecords.RE_ESCALATED, notice.ref(), payload, now), rows, waitFor);
    }

    /** The reporter's last word from the chase: nobody acknowledged, phone these numbers now. */
    private static Optional<OutboxRow> phoneNow(RaisedEscalation raised, RaisedEscalation.NotifiedRole role, Instant now) {
        return raised.reporter().conversation().map(conversation -> {
            List<String> phones = Shown.phones(role);
            String after = raised.rounds() == 0
                    ? (role.backup().isPresent() ? " or their backup" : "")
                    : " after " + (role.backup().isPresent() ? "their backup and " : "") + raised.rounds()
                            + (raised.rounds() == 1 ? " reminder" : " reminders");
            String text = "Your escalation " + raised.reference() + ": nobody has acknowledged it for the "
                    + Shown.role(role) + after + ". "
                    + (phones.isEmpty()
                            ? "No phone number is configured for them: contact them directly now"
                            : "Please phone now " + String.join("; ", phones))
                    + ", and give the reference " + raised.reference() + ". If a child is in immediate danger, call 999.";
            return new OutboxRow(raised.reference(), OutboxRow.REPORTER, "phone-" + role.role().id(),
                    raised.reporter().platform().id(), conversation, text, raised.urgency().name(), now, null);
        });
    }

    private static String time(Instant at, ZoneId zone, Instant now) {
        return (at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME : DAY_TIME)
                .format(at.atZone(zone));
    }

    /**
     * The notice the role was first sent (or, for a role that could not be reached, the one its backup was sent
     * instead), so whoever gets a later one has what they need to act without asking anyone for it.
     */
    private Optional<String> original(String ref, Role role) {
        List<OutboxEntry> entries = outbox.entries(ref);
        for (String attempt : List.of(OutboxRow.INITIAL, OutboxRow.BACKUP)) {
            Optional<String> payload = entries.stream()
                    .filter(e -> e.row().role().equals(role.id()) && e.row().attempt().equals(attempt))
                    .map(e -> e.row().payload())
                    .findFirst();
            if (payload.isPresent()) {
                return payload;
            }
        }
        return Optional.empty();
    }

    @Override
    boolean passFoundFullBatch() {
        return runOnce().claimed() >= settings.batchSize();
    }
}
