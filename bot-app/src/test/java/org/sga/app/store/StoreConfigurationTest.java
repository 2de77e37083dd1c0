package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.escalation.WorkerLifecycle;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.Outbox;
import org.sga.core.store.UnitOfWork;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StoreConfigurationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(StoreConfiguration.class);

    @Test
    void givenNoDatabaseUrl_thenTheEmbeddedDatabaseIsCreatedUnderTheDataDirectory() {
        Path dataDir = databases.tempDir("spring-embedded");

        runner.withPropertyValues("sga.data.dir=" + dataDir, "sga.outbox.worker-enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Store.class).databaseProduct()).isEqualTo("H2");
            assertThat(context).hasSingleBean(DataSource.class);
            assertThat(context).hasSingleBean(ConversationStore.class).hasSingleBean(ProcessedEvents.class)
                    .hasSingleBean(Outbox.class).hasSingleBean(Acknowledgements.class).hasSingleBean(AuditTrail.class)
                    .hasSingleBean(UnitOfWork.class).hasSingleBean(EscalationStore.class)
                    .doesNotHaveBean("outboxWorker");
        });

        assertThat(dataDir.resolve("sga.mv.db")).isRegularFile();
    }

    @Test
    void givenPostgresUrl_thenSpringBootsPoolIsUsedAndMigrated() {
        TestDatabases.Fresh postgres = databases.fresh(Db.POSTGRESQL);

        runner.withPropertyValues("spring.datasource.url=" + postgres.url(),
                        "spring.datasource.username=" + postgres.user(),
                        "spring.datasource.password=" + postgres.password(),
                        "sga.outbox.worker-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Store.class).databaseProduct()).isEqualTo("PostgreSQL");
                    assertThat(context.getBean(AuditTrail.class).verify().ok()).isTrue();
                });
    }

    @Test
    void givenNotifierBean_thenTheWorkerStartsWithTheContextAndDeliversThroughIt() {
        CountingNotifier platform = new CountingNotifier();

        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("spring-worker"), "sga.outbox.poll-interval=20ms")
                .withBean(Notifier.class, () -> platform)
                .run(context -> {
                    assertThat(context.getBean("outboxWorker", WorkerLifecycle.class).isRunning()).isTrue();

                    context.getBean(EscalationStore.class).recordOutcome(Rows.raised("SG-1", Rows.T0),
                            java.util.List.of(Rows.row("SG-1", "safeguarding_lead"), Rows.row("SG-1", "manager")));

                    assertThat(platform.awaitTotal(2, Duration.ofSeconds(10))).isEqualTo(2);
                });
    }
}
