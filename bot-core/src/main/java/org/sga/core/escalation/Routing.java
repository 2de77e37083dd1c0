package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

/**
 * Who is notified of an outcome, where, by when someone must acknowledge, and how often role and backup are notified
 * again after the backup's own deadline ({@code rounds}; none for a STANDARD escalation).
 */
public record Routing(String teamId, Instant at, boolean insideOfficeHours, Urgency urgency,
        Duration acknowledgeWithin, int rounds, List<RoutedRole> roles) {

    public Routing {
        roles = List.copyOf(roles);
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative");
        }
    }

    public Instant acknowledgeBy() {
        return at.plus(acknowledgeWithin);
    }

    public List<Role> notifiedRoles() {
        return roles.stream().map(RoutedRole::role).toList();
    }
}
