package org.sga.core.escalation;

import java.util.Map;
import java.util.Set;

/**
 * How a team reaches one role: its channel, the backup used when nobody acknowledges in time, and who may
 * acknowledge per platform (empty: anyone who sees the message).
 */
public record RoleRoute(Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers) {
    public RoleRoute {
        acknowledgers = Map.copyOf(acknowledgers);
    }
}
