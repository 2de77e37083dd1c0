package org.sga.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditVerification;
import org.sga.core.escalation.Backoff;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;

/**
 * Measures the store end to end: escalations recorded per second (audit record plus one outbox row per
 * role, one transaction each), escalations delivered per second by concurrent workers through a notifier
 * that does nothing, and the time to verify the audit trail. Runs on a scratch embedded database, deleted afterwards, and on
 * PostgreSQL when given a URL; that database must be a scratch one, since the bench appends audit records.
 */
final class OutboxBench {

    private static final List<String> ROLES = List.of("safeguarding_lead", "manager");

    private OutboxBench() {
    }

    /** What to measure; {@code postgresUrl} null to measure the embedded store only. */
    public record Options(int escalations, int workers, String postgresUrl, String postgresUser, String postgresPassword) {

        public Options {
            if (escalations < 1 || workers < 1) {
                throw new IllegalArgumentException("escalations and workers must be at least 1");
            }
        }

        public static Options embeddedOnly(int escalations, int workers) {
            return new Options(escalations, workers, null, null, null);
        }
    }

    /** The figures of one database. */
    public record Result(String database, int escalations, int rows, int workers, Duration recording,
                         Duration delivering, long auditRecords, Duration verifying, boolean auditOk) {

        public double recordedPerSecond() {
            return perSecond(escalations, recording);
        }

        public double deliveredEscalationsPerSecond() {
            return perSecond(escalations, delivering);
        }

        public double deliveredRowsPerSecond() {
            return perSecond(rows, delivering);
        }

        private static double perSecond(long count, Duration took) {
            return count / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    /** Runs the bench on a fresh embedded database, then on PostgreSQL if a URL is given, and prints figures. */
    public static void run(PrintStream out, Options options) {
        Objects.requireNonNull(out, "out");
        out.printf(Locale.ROOT, "outbox bench: %d escalations x %d roles, %d workers%n",
                options.escalations(), ROLES.size(), options.workers());
        Path dir;
        try {
            dir = Files.createTempDirectory("sga-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Store embedded = StoreFactory.openEmbedded(dir, Clock.systemUTC())) {
            print(out, measure(embedded, options));
        } finally {
            deleteScratch(dir);
        }
        if (options.postgresUrl() != null) {
            try (Store postgres = StoreFactory.open(options.postgresUrl(), options.postgresUser(),
                    options.postgresPassword(), StoreFactory.DEFAULT_POOL_SIZE, Clock.systemUTC())) {
                print(out, measure(postgres, options));
            }
        }
    }

    private static void deleteScratch(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the bench database in " + dir, e);
        }
    }

    /** Measures one store, which must have nothing waiting in its outbox. */
    public static Result measure(Store store, Options options) {
        if (store.outbox().depth().pending() > 0) {
            throw new IllegalStateException("refusing to bench a store with notices waiting: the bench would"
                    + " deliver them to nowhere. Use a scratch database.");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        long recordStart = System.nanoTime();
        for (int i = 0; i < options.escalations(); i++) {
            String ref = "BENCH-" + run + "-" + i;
            List<OutboxRow> rows = new ArrayList<>();
            for (String role : ROLES) {
                rows.add(new OutboxRow(ref, role, OutboxRow.INITIAL, "console", role + "-channel",
                        "{\"ref\":\"" + ref + "\",\"note\":\"bench\"}", "URGENT", now, now.plus(Duration.ofMinutes(30))));
            }
            store.escalations().recordOutcome(
                    new AuditEntry("escalation_raised", ref, "{\"roles\":2}", Instant.now()), rows);
        }
        Duration recording = Duration.ofNanos(System.nanoTime() - recordStart);

        int expected = options.escalations() * ROLES.size();
        AtomicLong delivered = new AtomicLong();
        Notifier counting = message -> {
            delivered.incrementAndGet();
            return new DeliveryReceipt("bench-" + message.id());
        };
        List<OutboxWorker> workers = new ArrayList<>();
        for (int w = 0; w < options.workers(); w++) {
            OutboxWorker.Settings settings = OutboxWorker.Settings.defaults("bench-" + run + "-" + w)
                    .withBatch(50, Duration.ofMillis(5))
                    .withRetries(Backoff.DEFAULT, Integer.MAX_VALUE);
            workers.add(new OutboxWorker(store.outbox(), counting, Clock.systemUTC(), settings));
        }
        long deliverStart = System.nanoTime();
        workers.forEach(OutboxWorker::start);
        long deadline = deliverStart + Duration.ofMinutes(10).toNanos();
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Duration delivering = Duration.ofNanos(System.nanoTime() - deliverStart);
        workers.forEach(OutboxWorker::close);
        if (delivered.get() < expected) {
            throw new IllegalStateException("only " + delivered.get() + " of " + expected + " delivered in 10 minutes");
        }

        long verifyStart = System.nanoTime();
        AuditVerification verification = store.auditTrail().verify();
        Duration verifying = Duration.ofNanos(System.nanoTime() - verifyStart);
        return new Result(store.databaseProduct(), options.escalations(), expected, options.workers(), recording,
                delivering, verification.recordsChecked(), verifying, verification.ok());
    }

    private static void print(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "%-10s recorded   %6d escalations in %6d ms = %8.1f escalations/s (audit + %d rows, one transaction each)%n",
                r.database(), r.escalations(), r.recording().toMillis(), r.recordedPerSecond(), ROLES.size());
        out.printf(Locale.ROOT, "%-10s delivered  %6d escalations in %6d ms = %8.1f escalations/s (%.1f notices/s, %d workers)%n",
                r.database(), r.escalations(), r.delivering().toMillis(), r.deliveredEscalationsPerSecond(),
                r.deliveredRowsPerSecond(), r.workers());
        out.printf(Locale.ROOT, "%-10s audit verify %6d records in %6d ms (%s)%n",
                r.database(), r.auditRecords(), r.verifying().toMillis(), r.auditOk() ? "ok" : "BROKEN");
    }
}
