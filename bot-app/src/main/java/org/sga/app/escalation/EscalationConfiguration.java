package org.sga.app.escalation;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.sga.app.notify.ConnectedPlatforms;
import org.sga.app.cli.Triage;
import org.sga.app.settings.Settings;
import org.sga.app.settings.SettingsConfiguration;
import org.sga.content.Library;
import org.sga.core.audit.AuditTrail;
import org.sga.core.escalation.AcknowledgementPolicy;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.DelayNotices;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.ReEscalator;
import org.sga.core.escalation.References;
import org.sga.core.escalation.ReporterUpdates;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.store.UnitOfWork;
import org.sga.core.triage.TriageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Escalation beans over the store's ports. The routing configuration is read once at start-up, so an error in it, or
 * a role with no channel on any connected platform, stops the application with a message naming the key or setting,
 * instead of failing (or silently reaching nobody with) the first escalation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
@Import(SettingsConfiguration.class)
public class EscalationConfiguration {

    /** UTC: times are stored as instants and shown in each team's own zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    RoutingConfig routingConfig(Settings settings) {
        return settings.routingConfig();
    }

    @Bean
    TriageEngine triageEngine(Library library) {
        return Triage.engine(library);
    }

    @Bean
    EscalationRecords escalationRecords(AuditTrail auditTrail) {
        return new EscalationRecords(auditTrail);
    }

    @Bean
    EscalationService escalationService(RoutingConfig routing, TriageEngine engine, EscalationStore store,
            EscalationRecords records, Clock clock, ObjectProvider<EscalationEvents> events,
            ObjectProvider<ConnectedPlatforms> connected, Settings settings) {
        ConnectedPlatforms platforms = connected.getIfAvailable(() -> new ConnectedPlatforms(Set.of()));
        // Checked on the routing in use, so that start-up stops before any escalation could reach nobody.
        ReachableRoles.require(routing, settings.routing().map(java.nio.file.Path::toString), platforms);
        return new EscalationService(routing, engine.definition(), store, records, clock, new References(),
                EscalationEvents.all(events.orderedStream().toList()), platforms.platforms());
    }

    /** The reporter is told when a notice to one of the roles is delayed. */
    @Bean
    DelayNotices delayNotices(EscalationRecords records, Outbox outbox, Clock clock) {
        return new DelayNotices(records, outbox, clock);
    }

    /** The reporter is told, step by step, who has the notice once it is delivered, and who could not be reached. */
    @Bean
    ReporterUpdates reporterUpdates(EscalationRecords records, Outbox outbox, Acknowledgements acknowledgements,
            Clock clock) {
        return new ReporterUpdates(records, outbox, acknowledgements, clock);
    }

    /** The one decision of who may acknowledge, for the Slack and Teams buttons and the typed {@code ack} alike. */
    @Bean
    AcknowledgementPolicy acknowledgementPolicy(EscalationRecords records, Acknowledgements acknowledgements,
            EscalationStore store, Outbox outbox, UnitOfWork unitOfWork, ObjectProvider<ChannelMembership> membership,
            Clock clock, ObjectProvider<EscalationEvents> events) {
        // Without a platform to ask (the console alone), only the people listed for a role may acknowledge it.
        return new AcknowledgementPolicy(records, acknowledgements, store, outbox, unitOfWork,
                membership.getIfAvailable(() -> ChannelMembership.NONE), clock,
                EscalationEvents.all(events.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnProperty(name = "sga.escalation.re-escalator-enabled", havingValue = "true", matchIfMissing = true)
    WorkerLifecycle<ReEscalator> reEscalator(Acknowledgements acknowledgements, EscalationStore store, EscalationRecords records,
            Outbox outbox, Clock clock, EscalationProperties properties, ObjectProvider<EscalationEvents> events) {
        String workerId = "r-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new WorkerLifecycle<>(new ReEscalator(acknowledgements, store, records, outbox, clock,
                properties.toSettings(workerId), EscalationEvents.all(events.orderedStream().toList())));
    }
}
