package org.sga.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.outcome;

import java.time.Clock;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sga.app.notify.ConnectedPlatforms;
import org.sga.core.escalation.RoutingConfigException;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.content.ShippedContent;
import org.sga.app.store.StoreConfiguration;
import org.sga.app.store.TestDatabases;
import org.sga.content.Library;
import org.sga.core.escalation.AcknowledgementPolicy;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.TriageEngine;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EscalationConfigurationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(StoreConfiguration.class, EscalationConfiguration.class)
            .withBean(Library.class, ShippedContent.SOURCE::library);

    @Test
    void givenTheStore_thenTheEscalationBeansAreThereAndTheReEscalatorRunsWithTheContext() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("escalation-beans"),
                        "sga.outbox.worker-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EscalationRaiser.class)).isInstanceOf(EscalationService.class);
                    assertThat(context).hasSingleBean(AcknowledgementPolicy.class).hasSingleBean(TriageEngine.class)
                            .hasSingleBean(RoutingConfig.class).hasSingleBean(Clock.class);
                    assertThat(context.getBean("reEscalator", WorkerLifecycle.class).isRunning()).isTrue();
                });
    }

    @Test
    void givenSlackConnectedAndNoRoutingFile_thenStartUpStopsNamingTheRolesAndTheSetting() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("slack-no-routing"), "sga.outbox.worker-enabled=false")
                .withBean(ConnectedPlatforms.class, () -> new ConnectedPlatforms(Set.of(Platform.SLACK)))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(RoutingConfigException.class)
                            .hasMessageStartingWith("SGA_ROUTING is not set, so every role would be notified on the console,"
                                    + " but this instance is connected to slack")
                            .hasMessageContaining("manager, safeguarding_lead, out_of_hours, allegations_officer, governance_lead")
                            .hasMessageContaining("roles.ROLE.channel.slack");
                    FailureAnalysis analysis = new RoutingFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("SGA_ROUTING is not set");
                    assertThat(analysis.getAction()).contains("SGA_ROUTING");
                });
    }

    @Test
    void givenTheConsoleChatAndNoRoutingFile_thenItStartsAsBefore() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("console-no-routing"), "sga.outbox.worker-enabled=false")
                .withBean(ConnectedPlatforms.class, () -> new ConnectedPlatforms(Set.of(Platform.CONSOLE)))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EscalationRaiser.class));
    }

    @Test
    void givenARoutingFileWithARoleWithoutAChannelOnTheConnectedPlatform_thenTheMessageNamesItsKey() {
        assertThatThrownBy(() -> ReachableRoles.require(EscalationFixture.EXAMPLE, Optional.of("/etc/sga/routing.yml"),
                new ConnectedPlatforms(Set.of(Platform.TEAMS))))
                .isInstanceOf(RoutingConfigException.class)
                .hasMessage("SGA_ROUTING=/etc/sga/routing.yml: no channel on teams, the platform this instance is connected"
                        + " to, for organisations[0].teams[0].roles.governance_lead.channel; escalations to that role would"
                        + " reach nobody. Add teams: CHANNEL_ID under each.");
        ReachableRoles.require(EscalationFixture.EXAMPLE, Optional.of("/etc/sga/routing.yml"),
                new ConnectedPlatforms(Set.of(Platform.SLACK, Platform.TEAMS)));
    }

    @Test
    void givenTheReEscalatorDisabled_thenThereIsNone() {
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("escalation-off"),
                        "sga.outbox.worker-enabled=false", "sga.escalation.re-escalator-enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("reEscalator"));
    }

    @Test
    void givenAnUnacknowledgedEscalation_thenTheRunningReEscalatorNotifiesTheBackupOnceTheDeadlinePasses() {
        MutableClock clock = new MutableClock(MONDAY_MORNING);
        runner.withPropertyValues("sga.data.dir=" + databases.tempDir("escalation-chase"),
                        "sga.outbox.worker-enabled=false", "sga.escalation.re-escalator-poll-interval=20ms")
                .withBean(Clock.class, () -> clock)
                .run(context -> {
                    Raised raised = context.getBean(EscalationRaiser.class).raise(outcome(CHILD_ONLINE),
                            new Reporter(Platform.CONSOLE, "alex", "alex", "console:alex"), null);
                    clock.advance(Duration.ofMinutes(31));

                    Outbox outbox = context.getBean(Outbox.class);
                    await("the backups' notices").atMost(Duration.ofSeconds(10))
                            .until(() -> outbox.entries(raised.reference()).stream()
                                    .filter(e -> e.row().attempt().equals(OutboxRow.BACKUP)).count() >= 2);
                    assertThat(outbox.entries(raised.reference()))
                            .filteredOn(e -> e.row().attempt().equals(OutboxRow.BACKUP))
                            .extracting(e -> e.row().channelTarget())
                            .containsExactlyInAnyOrder("manager_backup", "safeguarding_lead_backup");
                });
    }
}
