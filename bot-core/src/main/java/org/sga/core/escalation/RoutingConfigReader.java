package org.sga.core.escalation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;
import org.sga.core.yaml.YamlNode;

/** Turns the YAML tree of a routing configuration into records; every error names its key path. */
final class RoutingConfigReader {

    private static final Set<String> PLATFORMS =
            Arrays.stream(Platform.values()).map(Platform::id).collect(Collectors.toUnmodifiableSet());
    /** A Slack channel id as Slack writes it: public (C…) or private (G…), upper case. */
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CG][A-Z0-9]+");
    /** A Slack user id: U… or, in Enterprise Grid, W…. */
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");
    /** A Teams channel's conversation id, as "Get link to channel" gives it once URL-decoded. */
    private static final Pattern TEAMS_CHANNEL = Pattern.compile("19:\\S+@thread\\.\\S+");

    private final YamlNode root;

    RoutingConfigReader(YamlNode root) {
        this.root = root;
    }

    RoutingConfig read() {
        root.allowOnly(Set.of("organisations", "default_team", "acknowledge_within"));
        List<Organisation> organisations = new ArrayList<>();
        Map<String, String> teamPaths = new HashMap<>();
        List<YamlNode> items = root.get("organisations").items();
        if (items.isEmpty()) {
            throw root.get("organisations").problem("missing");
        }
        for (YamlNode node : items) {
            node.allowOnly(Set.of("id", "name", "teams"));
            String id = node.get("id").text();
            List<Team> teams = new ArrayList<>();
            for (YamlNode teamNode : node.get("teams").items()) {
                Team team = team(teamNode, id);
                String before = teamPaths.putIfAbsent(team.id(), teamNode.path());
                if (before != null) {
                    throw teamNode.get("id").problem("team id '" + team.id() + "' is already used at " + before);
                }
                teams.add(team);
            }
            if (teams.isEmpty()) {
                throw node.get("teams").problem("missing");
            }
            organisations.add(new Organisation(id, node.get("name").optionalText().orElse(id), teams));
        }
        YamlNode defaultTeam = root.get("default_team");
        String defaultTeamId = defaultTeam.optionalText().orElse(organisations.getFirst().teams().getFirst().id());
        if (!teamPaths.containsKey(defaultTeamId)) {
            throw defaultTeam.problem("no team '" + defaultTeamId + "'");
        }
        return new RoutingConfig(organisations, defaultTeamId, acknowledgeWithin(root.get("acknowledge_within")));
    }

    private Team team(YamlNode node, String organisationId) {
        node.allowOnly(Set.of("id", "name", "members", "office_hours", "roles"));
        String id = node.get("id").text();
        YamlNode rolesNode = node.get("roles");
        Map<Role, RoleRoute> roles = new EnumMap<>(Role.class);
        rolesNode.entries().forEach((name, roleNode) -> {
            Role role = Role.fromId(name).orElseThrow(() -> roleNode.problem("unknown role (roles: "
                    + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")) + ")"));
            roles.put(role, roleRoute(roleNode));
        });
        for (Role role : Role.values()) {
            if (!roles.containsKey(role)) {
                throw rolesNode.get(role.id()).problem("missing");
            }
        }
        requireManagerUnreachableThroughOthers(rolesNode, roles);
        return new Team(id, node.get("name").optionalText().orElse(id), organisationId, users(node.get("members")),
                officeHours(node.get("office_hours")), roles);
    }

    /**
     * When the concern is about the manager, every other role is still notified and may fall back to its backup;
     * if any of those reached the manager's own channel, the subject of the concern would receive it.
     */
    private static void requireManagerUnreachableThroughOthers(YamlNode rolesNode, Map<Role, RoleRoute> roles) {
        Channel manager = roles.get(Role.MANAGER).channel();
        roles.forEach((role, route) -> {
            if (role == Role.MANAGER) {
                return;
            }
            if (route.channel().sharesTargetWith(manager)) {
                throw rolesNode.get(role.id()).get("channel").problem("shares a target with roles.manager.channel;"
                        + " a concern about the manager would reach them");
            }
            if (route.backup().sharesTargetWith(manager)) {
                throw rolesNode.get(role.id()).get("backup").problem("shares a target with roles.manager.channel;"
                        + " a concern about the manager would reach them");
            }
        });
    }

    private static RoleRoute roleRoute(YamlNode node) {
        node.allowOnly(Set.of("channel", "backup", "acknowledgers"));
        return new RoleRoute(channel(node.get("channel")), channel(node.get("backup")),
                users(node.get("acknowledgers")));
    }

    private static Channel channel(YamlNode node) {
        if (!node.isPresent()) {
            throw node.problem("missing");
        }
        node.allowOnly(PLATFORMS);
        Map<Platform, String> targets = new EnumMap<>(Platform.class);
        node.entries().forEach((platform, target) -> {
            Platform p = Platform.fromId(platform).orElseThrow();
            targets.put(p, channelId(p, target));
        });
        if (targets.isEmpty()) {
            throw node.problem("no targets (give at least one of " + String.join(", ", PLATFORMS.stream().sorted().toList()) + ")");
        }
        return new Channel(targets);
    }

    /**
     * A role's target as the platform's id, or a problem naming the key. Channels are compared as ids (the manager's
     * channel must not be reachable through another role), and Slack would resolve a name to the channel anyway: a name,
     * or an id in the wrong case, would slip past that comparison while still reaching the same people.
     */
    private static String channelId(Platform platform, YamlNode node) {
        String target = node.text().strip();
        switch (platform) {
            case SLACK -> {
                if (SLACK_CHANNEL.matcher(target).matches()) {
                    return target;
                }
                String upper = target.toUpperCase(java.util.Locale.ROOT);
                if (SLACK_CHANNEL.matcher(upper).matches() && target.chars().anyMatch(Character::isDigit)) {
                    throw node.problem("'" + target + "' is not a Slack channel id as Slack writes it: ids are upper case"
                            + " (did you mean '" + upper + "'?)");
                }
                throw node.problem("'" + target + "' is a channel name, not an id: give the channel's id (C… or G…,"
                        + " shown at the bottom of the channel's details in Slack)");
            }
            case TEAMS -> {
                if (!TEAMS_CHANNEL.matcher(target).matches()) {
                    throw node.problem("'" + target + "' is not a Teams channel id: give the id from the channel's"
                            + " link, URL-decoded (19:…@thread.tacv2)");
                }
                return target;
            }
            default -> {
                return target;
            }
        }
    }

    private static Map<Platform, Set<String>> users(YamlNode node) {
        node.allowOnly(PLATFORMS);
        Map<Platform, Set<String>> users = new EnumMap<>(Platform.class);
        node.entries().forEach((platform, ids) -> {
            Platform p = Platform.fromId(platform).orElseThrow();
            Set<String> listed = new LinkedHashSet<>();
            for (YamlNode id : ids.items()) {
                String user = id.text().strip();
                if (p == Platform.SLACK && !SLACK_USER.matcher(user).matches()) {
                    // A name or @handle would never match anyone, leaving the role without the people meant for it.
                    throw id.problem("'" + user + "' is not a Slack user id: give the member's id (U… or W…, from"
                            + " their profile's \"Copy member ID\")");
                }
                listed.add(user);
            }
            users.put(p, listed);
        });
        return users;
    }

    private static OfficeHours officeHours(YamlNode node) {
        OfficeHours defaults = OfficeHours.defaults();
        if (!node.isPresent()) {
            return defaults;
        }
        node.allowOnly(Set.of("days", "start", "end", "time_zone", "bank_holidays", "extra_bank_holidays",
                "not_bank_holidays"));
        Set<DayOfWeek> days = node.get("days").isPresent() ? days(node.get("days")) : defaults.days();
        if (days.isEmpty()) {
            throw node.get("days").problem("no days");
        }
        LocalTime start = node.get("start").isPresent() ? time(node.get("start")) : defaults.start();
        LocalTime end = node.get("end").isPresent() ? time(node.get("end")) : defaults.end();
        if (!start.isBefore(end)) {
            throw node.get("end").problem(end + " is not after start " + start
                    + " (office hours across midnight are not supported)");
        }
        ZoneId zone = defaults.zone();
        YamlNode zoneNode = node.get("time_zone");
        if (zoneNode.isPresent()) {
            try {
                zone = ZoneId.of(zoneNode.text());
            } catch (DateTimeException e) {
                throw zoneNode.problem("unknown time zone '" + zoneNode.text() + "' (write e.g. Europe/London)");
            }
        }
        YamlNode regionNode = node.get("bank_holidays");
        BankHolidays.Region region = regionNode.isPresent()
                ? BankHolidays.Region.fromId(regionNode.text()).orElseThrow(() -> regionNode.problem(
                        "unknown region '" + regionNode.text() + "' (regions: england-and-wales, none)"))
                : BankHolidays.Region.ENGLAND_AND_WALES;
        BankHolidays holidays = new BankHolidays(region, dates(node.get("extra_bank_holidays")),
                dates(node.get("not_bank_holidays")));
        return new OfficeHours(days, start, end, zone, holidays);
    }

    private static Set<DayOfWeek> days(YamlNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (YamlNode item : node.items()) {
            String text = item.text().toUpperCase(Locale.ROOT);
            DayOfWeek day = Arrays.stream(DayOfWeek.values())
                    .filter(d -> text.length() >= 3 && d.name().startsWith(text))
                    .findFirst()
                    .orElseThrow(() -> item.problem("'" + item.text() + "' is not a day (write e.g. monday or mon)"));
            days.add(day);
        }
        return days;
    }

    private static LocalTime time(YamlNode node) {
        String text = node.text();
        if (!text.matches("\\d{2}:\\d{2}")) {
            throw node.problem("'" + text + "' is not a time (write HH:MM, e.g. 09:00)");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw node.problem("'" + text + "' is not a time (write HH:MM, e.g. 09:00)");
        }
    }

    private static Set<LocalDate> dates(YamlNode node) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (YamlNode item : node.items()) {
            try {
                dates.add(LocalDate.parse(item.text()));
            } catch (DateTimeParseException e) {
                throw item.problem("'" + item.text() + "' is not a date (write YYYY-MM-DD)");
            }
        }
        return dates;
    }

    private static Map<Urgency, Duration> acknowledgeWithin(YamlNode node) {
        Map<Urgency, Duration> deadlines = new EnumMap<>(Urgency.class);
        node.entries().forEach((name, value) -> {
            Urgency urgency = Arrays.stream(Urgency.values()).filter(u -> u.name().equals(name)).findFirst()
                    .orElseThrow(() -> value.problem("unknown urgency (urgencies: "
                            + Arrays.toString(Urgency.values()) + ")"));
            deadlines.put(urgency, value.duration());
        });
        return deadlines;
    }
}
