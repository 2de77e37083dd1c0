package org.sga.app.notify;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import org.sga.core.escalation.Platform;
import org.springframework.core.env.Environment;
import java.util.Map;
import org.sga.core.escalation.Notifier;
import org.sga.slack.SlackNotifier;
import org.sga.teams.TeamsNotifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The one notifier the outbox worker uses: the console always, plus each platform whose adapter is on. */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

    /**
     * Read from the settings that turn the adapters on (not from their beans, which need the core, which needs this).
     * The console counts only in the terminal chat: on a server nobody reads standard output.
     */
    @Bean
    ConnectedPlatforms connectedPlatforms(Environment env) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        if (!env.getProperty("sga.slack.bot-token", "").isBlank()) {
            platforms.add(Platform.SLACK);
        }
        if (!env.getProperty("sga.teams.app-id", "").isBlank()
                || env.getProperty("sga.teams.allow-unauthenticated", Boolean.class, false)) {
            platforms.add(Platform.TEAMS);
        }
        if (env.getProperty("sga.console.enabled", Boolean.class, false)) {
            platforms.add(Platform.CONSOLE);
        }
        return new ConnectedPlatforms(platforms);
    }

    @Bean
    @Primary
    PlatformNotifier platformNotifier(ObjectProvider<TeamsNotifier> teams, ObjectProvider<SlackNotifier> slack) {
        Map<String, Notifier> byPlatform = new HashMap<>();
        byPlatform.put("console", new ConsoleNotifier(System.out));
        teams.ifAvailable(n -> byPlatform.put("teams", n));
        slack.ifAvailable(n -> byPlatform.put("slack", n));
        return new PlatformNotifier(byPlatform);
    }
}
