package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditCheckpoint;
import org.sga.core.audit.AuditHash;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditTrail;
import org.sga.core.audit.AuditVerification;
import org.sga.core.audit.AuditVerification.Problem;
import org.sga.core.audit.AuditVerification.Signatures;
import org.springframework.jdbc.core.JdbcTemplate;

/** Purging the audit trail's oldest records under signed checkpoints, on the real databases. */
class AuditPurgeTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    static final AuditSigningKey KEY = AuditSigningKey.of("invented-test-signing-key-0123456789abcdef");

    private final MutableClock clock = new MutableClock(Rows.T0.plus(Duration.ofDays(40)));

    /** Records 1..count, record i on day i after T0. */
    private static void appendDaily(AuditTrail audit, int count) {
        for (int i = 1; i <= count; i++) {
            audit.append(Rows.raised("SG-" + i, day(i)));
        }
    }

    private static Instant day(int i) {
        return Rows.T0.plus(Duration.ofDays(i));
    }

    /** Purges in batches until a batch comes back short, as the retention job does; returns the total. */
    private static long purgeAll(AuditTrail audit, Instant cutoff, int batch) {
        long total = 0;
        AuditPurge step;
        do {
            step = audit.purgeBefore(cutoff, KEY, batch);
            assertThat(step.refusedAt()).isEmpty();
            total += step.recordsPurged();
        } while (step.recordsPurged() == batch);
        return total;
    }

    private JdbcTemplate sql(TestDatabases.Fresh fresh) {
        return new JdbcTemplate(databases.rawDataSource(fresh));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenRecordsPastRetention_whenPurgedInBatches_thenTheRestStillVerifies(Db db) {
        AuditTrail audit = databases.open(db, clock).auditTrail();
        appendDaily(audit, 30);

        long purged = purgeAll(audit, day(20), 8);

        assertThat(purged).isEqualTo(19);
        List<AuditCheckpoint> checkpoints = audit.checkpoints();
        assertThat(checkpoints).extracting(AuditCheckpoint::firstSequence).containsExactly(1L, 9L, 17L);
        assertThat(checkpoints).extracting(AuditCheckpoint::lastSequence).containsExactly(8L, 16L, 19L);
        assertThat(checkpoints.getFirst().firstPrevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(checkpoints.getFirst().at()).isEqualTo(clock.instant());
        assertThat(checkpoints.getLast().keyId()).isEqualTo(KEY.id());
        assertThat(audit.forRef("SG-19")).isEmpty();
        assertThat(audit.forRef("SG-20")).singleElement().satisfies(r -> assertThat(r.prevHash()).isEqualTo(checkpoints.getLast().lastHash()));

        AuditVerification signed = audit.verify(KEY);
        assertThat(signed.ok()).as(signed.toString()).isTrue();
        assertThat(signed.recordsChecked()).isEqualTo(11);
        assertThat(signed.recordsPurged()).isEqualTo(19);
        assertThat(signed.checkpointsChecked()).isEqualTo(3);
        assertThat(signed.signatures()).isEqualTo(Signatures.VERIFIED);
        AuditVerification unsigned = audit.verify();
        assertThat(unsigned.ok()).isTrue();
        assertThat(unsigned.signatures()).isEqualTo(Signatures.NOT_CHECKED);

        // The trail goes on: appends link to the last remaining record, and a second purge to the last checkpoint.
        audit.append(Rows.raised("SG-31", day(31)));
        assertThat(purgeAll(audit, day(25), 100)).isEqualTo(5);
        assertThat(audit.verify(KEY).ok()).isTrue();
        assertThat(purgeAll(audit, day(25), 100)).as("nothing more is due").isZero();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenEveryRecordPastRetention_thenAllArePurgedAndTheEmptyTrailVerifiesAgainstTheHead(Db db) {
        AuditTrail audit = databases.open(db, clock).auditTrail();
        appendDaily(audit, 5);

        assertThat(purgeAll(audit, day(40), 500)).isEqualTo(5);

        AuditVerification result = audit.verify(KEY);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordsChecked()).isZero();
        audit.append(Rows.raised("SG-6", day(41)));
        assertThat(audit.verify(KEY).ok()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenCheckpointTamperedWith_thenVerifyFails(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 20);
        purgeAll(audit, day(11), 500);
        JdbcTemplate sql = sql(fresh);

        // Someone deletes record 11 as well and stretches the checkpoint over it, without the key.
        String hash11 = sql.queryForObject("SELECT record_hash FROM audit_record WHERE seq = 11", String.class);
        sql.update("DELETE FROM audit_record WHERE seq = 11");
        sql.update("UPDATE audit_checkpoint SET last_seq = 11, record_count = 11, last_hash = ?", hash11);

        assertThat(audit.verify(KEY).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE);
            assertThat(b.sequence()).isEqualTo(11);
        });
        // Without the key the stretched checkpoint fits, which is why the output says the signatures were not checked.
        AuditVerification unsigned = audit.verify();
        assertThat(unsigned.ok()).isTrue();
        assertThat(unsigned.signatures()).isEqualTo(Signatures.NOT_CHECKED);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenFirstRemainingRecordDeleted_thenVerifyNamesIt(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 20);
        purgeAll(audit, day(11), 500);

        sql(fresh).update("DELETE FROM audit_record WHERE seq = 11");

        assertThat(audit.verify(KEY).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(Problem.RECORD_MISSING);
            assertThat(b.sequence()).isEqualTo(11);
        });
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenRemainingRecordInTheMiddleDeleted_thenVerifyNamesIt(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 20);
        purgeAll(audit, day(11), 500);

        sql(fresh).update("DELETE FROM audit_record WHERE seq = 15");

        assertThat(audit.verify(KEY).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(Problem.RECORD_MISSING);
            assertThat(b.sequence()).isEqualTo(15);
        });
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenCheckpointDeleted_thenItsRecordsAreMissing(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 20);
        purgeAll(audit, day(11), 4);

        sql(fresh).update("DELETE FROM audit_checkpoint WHERE last_seq = 10");

        assertThat(audit.verify(KEY).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.problem()).isEqualTo(Problem.RECORD_MISSING);
            assertThat(b.sequence()).isEqualTo(9);
        });
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenRecordDueForPurgeWasEdited_thenNothingIsPurgedAndTheBreakIsNamed(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 10);
        sql(fresh).update("UPDATE audit_record SET payload = '{\"notify\":[]}' WHERE seq = 3");

        AuditPurge step = audit.purgeBefore(day(8), KEY, 500);

        assertThat(step.recordsPurged()).isZero();
        assertThat(step.refusedAt()).hasValueSatisfying(b -> {
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        });
        assertThat(audit.checkpoints()).isEmpty();
        assertThat(audit.forRef("SG-1")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenLatestCheckpointForged_thenTheNextPurgeRefuses(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail audit = databases.open(fresh, clock).auditTrail();
        appendDaily(audit, 10);
        purgeAll(audit, day(3), 500);
        sql(fresh).update("UPDATE audit_checkpoint SET signature = ?", "0".repeat(64));

        AuditPurge step = audit.purgeBefore(day(8), KEY, 500);

        assertThat(step.refusedAt()).hasValueSatisfying(b -> assertThat(b.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE));
        assertThat(audit.forRef("SG-3")).hasSize(1);
    }

    /** {@code audit verify} reads one snapshot: a purge committing while it reads never shows as a break. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void givenVerifyWhilePurging_thenEveryVerificationPasses(Db db) throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store writer = databases.open(fresh, clock);
        writer.unitOfWork().run(() -> {
            for (int i = 1; i <= 2_000; i++) {
                writer.auditTrail().append(Rows.raised("SG-" + i, Rows.T0.plusSeconds(i)));
            }
        });
        AuditTrail purger = databases.open(fresh, clock).auditTrail();
        AuditTrail verifier = databases.open(fresh, clock).auditTrail();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> purging = threads.submit(() -> purgeAll(purger, Rows.T0.plusSeconds(1_901), 20));
            List<AuditVerification> results = new ArrayList<>();
            while (!purging.isDone()) {
                results.add(verifier.verify(KEY));
            }
            assertThat(purging.get()).isEqualTo(1_900);
            results.add(verifier.verify(KEY));
            assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
            assertThat(results.getLast().recordsPurged()).isEqualTo(1_900);
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenTwoInstancesPurgingAtOnce_thenEachRecordIsPurgedOnceUnderContiguousCheckpoints(Db db) throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(db);
        AuditTrail one = databases.open(fresh, clock).auditTrail();
        AuditTrail two = databases.open(fresh, clock).auditTrail();
        Store writer = databases.open(fresh, clock);
        writer.unitOfWork().run(() -> {
            for (int i = 1; i <= 600; i++) {
                writer.auditTrail().append(Rows.raised("SG-" + i, Rows.T0.plusSeconds(i)));
            }
        });
        Instant cutoff = Rows.T0.plusSeconds(501);
        List<Long> totals = AtOnce.run(() -> purgeAll(one, cutoff, 25), () -> purgeAll(two, cutoff, 25));

        assertThat(totals.stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
        List<AuditCheckpoint> checkpoints = one.checkpoints();
        for (int i = 1; i < checkpoints.size(); i++) {
            assertThat(checkpoints.get(i).firstSequence()).isEqualTo(checkpoints.get(i - 1).lastSequence() + 1);
        }
        AuditVerification result = two.verify(KEY);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordsPurged()).isEqualTo(500);
        assertThat(result.recordsChecked()).isEqualTo(100);
    }
}
