package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.testkit.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;

class StoreFactoryTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    @Nested
    class EmbeddedDatabase {

        @Test
        void givenTheBotHoldsTheDatabaseInAnotherProcess_thenAnOperatorToolOpensItToo() throws Exception {
            Path dataDir = databases.tempDir("shared").resolve("data");
            Process bot = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HoldsEmbeddedStore.class.getName(), dataDir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(bot.getInputStream()))) {
                assertThat(lines.readLine()).isEqualTo("open");
                try (Store tool = StoreFactory.openEmbedded(dataDir, clock)) {
                    assertThat(new JdbcTemplate(tool.dataSource())
                            .queryForObject("SELECT n FROM held_by_another_process", Integer.class)).isEqualTo(42);
                    assertThat(tool.outbox()).isNotNull();
                }
            } finally {
                bot.getOutputStream().close();
                assertThat(bot.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void givenNoDataDirectory_whenOpened_thenItIsCreatedWithTheDatabaseFileInside() {
            Path dataDir = databases.tempDir("first-run").resolve("data");

            try (Store store = StoreFactory.openEmbedded(dataDir, clock)) {
                assertThat(store.databaseProduct()).isEqualTo("H2");
            }

            assertThat(dataDir.resolve("sga.mv.db")).isRegularFile();
        }

        @Test
        void givenDataWritten_whenReopened_thenItIsStillThere() {
            Path dataDir = databases.tempDir("reopen");
            try (Store store = StoreFactory.openEmbedded(dataDir, clock)) {
                store.escalations().recordOutcome(Rows.raised("SG-1", Rows.T0), List.of(Rows.row("SG-1", "manager")));
            }

            try (Store reopened = StoreFactory.openEmbedded(dataDir, clock)) {
                assertThat(reopened.outbox().entries("SG-1")).hasSize(1);
                assertThat(reopened.auditTrail().verify().recordsChecked()).isEqualTo(1);
            }
        }

        @Test
        void givenDatabaseFileLockedByAnotherProcess_thenTheErrorNamesTheFileAndWhatToDo() throws Exception {
            Path dataDir = databases.tempDir("locked");
            StoreFactory.openEmbedded(dataDir, clock).close();
            Path file = dataDir.toAbsolutePath().resolve("sga.mv.db");

            // H2 takes an OS file lock; holding it here looks to H2 like a running bot in another process.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                assertThat(lock).isNotNull();

                assertThatThrownBy(() -> StoreFactory.openEmbedded(dataDir, clock))
                        .isInstanceOf(StoreOpenException.class)
                        .hasMessageContaining(file.toString())
                        .hasMessageContaining("in use by another process")
                        .hasMessageContaining("SGA_DATA_DIR");
            }
        }

        @Test
        void givenReadOnlyDatabase_thenTheErrorNamesTheFileAndSaysReadOnly() {
            Path dataDir = databases.tempDir("read-only");
            StoreFactory.openEmbedded(dataDir, clock).close();
            // Running as root, file permissions would not stop us; H2's own read-only mode stands in for them.
            String readOnlyUrl = StoreFactory.embeddedUrl(dataDir) + ";ACCESS_MODE_DATA=r";

            assertThatThrownBy(() -> StoreFactory.open(readOnlyUrl, "sa", "", 2, clock))
                    .isInstanceOf(StoreOpenException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().resolve("sga.mv.db").toString())
                    .hasMessageContaining("read-only");
        }

        @Test
        void givenDataDirectoryCannotBeCreated_thenTheErrorNamesIt() throws Exception {
            Path aFile = Files.writeString(databases.tempDir("not-a-dir").resolve("plain-file"), "x");
            Path dataDir = aFile.resolve("data");

            assertThatThrownBy(() -> StoreFactory.openEmbedded(dataDir, clock))
                    .isInstanceOf(StoreOpenException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().toString())
                    .hasMessageContaining("SGA_DATA_DIR");
        }
    }

    @Test
    void givenUnreachablePostgres_thenTheErrorNamesTheServerButNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/sga?connectTimeout=2&password=not-for-logs";

        assertThatThrownBy(() -> StoreFactory.open(url, "sga", "not-for-logs", 2, clock))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/sga")
                .hasMessageNotContaining("not-for-logs");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenFreshDatabase_thenTheSameMigrationsAreApplied(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        databases.open(fresh, clock);

        List<String> applied = new JdbcTemplate(databases.rawDataSource(fresh)).queryForList(
                "SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);

        assertThat(applied).containsExactly("V1__conversation_state_and_processed_events.sql",
                "V2__outbox_and_acknowledgements.sql", "V3__audit_trail.sql", "V10__teams_conversation_references.sql",
                "V11__unanswered_questions_and_answer_votes.sql", "V12__audit_checkpoint.sql", "V13__chase_steps.sql");
    }
}
