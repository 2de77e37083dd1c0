package org.sga.app.escalation;

import java.util.List;
import java.util.Optional;
import org.sga.app.settings.Settings;
import org.sga.app.notify.ConnectedPlatforms;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.escalation.RoutingConfigException;

/**
 * Refuses to start when a role has no channel on any platform this instance is connected to: an escalation to it
 * would reach nobody. The message names the roles and the setting to change; the built-in console routing passes
 * whenever the console chat is what runs.
 */
final class ReachableRoles {

    static final String EXAMPLE = "content/src/main/resources/routing/routing-example.yml";

    private ReachableRoles() {
    }

    static void require(RoutingConfig routing, Optional<String> file, ConnectedPlatforms connected) {
        if (connected.platforms().isEmpty()) {
            return;
        }
        List<String> missing = routing.channelsWithoutTargetOn(connected.platforms());
        if (missing.isEmpty()) {
            return;
        }
        String on = connected.names();
        String example = connected.platforms().stream().sorted().findFirst().orElseThrow().id();
        if (file.isEmpty()) {
            List<String> roles = missing.stream().map(k -> k.replaceAll(".*\\.roles\\.(\\w+)\\.channel$", "$1")).toList();
            throw new RoutingConfigException(Settings.ROUTING_ENV + " is not set, so every role would be notified on the"
                    + " console, but this instance is connected to " + on + ": escalations to " + String.join(", ", roles)
                    + " would reach nobody. Set " + Settings.ROUTING_ENV + " to a routing file that gives every role a channel"
                    + " on " + on + " (roles.ROLE.channel." + example + "; see " + EXAMPLE + ").", null);
        }
        throw new RoutingConfigException(Settings.ROUTING_ENV + "=" + file.get() + ": no channel on " + on
                + ", the platform" + (connected.platforms().size() == 1 ? "" : "s") + " this instance is connected to, for "
                + String.join(", ", missing) + "; escalations to " + (missing.size() == 1 ? "that role" : "those roles")
                + " would reach nobody. Add " + example + ": CHANNEL_ID under each.", null);
    }
}
