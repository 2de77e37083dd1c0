package org.sga.app.teams;

import java.time.Clock;
import javax.sql.DataSource;
import org.sga.app.ops.PlatformCalls;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.AcknowledgementService;
import org.sga.core.escalation.Platform;
import org.sga.teams.AcknowledgeOutcome;
import org.sga.teams.Acknowledger;
import org.sga.teams.ConversationReferences;
import org.sga.teams.Feedback;
import org.sga.teams.Teams;
import org.sga.teams.TeamsNotifier;
import org.sga.teams.TeamsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Teams adapter, on when {@code MICROSOFT_APP_ID} is set (or, for local development only, when
 * {@code SGA_TEAMS_ALLOW_UNAUTHENTICATED=true}). The acknowledge and feedback ports take the application's beans
 * when there are any.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsConfiguration.TeamsEnabled.class)
@EnableConfigurationProperties(TeamsProperties.class)
public class TeamsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsConfiguration.class);

    @Bean
    ConversationReferences teamsConversationReferences(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcConversationReferences(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    Teams teams(TeamsProperties properties, Conversation conversation, ProcessedEvents events, ConversationStore store,
                ConversationReferences references, ObjectProvider<Acknowledger> acknowledger,
                ObjectProvider<Feedback> feedback, PlatformCalls calls) {
        TeamsSettings settings = properties.toSettings();
        LOG.info("Teams adapter on: {}", settings);
        return new Teams(settings, new Teams.Collaborators(conversation, events, store, references,
                acknowledger.getIfAvailable(TeamsConfiguration::refuseAll),
                feedback.getIfAvailable(() -> vote -> LOG.info("Answer feedback: {} {} helpful={}", vote.sectionId(),
                        vote.version(), vote.helpful())),
                (method, error) -> calls.record("teams", method, error)),
                properties.workers(), properties.queue());
    }

    @Bean
    TeamsNotifier teamsNotifier(Teams teams) {
        return teams.notifier();
    }

    /**
     * Acknowledge clicks go to the core's acknowledgement service, which checks the role's Teams acknowledgers
     * (AAD object ids, or Teams user ids where no AAD id is sent) and tells the reporter.
     */
    @Bean
    Acknowledger teamsAcknowledger(AcknowledgementService acknowledgements) {
        return (ref, role, user) -> {
            String id = user.aadObjectId() != null && !user.aadObjectId().isBlank() ? user.aadObjectId() : user.teamsId();
            AcknowledgementOutcome outcome = acknowledgements.acknowledge(ref, role, Platform.TEAMS, id);
            String name = user.name() == null || user.name().isBlank() ? id : user.name();
            return switch (outcome.status()) {
                case ACCEPTED -> AcknowledgeOutcome.acknowledged(name, outcome.acknowledgement().at());
                case ALREADY_ACKNOWLEDGED -> AcknowledgeOutcome.already(outcome.acknowledgement().userId(),
                        outcome.acknowledgement().at());
                default -> AcknowledgeOutcome.notAllowed();
            };
        };
    }

    /** Until the application wires who may acknowledge, nobody may: an open escalation is safer than a wrong close. */
    private static Acknowledger refuseAll() {
        LOG.warn("Teams: no Acknowledger is wired, so every Acknowledge click is refused");
        return (ref, role, user) -> AcknowledgeOutcome.notAllowed();
    }

    /** On when {@code sga.teams.app-id} is set, or unauthenticated local development is asked for explicitly. */
    static final class TeamsEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String appId = context.getEnvironment().getProperty("sga.teams.app-id");
            return (appId != null && !appId.isBlank())
                    || "true".equalsIgnoreCase(context.getEnvironment().getProperty("sga.teams.allow-unauthenticated"));
        }
    }
}
