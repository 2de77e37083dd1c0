package org.sga.app.notify;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import org.sga.core.escalation.Platform;
import org.springframework.core.env.Environment;
import java.util.Map;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.Notifier;
import org.sga.slack.SlackBot;
import org.sga.slack.SlackNotifier;
import org.sga.teams.Teams;
import org.sga.teams.TeamsNotifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The platforms as the core's ports see them: the one notifier the outbox worker uses (the console always, plus each
 * platform whose adapter is on) and the one channel membership the acknowledgement policy asks.
 */
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

    /**
     * Slack's and Teams' answer to "is this person in this channel now?". The adapters are looked up when first asked,
     * not here: they talk to the conversation, which acknowledges through the policy that asks this.
     */
    @Bean
    ChannelMembership channelMembership(ObjectProvider<SlackBot> slack, ObjectProvider<Teams> teams) {
        return (channel, actor) -> {
            ChannelMembership platform = switch (actor.platform()) {
                case SLACK -> slack.getIfAvailable() == null ? null : slack.getObject().channelMembers();
                case TEAMS -> teams.getIfAvailable() == null ? null : teams.getObject().channelMembers();
                case CONSOLE -> null;
            };
            return (platform == null ? ChannelMembership.NONE : platform).check(channel, actor);
        };
    }
}
