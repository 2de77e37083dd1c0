package org.sga.core.escalation;

import java.util.Map;
import java.util.Set;
import org.sga.core.triage.Role;

/**
 * A role to notify, where, the backup to use if nobody acknowledges in time, and who may acknowledge per platform
 * (empty: anyone who sees the message). A channel is empty only if every target of it was withheld.
 */
public record RoutedRole(Role role, Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers) {
    public RoutedRole {
        acknowledgers = Map.copyOf(acknowledgers);
    }
}
