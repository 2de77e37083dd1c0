package org.sga.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

/** Who is notified of an outcome, where, and by when someone must acknowledge. */
public record Routing(String teamId, Instant at, boolean insideOfficeHours, Urgency urgency,
        Duration acknowledgeWithin, List<RoutedRole> roles) {

    public Routing {
        roles = List.copyOf(roles);
    }

    public Instant acknowledgeBy() {
        return at.plus(acknowledgeWithin);
    }

    public List<Role> notifiedRoles() {
        return roles.stream().map(RoutedRole::role).toList();
    }
}
