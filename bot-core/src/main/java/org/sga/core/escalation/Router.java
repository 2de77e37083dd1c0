package org.sga.core.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.sga.core.triage.Role;
import org.sga.core.triage.TriageOutcome;

/**
 * Applies the notification rules of {@code TRIAGE.md} to an outcome at a time: eligible roles whose hours match
 * the team's office hours, each with its channel and backup. A withheld role (the manager when the manager route
 * is closed, the DSL when the DSL is the subject) is never routed, and the targets that reach its person are removed
 * from every other role's channel and backup.
 */
public final class Router {

    private final RoutingConfig config;
    private final Clock clock;

    public Router(RoutingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Routing route(TriageOutcome outcome, String teamId) {
        return route(outcome, teamId, clock.instant());
    }

    /** Routes at a local date and time of the team's time zone, as {@code triage --at} gives it. */
    public Routing route(TriageOutcome outcome, String teamId, LocalDateTime localTime) {
        return route(outcome, teamId, localTime.atZone(team(teamId).officeHours().zone()).toInstant());
    }

    public Routing route(TriageOutcome outcome, String teamId, Instant at) {
        Team team = team(teamId);
        boolean inside = team.officeHours().isOpen(at);
        List<RoutedRole> routed = new ArrayList<>();
        for (Role role : outcome.rolesToNotify(inside)) {
            if (outcome.withheldRoles().contains(role)) {
                continue;
            }
            RoleRoute route = team.route(role);
            Channel channel = route.channel();
            Channel backup = route.backup();
            for (Role withheld : outcome.withheldRoles()) {
                for (Channel closed : team.subjectChannels(withheld)) {
                    channel = channel.without(closed);
                    backup = backup.without(closed);
                }
            }
            routed.add(new RoutedRole(role, channel, backup, route.acknowledgers(), route.contact(),
                    route.backupContact()));
        }
        return new Routing(team.id(), at, inside, outcome.urgency(),
                config.acknowledgeWithin(outcome.urgency(), outcome.acknowledgeWithin()),
                config.rounds(outcome.urgency(), outcome.rounds()), routed);
    }

    private Team team(String teamId) {
        return config.team(teamId).orElseThrow(() -> new IllegalArgumentException("no team '" + teamId
                + "' in the routing configuration"));
    }
}
