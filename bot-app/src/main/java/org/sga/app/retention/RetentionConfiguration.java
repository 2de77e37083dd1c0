package org.sga.app.retention;

import java.time.Clock;
import org.sga.app.store.Store;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.retention.RetentionPurge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The core's retention purge, wired to the store, and its schedule. The audit signing key comes from {@code SGA_AUDIT_SIGNING_KEY}; a key that is
 * set but too short stops start-up with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

    /** The core's purge over the store's retention port and audit trail, with the bound policy. */
    @Bean
    RetentionPurge retentionPurge(Store store, RetentionProperties settings, ObjectProvider<ConversationEvents> events,
                                  ObjectProvider<Clock> clock, Environment environment) {
        AuditSigningKey key = AuditSigningKey.from(environment::getProperty).orElse(null);
        return new RetentionPurge(store.retention(), store.auditTrail(), settings.toPolicy(),
                ConversationEvents.all(events.orderedStream().toList()), key, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "sga.retention.enabled", havingValue = "true", matchIfMissing = true)
    RetentionLifecycle retentionSchedule(RetentionPurge purge, RetentionProperties settings) {
        return new RetentionLifecycle(purge, settings.initialDelay(), settings.interval());
    }
}
