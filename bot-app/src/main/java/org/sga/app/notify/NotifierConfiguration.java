package org.sga.app.notify;

import java.util.HashMap;
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
