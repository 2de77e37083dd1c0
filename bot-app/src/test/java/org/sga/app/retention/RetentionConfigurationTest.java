package org.sga.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.feedback.FeedbackConfiguration;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.StoreConfiguration;
import org.sga.app.store.TestDatabases;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.TriageDialogue;
import org.sga.core.retention.RetentionPolicy;
import org.sga.core.retention.RetentionPurge;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RetentionConfigurationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(StoreConfiguration.class, FeedbackConfiguration.class, RetentionConfiguration.class)
            .withPropertyValues("sga.outbox.worker-enabled=false");

    /** As the process environment would hold them. */
    private static ApplicationContextRunner withEnvironment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-environment", variables)));
    }

    @Test
    void givenNothingSet_thenTheDocumentedDefaultsAndAnHourlySchedule() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("retention-defaults")).run(context -> {
            assertThat(context).hasNotFailed();
            RetentionProperties bound = context.getBean(RetentionProperties.class);
            assertThat(bound.toPolicy()).isEqualTo(RetentionPolicy.defaults());
            assertThat(bound.conversationState()).isEqualTo(Duration.ofHours(24));
            assertThat(bound.processedEvents()).isEqualTo(Duration.ofDays(7));
            assertThat(bound.unansweredQuestions()).isEqualTo(Duration.ofDays(90));
            assertThat(bound.answerVotes()).isEqualTo(Duration.ofDays(90));
            assertThat(bound.deliveredOutbox()).isEqualTo(Duration.ofDays(30));
            assertThat(bound.audit()).isEqualTo(Period.ofYears(7));
            assertThat(bound.batchSize()).isEqualTo(500);
            assertThat(bound.enabled()).isTrue();
            assertThat(bound.interval()).isEqualTo(Duration.ofHours(1));
            assertThat(bound.initialDelay()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(RetentionLifecycle.class).isRunning()).isTrue();
        });
    }

    @Test
    void givenEnvironmentVariables_thenTheyAreBound() {
        withEnvironment(runner, Map.of(
                "SGA_DATA_DIR", databases.tempDir("retention-env").toString(),
                "SGA_RETENTION_ENABLED", "false",
                "SGA_RETENTION_INTERVAL", "15m",
                "SGA_RETENTION_BATCH_SIZE", "100",
                "SGA_RETENTION_CONVERSATION_STATE", "12h",
                "SGA_RETENTION_PROCESSED_EVENTS", "P3D",
                "SGA_RETENTION_UNANSWERED_QUESTIONS", "30d",
                "SGA_RETENTION_ANSWER_VOTES", "0",
                "SGA_RETENTION_DELIVERED_OUTBOX", "14d",
                "SGA_RETENTION_AUDIT", "2555d"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RetentionProperties p = context.getBean(RetentionProperties.class);
                    assertThat(p.enabled()).isFalse();
                    assertThat(p.interval()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(p.batchSize()).isEqualTo(100);
                    assertThat(p.conversationState()).isEqualTo(Duration.ofHours(12));
                    assertThat(p.processedEvents()).isEqualTo(Duration.ofDays(3));
                    assertThat(p.unansweredQuestions()).isEqualTo(Duration.ofDays(30));
                    assertThat(p.answerVotes()).isZero();
                    assertThat(p.deliveredOutbox()).isEqualTo(Duration.ofDays(14));
                    assertThat(p.audit()).isEqualTo(Period.ofDays(2555));
                    assertThat(context).hasSingleBean(RetentionPurge.class).doesNotHaveBean(RetentionLifecycle.class);
                });
    }

    @Test
    void givenASigningKeyTooShort_thenStartUpFailsNamingTheVariableButNotTheKey() {
        withEnvironment(runner, Map.of("SGA_AUDIT_SIGNING_KEY", "not-long-enough"))
                .withPropertyValues("sga.data.dir=" + databases.tempDir("retention-short-key"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("SGA_AUDIT_SIGNING_KEY must be at least 32 characters")
                            .hasMessageNotContaining("not-long-enough");
                });
    }

    @Test
    void givenBadSetting_thenStartUpFailsNamingIt() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("retention-bad"), "sga.retention.batch-size=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("sga.retention.batch-size"));
    }

    /** The schedule runs the job: an unfinished triage from yesterday is forgotten and reported as expired. */
    @Test
    void givenTheSchedule_thenAStaleTriageIsPurgedAndEveryListenerTold() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
        List<String> abandoned = new CopyOnWriteArrayList<>();
        ConversationEvents metrics = new ConversationEvents() {
            @Override
            public void triageAbandoned(String platform, String why) {
                abandoned.add(platform + ":" + why);
            }
        };
        ConversationKey key = new ConversationKey("slack", "D0SCHEDULE", "U0SCHEDULE");
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("retention-schedule"),
                        "sga.retention.initial-delay=0s", "sga.retention.interval=100ms")
                .withBean(Clock.class, () -> clock)
                .withBean("metricsListener", ConversationEvents.class, () -> metrics)
                .run(context -> {
                    Store store = context.getBean(Store.class);
                    store.conversations().save(key, TriageDialogue.STATE_KIND, "stage=ASKING\n", ConversationState.NEW);
                    clock.advance(Duration.ofHours(25));

                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (store.conversations().load(key).isPresent() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(store.conversations().load(key)).isEmpty();
                    while (abandoned.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(abandoned).containsExactly("slack:expired");
                });
    }
}
