package org.sga.app.notify;

import java.util.EnumSet;
import java.util.Set;
import org.sga.core.escalation.Platform;

/**
 * The platforms this instance can post escalation notices to: Slack and Teams when their adapters are on, the console
 * in the terminal chat. Empty only in a context with no chat at all (a tool, a test of the store), where nobody can
 * report anything and every platform is allowed.
 */
public record ConnectedPlatforms(Set<Platform> platforms) {

    public ConnectedPlatforms {
        platforms = platforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(platforms));
    }

    /** Listed in the order Platform declares them, e.g. "slack and teams". */
    public String names() {
        return String.join(" and ", EnumSet.copyOf(platforms).stream().map(Platform::id).toList());
    }
}
