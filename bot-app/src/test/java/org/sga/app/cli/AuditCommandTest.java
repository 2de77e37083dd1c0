package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.settings.BuildFolderSettings;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditSigningKey;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code audit verify} over a trail whose oldest records were purged under signed checkpoints. */
class AuditCommandTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final String SECRET = "invented-cli-test-signing-key-0123456789";
    private static final Instant T0 = Instant.parse("2019-01-07T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(2600)));

    private CliTest.Run run(TestDatabases.Fresh db, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(BuildFolderSettings.defaults(), () -> databases.open(db, clock), environment::get).run(List.of(args),
                new BufferedReader(new StringReader("")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Twelve records a day apart; the first eight purged. */
    private TestDatabases.Fresh purged(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store store = databases.open(fresh, clock);
        for (int i = 1; i <= 12; i++) {
            store.auditTrail().append(new AuditEntry("escalation_raised", "SG-TEST-" + i, "{\"n\":" + i + "}",
                    T0.plus(Duration.ofDays(i))));
        }
        assertThat(store.auditTrail().purgeBefore(T0.plus(Duration.ofDays(9)), AuditSigningKey.of(SECRET), 500).recordsPurged())
                .isEqualTo(8);
        return fresh;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenTheKey_thenTheRestAndTheCheckpointSignaturesVerify(Db db) {
        CliTest.Run r = run(purged(db), Map.of(AuditSigningKey.ENV, SECRET), "audit", "verify");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("audit trail intact: 4 records checked")
                .contains("8 older records purged under 1 checkpoints; their signatures verified (key id "
                        + AuditSigningKey.of(SECRET).id() + ")")
                .doesNotContain(SECRET);
    }

    @Test
    void givenNoKey_thenIntactButSaysTheSignaturesWereNotChecked() {
        CliTest.Run r = run(purged(Db.H2), Map.of(), "audit", "verify");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("audit trail intact: 4 records checked")
                .contains("their signatures were NOT checked: set SGA_AUDIT_SIGNING_KEY");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenCheckpointTamperedWith_thenBrokenExitOne(Db db) {
        TestDatabases.Fresh fresh = purged(db);
        new JdbcTemplate(databases.rawDataSource(fresh)).update("UPDATE audit_checkpoint SET purged_at = purged_at - INTERVAL '1' DAY");

        CliTest.Run r = run(fresh, Map.of(AuditSigningKey.ENV, SECRET), "audit", "verify");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("audit trail BROKEN at the checkpoint ending at record 8: CHECKPOINT_SIGNATURE");
    }

    @Test
    void givenRemainingRecordDeleted_thenBrokenExitOne() {
        TestDatabases.Fresh fresh = purged(Db.H2);
        new JdbcTemplate(databases.rawDataSource(fresh)).update("DELETE FROM audit_record WHERE seq = 9");

        CliTest.Run r = run(fresh, Map.of(AuditSigningKey.ENV, SECRET), "audit", "verify");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("audit trail BROKEN at record 9: RECORD_MISSING");
    }

    @Test
    void givenShortKey_thenAUsageErrorThatDoesNotQuoteIt() {
        CliTest.Run r = run(purged(Db.H2), Map.of(AuditSigningKey.ENV, "too-short-secret"), "audit", "verify");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("SGA_AUDIT_SIGNING_KEY must be at least 32 characters").doesNotContain("too-short-secret");
    }
}
