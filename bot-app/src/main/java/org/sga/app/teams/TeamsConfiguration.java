package org.sga.app.teams;

import java.time.Clock;
import javax.sql.DataSource;
import org.sga.app.ops.PlatformCalls;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.Acknowledger;
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
 * {@code SGA_TEAMS_ALLOW_UNAUTHENTICATED=true}). Acknowledge clicks go to the core's {@link Acknowledger}, which
 * alone decides who may; the feedback port takes the application's bean when there is one.
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
                ConversationReferences references, Acknowledger acknowledger,
                ObjectProvider<Feedback> feedback, PlatformCalls calls) {
        TeamsSettings settings = properties.toSettings();
        LOG.info("Teams adapter on: {}", settings);
        return new Teams(settings, new Teams.Collaborators(conversation, events, store, references,
                acknowledger,
                feedback.getIfAvailable(() -> vote -> LOG.info("Answer feedback: {} {} helpful={}", vote.sectionId(),
                        vote.version(), vote.helpful())),
                (method, error) -> calls.record("teams", method, error)),
                properties.workers(), properties.queue());
    }

    @Bean
    TeamsNotifier teamsNotifier(Teams teams) {
        return teams.notifier();
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
