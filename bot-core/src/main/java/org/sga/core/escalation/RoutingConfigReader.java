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
        root.allowOnly(Set.of("organisations", "default_team", "acknowledge_within", "rounds"));
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
        return new RoutingConfig(organisations, defaultTeamId, acknowledgeWithin(root.get("acknowledge_within")),
                rounds(root.get("rounds")));
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
        Team team = new Team(id, node.get("name").optionalText().orElse(id), organisationId, users(node.get("members")),
                officeHours(node.get("office_hours")), roles);
        requireSubjectsUnreachableThroughOthers(rolesNode, team);
        return team;
    }

    /**
     * When the concern is about the manager (or the DSL), every other role is still notified and may fall back to its
     * backup; if any of those reached the subject's own channel, the subject of the concern would receive it.
     */
    private static void requireSubjectsUnreachableThroughOthers(YamlNode rolesNode, Team team) {
        for (Role subject : List.of(Role.MANAGER, Role.SAFEGUARDING_LEAD)) {
            List<Channel> closed = team.subjectChannels(subject);
            List<String> closedKeys = subject == Role.SAFEGUARDING_LEAD
                    ? List.of("roles.safeguarding_lead.channel", "roles.safeguarding_lead.backup")
                    : List.of("roles.manager.channel");
            for (Role role : Role.values()) {
                RoleRoute route = team.route(role);
                if (role == subject) {
                    continue;
                }
                for (int i = 0; i < closed.size(); i++) {
                    String why = "shares a target with " + closedKeys.get(i) + "; a concern about the "
                            + (subject == Role.MANAGER ? "manager" : "DSL or a deputy") + " would reach them";
                    if (route.channel().sharesTargetWith(closed.get(i))) {
                        throw rolesNode.get(role.id()).get("channel").problem(why);
                    }
                    if (route.backup().sharesTargetWith(closed.get(i))) {
                        throw rolesNode.get(role.id()).get("backup").problem(why);
                    }
                }
            }
        }
    }

    private static RoleRoute roleRoute(YamlNode node) {
        node.allowOnly(Set.of("channel", "backup", "acknowledgers", "name", "phone", "hours"));
        YamlNode backup = node.get("backup");
        return new RoleRoute(channel(node.get("channel"), Set.of()), channel(backup, CONTACT_KEYS),
                users(node.get("acknowledgers")), contact(node, true), contact(backup, false));
    }

    /** A backup may carry a name and a phone number beside its targets. */
    private static final Set<String> CONTACT_KEYS = Set.of("name", "phone");

    private static Contact contact(YamlNode node, boolean withHours) {
        if (!node.isPresent()) {
            return Contact.NONE;
        }
        YamlNode phone = node.get("phone");
        return new Contact(node.get("name").optionalText().orElse(null),
                phone.isPresent() ? phoneNumber(phone) : null,
                withHours ? node.get("hours").optionalText().orElse(null) : null);
    }

    /**
     * Digits with spaces, brackets or hyphens between them and an optional leading +, 7 to 15 digits (E.164 allows
     * at most 15): the reporter dials what is shown, so anything else is refused rather than shown.
     */
    static String phoneNumber(YamlNode node) {
        String text = node.text().strip();
        long digits = text.chars().filter(Character::isDigit).count();
        if (!text.matches("\\+?[0-9(][0-9 ()-]*[0-9]") || digits < 7 || digits > 15) {
            throw node.problem("'" + text + "' is not a phone number (write digits with spaces, and + first for an"
                    + " international number, e.g. 01632 960123 or +44 1632 960123)");
        }
        return text;
    }

    private static Channel channel(YamlNode node, Set<String> otherKeys) {
        if (!node.isPresent()) {
            throw node.problem("missing");
        }
        Set<String> allowed = new java.util.HashSet<>(PLATFORMS);
        allowed.addAll(otherKeys);
        node.allowOnly(allowed);
        Map<Platform, String> targets = new EnumMap<>(Platform.class);
        // Other keys (a name, a phone number) sit beside the platforms' targets.
        node.entries().forEach((key, target) -> Platform.fromId(key).ifPresent(p -> targets.put(p, channelId(p, target))));
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

    /** Rounds after the backup per urgency; only EMERGENCY and URGENT go on after the backup (TRIAGE.md). */
    private static Map<Urgency, Integer> rounds(YamlNode node) {
        Map<Urgency, Integer> rounds = new EnumMap<>(Urgency.class);
        node.entries().forEach((name, value) -> {
            Urgency urgency = urgency(name, value);
            if (urgency == Urgency.STANDARD) {
                throw value.problem("a STANDARD escalation is not chased after its backup (TRIAGE.md); leave it out");
            }
            int count;
            try {
                count = Integer.parseInt(value.text().strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_ROUNDS) {
                throw value.problem("'" + value.text() + "' is not a number of rounds from 1 to " + MAX_ROUNDS);
            }
            rounds.put(urgency, count);
        });
        return rounds;
    }

    /** More would only repeat the same notices to the same people for hours; the reporter is told to phone instead. */
    private static final int MAX_ROUNDS = 10;

    private static Map<Urgency, Duration> acknowledgeWithin(YamlNode node) {
        Map<Urgency, Duration> deadlines = new EnumMap<>(Urgency.class);
        node.entries().forEach((name, value) -> deadlines.put(urgency(name, value), value.duration()));
        return deadlines;
    }

    /** The urgency a key of a per-urgency map names; {@code value} is the node a problem points at. */
    private static Urgency urgency(String name, YamlNode value) {
        return Arrays.stream(Urgency.values()).filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> value.problem("unknown urgency (urgencies: " + Arrays.toString(Urgency.values()) + ")"));
    }
}
