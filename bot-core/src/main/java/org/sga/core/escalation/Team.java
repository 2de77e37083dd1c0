package org.sga.core.escalation;

import java.util.Map;
import java.util.Set;
import org.sga.core.triage.Role;

/** A team within an organisation: its members per platform, its office hours and how each role is reached. */
public record Team(String id, String name, String organisationId, Map<Platform, Set<String>> members,
        OfficeHours officeHours, Map<Role, RoleRoute> roles) {

    public Team {
        members = Map.copyOf(members);
        roles = Map.copyOf(roles);
    }

    public RoleRoute route(Role role) {
        RoleRoute route = roles.get(role);
        if (route == null) {
            throw new IllegalStateException("team " + id + " has no route for " + role.id());
        }
        return route;
    }

    public boolean hasMember(Platform platform, String userId) {
        return members.getOrDefault(platform, Set.of()).contains(userId);
    }
}
