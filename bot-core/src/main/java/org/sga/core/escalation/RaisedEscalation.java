package org.sga.core.escalation;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;
import org.sga.core.values.Check;
import org.sga.core.values.JsonText;
import org.sga.core.yaml.YamlNode;
import org.sga.core.yaml.YamlProblem;

/**
 * An escalation as its {@code escalation.raised} audit record keeps it: where each role was notified, its backup and
 * who may acknowledge for it, all as routed when it was raised, so that a later change of the routing configuration
 * cannot send a re-escalation somewhere the router had ruled out (the manager when the manager route was closed).
 * The record never holds the note or any other free text: only whether a note was given, and a hash of each notice.
 *
 * @param concern the label of the concern category, or null
 * @param answers question id to answer value, in question order
 * @param roles every role routed, in routing order; one with no channel on a connected platform has no target and is
 *     chased from its backup at once
 * @param undeliverable the routed roles whose first notice could not be queued (no channel on a connected platform)
 * @param withheld roles that must receive nothing (the manager when the manager route is closed, the DSL when the
 *     DSL is the subject)
 * @param rounds how often role and backup are notified again after the backup's own deadline, as routed
 */
public record RaisedEscalation(
        String reference,
        String teamId,
        ZoneId zone,
        Instant at,
        boolean insideOfficeHours,
        Urgency urgency,
        Instant acknowledgeBy,
        String concern,
        Map<String, String> answers,
        List<String> actionCodes,
        ReporterAddress reporter,
        boolean notePresent,
        List<NotifiedRole> roles,
        List<Role> undeliverable,
        List<Role> withheld,
        int rounds) {

    private static final String VERSION = "1";

    public RaisedEscalation {
        Check.keyPart(reference, "reference", 64);
        Check.present("teamId, zone, at, urgency, acknowledgeBy", teamId, zone, at, urgency, acknowledgeBy);
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        actionCodes = List.copyOf(actionCodes);
        Objects.requireNonNull(reporter, "reporter");
        roles = List.copyOf(roles);
        undeliverable = List.copyOf(undeliverable);
        withheld = List.copyOf(withheld);
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative");
        }
    }

    /** As recorded before escalations were chased in rounds: the backup only. */
    public RaisedEscalation(String reference, String teamId, ZoneId zone, Instant at, boolean insideOfficeHours,
            Urgency urgency, Instant acknowledgeBy, String concern, Map<String, String> answers, List<String> actionCodes,
            ReporterAddress reporter, boolean notePresent, List<NotifiedRole> roles, List<Role> undeliverable,
            List<Role> withheld) {
        this(reference, teamId, zone, at, insideOfficeHours, urgency, acknowledgeBy, concern, answers, actionCodes,
                reporter, notePresent, roles, undeliverable, withheld, 0);
    }

    /** How long each step of the chase waits for an acknowledgement: the first deadline's length. */
    public java.time.Duration acknowledgeWithin() {
        return java.time.Duration.between(at, acknowledgeBy);
    }

    /** Where the reporter talks to the bot, so they can be told who acknowledged; the conversation may be unknown. */
    public record ReporterAddress(Platform platform, String userId, String conversationId) {
        public ReporterAddress {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(userId, "userId");
        }

        public Optional<String> conversation() {
            return Optional.ofNullable(conversationId).filter(c -> !c.isBlank());
        }
    }

    /**
     * A role routed: the platform and target its first notice was sent to (both null when it has no channel on a
     * connected platform), where its backup is reached (null when it has none there, or only a withheld role's), who
     * may acknowledge per platform (none listed: anyone), the SHA-256 of the first notice (null when none was sent), and
     * the names and phone numbers the reporter is shown for the role and its backup.
     */
    public record NotifiedRole(Role role, Platform platform, String target, Platform backupPlatform, String backupTarget,
            Map<Platform, Set<String>> acknowledgers, String messageSha256, Contact contact, Contact backupContact) {

        public NotifiedRole {
            Objects.requireNonNull(role, "role");
            if ((platform == null) != (target == null) || (target == null) != (messageSha256 == null)) {
                throw new IllegalArgumentException("a role's platform, target and notice hash are given together");
            }
            if (backupTarget == null) {
                backupPlatform = null;
            } else if (backupPlatform == null) {
                backupPlatform = Objects.requireNonNull(platform, "backupPlatform");
            }
            Map<Platform, Set<String>> copy = new EnumMap<>(Platform.class);
            acknowledgers.forEach((p, ids) -> copy.put(p, Set.copyOf(ids)));
            acknowledgers = Map.copyOf(copy);
            contact = contact == null ? Contact.NONE : contact;
            backupContact = backupContact == null ? Contact.NONE : backupContact;
        }

        /** A role notified on one platform, its backup there, with no names or phone numbers. */
        public NotifiedRole(Role role, Platform platform, String target, String backupTarget,
                Map<Platform, Set<String>> acknowledgers, String messageSha256) {
            this(role, platform, target, platform, backupTarget, acknowledgers, messageSha256, Contact.NONE,
                    Contact.NONE);
        }

        /** Whether its first notice was queued: it has a channel on a connected platform. */
        public boolean reached() {
            return target != null;
        }

        public Optional<String> backup() {
            return Optional.ofNullable(backupTarget);
        }

        /**
         * With nobody listed on any platform, anyone who sees the notice may acknowledge. Once anyone is listed, only
         * those listed for the platform the acknowledgement comes from may: listing Slack users must not leave the
         * console, or Teams, open to all.
         */
        public boolean mayAcknowledge(Platform from, String userId) {
            if (acknowledgers.values().stream().allMatch(Set::isEmpty)) {
                return true;
            }
            return acknowledgers.getOrDefault(from, Set.of()).contains(userId);
        }
    }

    public Optional<NotifiedRole> role(Role role) {
        return roles.stream().filter(r -> r.role() == role).findFirst();
    }

    public List<Role> notifiedRoles() {
        return roles.stream().map(NotifiedRole::role).toList();
    }

    /** The audit payload: compact JSON, keys in a fixed order so equal escalations give equal text. */
    public String toJson() {
        StringBuilder json = new StringBuilder(512)
                .append("{\"v\":").append(JsonText.quote(VERSION))
                .append(",\"ref\":").append(JsonText.quote(reference))
                .append(",\"team\":").append(JsonText.quote(teamId))
                .append(",\"zone\":").append(JsonText.quote(zone.getId()))
                .append(",\"at\":").append(JsonText.quote(at.toString()))
                .append(",\"inside_office_hours\":").append(insideOfficeHours)
                .append(",\"urgency\":").append(JsonText.quote(urgency.name()))
                .append(",\"acknowledge_by\":").append(JsonText.quote(acknowledgeBy.toString()))
                .append(",\"concern\":").append(JsonText.quote(concern))
                .append(",\"answers\":{")
                .append(answers.entrySet().stream().map(e -> JsonText.quote(e.getKey()) + ":" + JsonText.quote(e.getValue()))
                        .collect(Collectors.joining(",")))
                .append("},\"actions\":").append(JsonText.array(actionCodes))
                .append(",\"reporter\":{\"platform\":").append(JsonText.quote(reporter.platform().id()))
                .append(",\"id\":").append(JsonText.quote(reporter.userId()))
                .append(",\"conversation\":").append(JsonText.quote(reporter.conversationId()))
                .append("},\"note\":").append(notePresent)
                .append(",\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            NotifiedRole r = roles.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"role\":").append(JsonText.quote(r.role().id()))
                    .append(",\"platform\":").append(JsonText.quote(r.platform() == null ? null : r.platform().id()))
                    .append(",\"target\":").append(JsonText.quote(r.target()))
                    .append(",\"backup_platform\":").append(JsonText.quote(r.backupPlatform() == null ? null : r.backupPlatform().id()))
                    .append(",\"backup\":").append(JsonText.quote(r.backupTarget()))
                    .append(",\"name\":").append(JsonText.quote(r.contact().name()))
                    .append(",\"phone\":").append(JsonText.quote(r.contact().phone()))
                    .append(",\"hours\":").append(JsonText.quote(r.contact().hours()))
                    .append(",\"backup_name\":").append(JsonText.quote(r.backupContact().name()))
                    .append(",\"backup_phone\":").append(JsonText.quote(r.backupContact().phone()))
                    .append(",\"acknowledgers\":{")
                    .append(r.acknowledgers().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> JsonText.quote(e.getKey().id()) + ":" + JsonText.array(e.getValue().stream().sorted().toList()))
                            .collect(Collectors.joining(",")))
                    .append("},\"message_sha256\":").append(JsonText.quote(r.messageSha256()))
                    .append('}');
        }
        return json.append("],\"undeliverable\":").append(JsonText.array(ids(undeliverable)))
                .append(",\"withheld\":").append(JsonText.array(ids(withheld)))
                .append(",\"rounds\":").append(rounds)
                .append('}')
                .toString();
    }

    /**
     * Reads an audit payload written by {@link #toJson()}. JSON is YAML, so the YAML reader the configuration uses
     * reads it, with every value as text.
     *
     * @throws IllegalArgumentException when the payload is not one
     */
    public static RaisedEscalation fromJson(String payload) {
        try {
            YamlNode root = YamlNode.parse(new StringReader(payload), "escalation record");
            String version = root.get("v").text();
            if (!VERSION.equals(version)) {
                throw new IllegalArgumentException("escalation record version " + version + " is not known");
            }
            YamlNode reporter = root.get("reporter");
            List<NotifiedRole> roles = new ArrayList<>();
            for (YamlNode r : root.get("roles").items()) {
                Map<Platform, Set<String>> acknowledgers = new EnumMap<>(Platform.class);
                r.get("acknowledgers").entries().forEach((p, ids) ->
                        acknowledgers.put(platform(ids, p), new LinkedHashSet<>(ids.texts())));
                Platform platform = optionalPlatform(r.get("platform"));
                roles.add(new NotifiedRole(role(r.get("role")), platform, r.get("target").optionalText().orElse(null),
                        r.get("backup_platform").isPresent() ? optionalPlatform(r.get("backup_platform")) : platform,
                        r.get("backup").optionalText().orElse(null), acknowledgers,
                        r.get("message_sha256").optionalText().orElse(null),
                        new Contact(text(r, "name"), text(r, "phone"), text(r, "hours")),
                        new Contact(text(r, "backup_name"), text(r, "backup_phone"), null)));
            }
            Map<String, String> answers = new LinkedHashMap<>();
            root.get("answers").entries().forEach((q, a) -> answers.put(q, a.text()));
            return new RaisedEscalation(
                    root.get("ref").text(),
                    root.get("team").text(),
                    ZoneId.of(root.get("zone").text()),
                    Instant.parse(root.get("at").text()),
                    Boolean.parseBoolean(root.get("inside_office_hours").text()),
                    Urgency.valueOf(root.get("urgency").text()),
                    Instant.parse(root.get("acknowledge_by").text()),
                    root.get("concern").optionalText().orElse(null),
                    answers,
                    root.get("actions").texts(),
                    new ReporterAddress(platform(reporter.get("platform"), reporter.get("platform").text()),
                            reporter.get("id").text(), reporter.get("conversation").optionalText().orElse(null)),
                    Boolean.parseBoolean(root.get("note").text()),
                    roles,
                    root.get("undeliverable").items().stream().map(RaisedEscalation::role).toList(),
                    root.get("withheld").items().stream().map(RaisedEscalation::role).toList(),
                    root.get("rounds").isPresent() ? Integer.parseInt(root.get("rounds").text()) : 0);
        } catch (YamlProblem | DateTimeException e) {
            throw new IllegalArgumentException("not an escalation record: " + e.getMessage(), e);
        }
    }

    private static Role role(YamlNode node) {
        return Role.fromId(node.text()).orElseThrow(() -> node.problem("unknown role"));
    }

    private static String text(YamlNode parent, String key) {
        return parent.get(key).optionalText().orElse(null);
    }

    private static Platform optionalPlatform(YamlNode node) {
        return node.optionalText().map(id -> platform(node, id)).orElse(null);
    }

    private static Platform platform(YamlNode node, String id) {
        return Platform.fromId(id).orElseThrow(() -> node.problem("unknown platform '" + id + "'"));
    }

    private static List<String> ids(List<Role> roles) {
        return roles.stream().map(Role::id).toList();
    }
}
