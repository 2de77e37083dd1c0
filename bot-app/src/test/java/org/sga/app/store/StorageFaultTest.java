package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.core.conversation.ConversationState;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A full disk under the embedded database: storage health says so (the data folder's disk and a write to the
 * database), and once there is room again the same pool writes again, without a restart. Start-up refuses a folder with
 * too little room, naming it.
 */
class StorageFaultTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    @Test
    void givenTheDiskFillsAndFreesAgain_thenStorageIsDownThenUpAndTheSamePoolWritesAgain() {
        Path folder = databases.tempDir("full-disk");
        FullDisk disk = new FullDisk(folder);
        HikariDataSource pool = StoreFactory.pooled(disk.jdbcUrl(), "sa", "", 4, "test");
        try (Store store = StoreFactory.open(pool, clock)) {
            StorageHealth storage = new StorageHealth(pool, Optional.of(folder), 1 << 20, disk.space(), clock);
            assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
            ConversationState before = store.conversations().save(Rows.CONVERSATION, "triage", "{\"step\":1}", ConversationState.NEW);

            disk.fill();
            assertThatThrownBy(() -> store.conversations().save(Rows.CONVERSATION, "triage", "{\"step\":2}", before.version()))
                    .isInstanceOf(RuntimeException.class);
            var down = storage.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("freeBytes", 0L).containsEntry("folder", folder.toAbsolutePath().toString());
            assertThat(down.getDetails().get("database").toString()).startsWith("cannot write");

            disk.free();
            assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
            ConversationState after = store.conversations().save(Rows.CONVERSATION, "triage", "{\"step\":2}", before.version());
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(store.conversations().load(Rows.CONVERSATION)).hasValueSatisfying(s -> assertThat(s.data()).isEqualTo("{\"step\":2}"));
        } finally {
            disk.free();
            pool.close();
        }
    }

    @Test
    void givenTheBackgroundWatch_thenTheStoreRecoversWithoutAnyoneAskingForHealth() {
        Path folder = databases.tempDir("full-disk-watched");
        FullDisk disk = new FullDisk(folder);
        HikariDataSource pool = StoreFactory.pooled(disk.jdbcUrl(), "sa", "", 4, "test");
        try (Store store = StoreFactory.open(pool, clock);
             StorageHealth storage = new StorageHealth(pool, Optional.of(folder), 1 << 20, disk.space(), clock)) {
            disk.fill();
            assertThatThrownBy(() -> store.processedEvents().firstTime("slack", "Ev1")).isInstanceOf(RuntimeException.class);
            disk.free();
            storage.watchEvery(Duration.ofMillis(50));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> store.processedEvents().firstTime("slack", "Ev2"));
        } finally {
            disk.free();
            pool.close();
        }
    }

    @Test
    void givenADataFolderWithTooLittleRoom_thenStartUpIsRefusedNamingTheFolder() {
        Path folder = databases.tempDir("too-little-room");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(StoreConfiguration.class)
                .withBean(DiskSpace.class, () -> dir -> 10L << 20)
                .withPropertyValues("sga.data.dir=" + folder, "sga.data.min-free=64MB", "sga.outbox.worker-enabled=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(StoreOpenException.class)
                            .hasMessageContaining("The data folder " + folder.toAbsolutePath().normalize())
                            .hasMessageContaining("10.0 MB free").hasMessageContaining("64.0 MB")
                            .hasMessageContaining("SGA_DATA_DIR");
                });
    }
}
