package org.sga.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.sga.core.escalation.Outbox;
import org.sga.core.search.BackgroundSearcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Health indicators and metrics. The registry comes from Actuator (Prometheus at {@code /actuator/prometheus});
 * the console chat has the same registry and no web server, so nobody reads it there.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    BotMetrics botMetrics(MeterRegistry registry) {
        return new BotMetrics(registry);
    }

    @Bean
    OutboxGauges outboxGauges(Outbox outbox, ObjectProvider<Clock> clock, MeterRegistry registry) {
        return new OutboxGauges(outbox, clock.getIfAvailable(Clock::systemUTC), registry);
    }

    @Bean
    PlatformCalls platformCalls(BotMetrics metrics, PlatformHealth health) {
        return new PlatformCalls(metrics, health);
    }

    /** Named {@code searchIndex} in {@code /actuator/health}; part of readiness. */
    @Bean
    SearchIndexHealth searchIndexHealthIndicator(BackgroundSearcher searcher) {
        return new SearchIndexHealth(searcher);
    }

    /** Named {@code platforms}: Slack and Teams as configured; DEGRADED (HTTP 200) while calls to one fail. */
    @Bean
    PlatformHealth platformsHealthIndicator(Environment env, ObjectProvider<Clock> clock) {
        Set<String> platforms = new LinkedHashSet<>();
        if (!env.getProperty("sga.slack.bot-token", "").isBlank()) {
            platforms.add("slack");
        }
        if (!env.getProperty("sga.teams.app-id", "").isBlank()
                || env.getProperty("sga.teams.allow-unauthenticated", Boolean.class, false)) {
            platforms.add("teams");
        }
        return new PlatformHealth(platforms, clock.getIfAvailable(Clock::systemUTC));
    }
}
