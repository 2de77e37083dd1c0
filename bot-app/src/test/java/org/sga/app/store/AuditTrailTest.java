package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditHash;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditTrail;
import org.sga.core.audit.AuditVerification;
import org.sga.core.audit.AuditVerification.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditTrailTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    /** Appends {@code count} records a second apart, a thousand per transaction to keep the test quick. */
    private static void appendMany(Store store, int count) {
        for (int from = 1; from <= count; from += 1_000) {
            int start = from;
            store.unitOfWork().run(() -> {
                for (int i = start; i < Math.min(start + 1_000, count + 1); i++) {
                    store.auditTrail().append(Rows.raised("SG-" + i, Rows.T0.plusSeconds(i)));
                }
            });
        }
    }

    @Nested
    class Appending {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenAppends_thenEachLinksToThePreviousHash(Db db) {
            AuditTrail audit = databases.open(db, clock).auditTrail();

            AuditRecord first = audit.append(Rows.raised("SG-1", Rows.T0));
            AuditRecord second = audit.append(Rows.raised("SG-2", Rows.T0.plusSeconds(1)));

            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo(AuditHash.GENESIS);
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.prevHash()).isEqualTo(first.hash());
            assertThat(second.hash()).isEqualTo(second.expectedHash());
            assertThat(audit.forRef("SG-2")).containsExactly(second);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNanosecondTime_thenStoredAndHashedAtMicroseconds(Db db) {
            AuditTrail audit = databases.open(db, clock).auditTrail();

            AuditRecord stored = audit.append(Rows.raised("SG-1", Instant.parse("2026-03-02T10:15:00.123456789Z")));

            assertThat(stored.at()).isEqualTo(Instant.parse("2026-03-02T10:15:00.123456Z"));
            assertThat(audit.forRef("SG-1")).containsExactly(stored);
            assertThat(audit.verify().ok()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenPayloadThatIsNotJson_thenRefusedWithoutQuotingIt(Db db) {
            AuditTrail audit = databases.open(db, clock).auditTrail();

            assertThatThrownBy(() -> audit.append(new AuditEntry("note", "SG-1", "a private note", Rows.T0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("private note");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoInstancesAppendingAtOnce_thenOneUnbrokenChain(Db db) throws Exception {
            TestDatabases.Fresh fresh = databases.fresh(db);
            AuditTrail one = databases.open(fresh, clock).auditTrail();
            AuditTrail two = databases.open(fresh, clock).auditTrail();
            AtOnce.run(() -> appendFrom(one, "one"), () -> appendFrom(two, "two"));

            AuditVerification result = one.verify();
            assertThat(result.ok()).as(result.toString()).isTrue();
            assertThat(result.recordsChecked()).isEqualTo(400);
        }

        private static int appendFrom(AuditTrail audit, String instance) {
            for (int i = 0; i < 200; i++) {
                audit.append(Rows.raised("SG-" + instance + "-" + i, Rows.T0.plusMillis(i)));
            }
            return 200;
        }
    }

    @Nested
    class Verifying {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTenThousandUntouchedRecords_thenVerifiesOk(Db db) {
            Store store = databases.open(db, clock);
            appendMany(store, 10_000);

            long started = System.nanoTime();
            AuditVerification result = store.auditTrail().verify();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            System.out.printf("audit verify, %s: %d records in %d ms%n", db, result.recordsChecked(), millis);
            assertThat(result.ok()).as(result.toString()).isTrue();
            assertThat(result.recordsChecked()).isEqualTo(10_000);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenPayloadEditedWithRawSql_thenThatRecordIsNamed(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store store = databases.open(fresh, clock);
            appendMany(store, 10_000);

            sql(fresh).update("UPDATE audit_record SET payload = '{\"notify\":[]}' WHERE seq = 5000");

            assertThat(store.auditTrail().verify().firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(5_000);
                assertThat(b.problem()).isEqualTo(Problem.CONTENT_CHANGED);
            });
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRecordDeletedFromTheMiddle_thenTheMissingRecordIsNamed(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store store = databases.open(fresh, clock);
            appendMany(store, 10_000);

            sql(fresh).update("DELETE FROM audit_record WHERE seq = 4321");

            assertThat(store.auditTrail().verify().firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(4_321);
                assertThat(b.problem()).isEqualTo(Problem.RECORD_MISSING);
            });
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenLastRecordDeleted_thenTheHeadShowsItMissing(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store store = databases.open(fresh, clock);
            appendMany(store, 20);

            sql(fresh).update("DELETE FROM audit_record WHERE seq = 20");

            assertThat(store.auditTrail().verify().firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(20);
                assertThat(b.problem()).isEqualTo(Problem.RECORD_MISSING);
            });
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoRecordsReordered_thenTheFirstOfThemIsNamed(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            Store store = databases.open(fresh, clock);
            appendMany(store, 20);
            JdbcTemplate sql = sql(fresh);

            // Swap records 7 and 8 wholesale, hashes and all, as someone reordering history would.
            sql.update("UPDATE audit_record SET seq = -7 WHERE seq = 7");
            sql.update("UPDATE audit_record SET seq = 7 WHERE seq = 8");
            sql.update("UPDATE audit_record SET seq = 8 WHERE seq = -7");

            assertThat(store.auditTrail().verify().firstBreak())
                    .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(7));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenEmptyTrail_thenOk(Db db) {
            AuditVerification result = databases.open(db, clock).auditTrail().verify();

            assertThat(result.ok()).isTrue();
            assertThat(result.recordsChecked()).isZero();
        }

        private JdbcTemplate sql(TestDatabases.Fresh fresh) {
            HikariDataSource raw = databases.rawDataSource(fresh);
            return new JdbcTemplate(raw);
        }
    }

    @Nested
    class Exporting {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenRecordsOverTenDays_whenExportingThreeDays_thenThoseAsJsonLinesInOrder(Db db) throws Exception {
            AuditTrail audit = databases.open(db, clock).auditTrail();
            for (int day = 0; day < 10; day++) {
                audit.append(Rows.raised("SG-day" + day, Rows.T0.plus(Duration.ofDays(day))));
            }
            StringWriter out = new StringWriter();

            long written = audit.export(Rows.T0.plus(Duration.ofDays(3)), Rows.T0.plus(Duration.ofDays(6)), out);

            List<String> lines = out.toString().lines().toList();
            assertThat(written).isEqualTo(3);
            assertThat(lines).hasSize(3);
            JsonMapper json = JsonMapper.builder().build();
            JsonNode first = json.readTree(lines.getFirst());
            assertThat(first.get("seq").asLong()).isEqualTo(4);
            assertThat(first.get("ref").asString()).isEqualTo("SG-day3");
            assertThat(first.get("at").asString()).isEqualTo("2026-03-05T10:15:00Z");
            assertThat(first.get("payload").get("urgency").asString()).isEqualTo("URGENT");
            assertThat(first.get("hash").asString()).hasSize(64);
            assertThat(json.readTree(lines.get(2)).get("ref").asString()).isEqualTo("SG-day5");
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNothingInRange_thenNothingWritten(Db db) throws Exception {
            AuditTrail audit = databases.open(db, clock).auditTrail();
            audit.append(Rows.raised("SG-1", Rows.T0));
            StringWriter out = new StringWriter();

            assertThat(audit.export(Rows.T0.plusSeconds(1), Rows.T0.plusSeconds(2), out)).isZero();
            assertThat(out.toString()).isEmpty();
        }
    }
}
