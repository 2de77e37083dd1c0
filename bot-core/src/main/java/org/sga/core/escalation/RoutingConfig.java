package org.sga.core.escalation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Set;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;
import org.sga.core.yaml.YamlNode;
import org.sga.core.yaml.YamlProblem;

/**
 * Organisations, their teams and how each team's roles are reached, read from YAML and validated.
 *
 * @param defaultTeamId the team used when a reporter's team is not known
 * @param acknowledgeWithin overrides of the triage definition's acknowledgement deadlines, per urgency
 * @param rounds overrides of the triage definition's number of rounds after the backup, per urgency
 */
public record RoutingConfig(List<Organisation> organisations, String defaultTeamId,
        Map<Urgency, Duration> acknowledgeWithin, Map<Urgency, Integer> rounds) {

    public RoutingConfig {
        organisations = List.copyOf(organisations);
        acknowledgeWithin = Map.copyOf(acknowledgeWithin);
        rounds = Map.copyOf(rounds);
    }

    /** With the triage definition's rounds for every urgency. */
    public RoutingConfig(List<Organisation> organisations, String defaultTeamId, Map<Urgency, Duration> acknowledgeWithin) {
        this(organisations, defaultTeamId, acknowledgeWithin, Map.of());
    }

    public static RoutingConfig load(Path path) {
        try {
            return parse(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new RoutingConfigException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static RoutingConfig parse(Reader reader, String source) {
        try {
            return new RoutingConfigReader(YamlNode.parse(reader, source)).read();
        } catch (YamlProblem e) {
            throw new RoutingConfigException(e.getMessage(), e);
        }
    }

    /** With no configuration: one team, default office hours, every role to the console under its own name. */
    public static RoutingConfig defaults() {
        Map<Role, RoleRoute> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleRoute(Channel.console(role.id()), Channel.console(role.id() + "_backup"),
                    Map.of()));
        }
        Team team = new Team("default", "Default team", "default", Map.of(), OfficeHours.defaults(), roles);
        return new RoutingConfig(List.of(new Organisation("default", "Default organisation", List.of(team))),
                team.id(), Map.of());
    }

    public List<Team> teams() {
        return organisations.stream().flatMap(o -> o.teams().stream()).toList();
    }

    public Optional<Team> team(String id) {
        return teams().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Team defaultTeam() {
        return team(defaultTeamId).orElseThrow();
    }

    /** The teams a user belongs to on a platform, in configuration order. */
    public List<Team> teamsOf(Platform platform, String userId) {
        return teams().stream().filter(t -> t.hasMember(platform, userId)).toList();
    }

    /** The configured deadline for an urgency, else {@code fallback} (the triage definition's default). */
    public Duration acknowledgeWithin(Urgency urgency, Duration fallback) {
        return acknowledgeWithin.getOrDefault(urgency, fallback);
    }

    /**
     * Every role of every team with no channel target on any of {@code platforms}, by its key path in the routing
     * file ({@code organisations[0].teams[1].roles.governance_lead.channel}): notices to it would reach nobody.
     */
    public List<String> channelsWithoutTargetOn(Set<Platform> platforms) {
        List<String> missing = new ArrayList<>();
        for (int o = 0; o < organisations.size(); o++) {
            List<Team> teams = organisations.get(o).teams();
            for (int t = 0; t < teams.size(); t++) {
                for (Role role : Role.values()) {
                    Channel channel = teams.get(t).route(role).channel();
                    if (platforms.stream().noneMatch(p -> channel.target(p).isPresent())) {
                        missing.add("organisations[" + o + "].teams[" + t + "].roles." + role.id() + ".channel");
                    }
                }
            }
        }
        return missing;
    }

    /** The configured rounds after the backup for an urgency, else {@code fallback} (the triage definition's default). */
    public int rounds(Urgency urgency, int fallback) {
        return rounds.getOrDefault(urgency, fallback);
    }
}
