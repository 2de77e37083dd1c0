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

/**
 * Chases notices nobody acknowledged in time: claims each overdue role once (across instances), and in one
 * transaction marks it re-escalated, audits it, and queues a notice to the role's backup and one to the reporter. The
 * backup is the one recorded when the escalation was raised, from which the router had already removed the withheld
 * manager's targets, so the manager is never reached this way when the manager route is closed.
 */
public final class ReEscalator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReEscalator.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' EEE d MMM", Locale.UK);

    private final Acknowledgements acknowledgements;
    private final EscalationStore store;
    private final EscalationRecords records;
    private final Outbox outbox;
    private final Clock clock;
    private final Settings settings;
    private final PollingLoop loop;
    private final EscalationEvents events;

    public ReEscalator(Acknowledgements acknowledgements, EscalationStore store, EscalationRecords records, Outbox outbox,
            Clock clock, Settings settings) {
        this(acknowledgements, store, records, outbox, clock, settings, EscalationEvents.NONE);
    }

    /** With {@code events} told of each re-escalation. */
    public ReEscalator(Acknowledgements acknowledgements, EscalationStore store, EscalationRecords records, Outbox outbox,
            Clock clock, Settings settings, EscalationEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
        this.store = Objects.requireNonNull(store, "store");
        this.records = Objects.requireNonNull(records, "records");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loop = new PollingLoop("re-escalator-" + settings.workerId(), settings.pollInterval(), Duration.ofSeconds(30),
                () -> runOnce().claimed() >= settings.batchSize());
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
            if (loop.stopping()) {
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

    private Optional<RecordedOutcome> reEscalate(OverdueAcknowledgement notice) {
        Instant now = clock.instant();
        Optional<RaisedEscalation> escalation = records.find(notice.ref());
        Optional<Role> role = Role.fromId(notice.role());
        Optional<RaisedEscalation.NotifiedRole> notified = escalation.flatMap(e -> role.flatMap(e::role));
        ZoneId zone = escalation.map(RaisedEscalation::zone).orElse(OfficeHours.LONDON);
        String roleTitle = role.map(RoleTitles::of).orElse(notice.role());
        String deadline = (notice.deadline().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())
                ? TIME : DAY_TIME).format(notice.deadline().atZone(zone));
        List<OutboxRow> rows = new ArrayList<>();

        Optional<String> backup = notified.flatMap(RaisedEscalation.NotifiedRole::backup);
        String backupSha = null;
        if (backup.isPresent()) {
            String text = "RE-ESCALATION of " + notice.ref() + ": nobody in the role " + roleTitle + " acknowledged it by "
                    + deadline + ", so it comes to you as their backup. Acknowledge for them with: ack " + notice.ref()
                    + " " + notice.role() + "\n\n" + original(notice).orElse("");
            backupSha = Sha256.hex(text.strip());
            rows.add(new OutboxRow(notice.ref(), notice.role(), OutboxRow.BACKUP, notified.get().platform().id(),
                    backup.get(), text.strip(), notice.urgency(), now, null));
        }
        Optional<RaisedEscalation.ReporterAddress> reporter = escalation.map(RaisedEscalation::reporter)
                .filter(r -> r.conversation().isPresent());
        String reporterSha = null;
        if (reporter.isPresent()) {
            String text = backup.isPresent()
                    ? "Your escalation " + notice.ref() + ": nobody in the role " + roleTitle + " acknowledged it by "
                            + deadline + "; their backup has been notified."
                    : "Your escalation " + notice.ref() + ": nobody in the role " + roleTitle + " acknowledged it by "
                            + deadline + ", and there is no backup to notify. Please contact them directly now.";
            reporterSha = Sha256.hex(text);
            rows.add(new OutboxRow(notice.ref(), OutboxRow.REPORTER, "backup-" + notice.role(),
                    reporter.get().platform().id(), reporter.get().conversation().orElseThrow(), text,
                    notice.urgency(), now, null));
        }
        String payload = "{\"role\":" + Json.str(notice.role())
                + ",\"attempt\":" + Json.str(notice.attempt())
                + ",\"deadline\":" + Json.str(notice.deadline().toString())
                + ",\"backup\":" + Json.str(backup.orElse(null))
                + ",\"platform\":" + Json.str(notified.map(n -> n.platform().id()).orElse(null))
                + ",\"escalation_record\":" + escalation.isPresent()
                + ",\"reporter_told\":" + reporter.isPresent()
                + ",\"message_sha256\":{\"backup\":" + Json.str(backupSha) + ",\"reporter\":" + Json.str(reporterSha) + "}"
                + "}";
        if (escalation.isEmpty()) {
            LOG.log(Level.WARNING, "{0}: overdue for {1} but no escalation record; marked re-escalated without a backup",
                    notice.ref(), notice.role());
        }
        return store.recordReEscalation(notice, settings.workerId(),
                new AuditEntry(EscalationRecords.RE_ESCALATED, notice.ref(), payload, now), rows);
    }

    /** The notice the role was sent, so the backup has what they need to act without asking anyone for it. */
    private Optional<String> original(OverdueAcknowledgement notice) {
        return outbox.entries(notice.ref()).stream()
                .filter(e -> e.row().role().equals(notice.role()) && e.row().attempt().equals(notice.attempt()))
                .map(e -> e.row().payload())
                .findFirst();
    }

    /** Starts looking for overdue notices on a thread of its own until {@link #stop()}. */
    public void start() {
        loop.start();
    }

    /** Stops looking; a pass under way finishes its current notice and gives the rest back. */
    public void stop() {
        loop.stop();
    }

    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public void close() {
        stop();
    }

}
