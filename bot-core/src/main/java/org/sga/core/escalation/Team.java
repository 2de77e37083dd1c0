package org.sga.core.escalation;

import java.util.List;
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

    /**
     * Where the person a role stands for may be reached when they are the subject of a concern: the role's channel,
     * and for the safeguarding lead its backup too, since the question asked is whether the colleague is the DSL
     * or a deputy, and a team's deputies are the DSL's backup.
     */
    public List<Channel> subjectChannels(Role role) {
        RoleRoute route = route(role);
        return role == Role.SAFEGUARDING_LEAD ? List.of(route.channel(), route.backup()) : List.of(route.channel());
    }

    public boolean hasMember(Platform platform, String userId) {
        return members.getOrDefault(platform, Set.of()).contains(userId);
    }
}
