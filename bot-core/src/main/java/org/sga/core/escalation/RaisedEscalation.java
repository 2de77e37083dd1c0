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
 * @param roles the roles notified, in routing order
 * @param undeliverable roles routed but with no channel on the reporter's platform, so not notified
 * @param withheld roles that must receive nothing (the manager when the manager route is closed)
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
        List<Role> withheld) {

    private static final String VERSION = "1";

    public RaisedEscalation {
        Check.keyPart(reference, "reference", 64);
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        actionCodes = List.copyOf(actionCodes);
        Objects.requireNonNull(reporter, "reporter");
        roles = List.copyOf(roles);
        undeliverable = List.copyOf(undeliverable);
        withheld = List.copyOf(withheld);
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
     * A role notified on one platform: the target it was sent to, its backup target there (null when the role has
     * none on that platform, or only the withheld manager's), who may acknowledge per platform (none listed: anyone),
     * and the SHA-256 of the notice sent.
     */
    public record NotifiedRole(Role role, Platform platform, String target, String backupTarget,
            Map<Platform, Set<String>> acknowledgers, String messageSha256) {

        public NotifiedRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(target, "target");
            Map<Platform, Set<String>> copy = new EnumMap<>(Platform.class);
            acknowledgers.forEach((p, ids) -> copy.put(p, Set.copyOf(ids)));
            acknowledgers = Map.copyOf(copy);
            Objects.requireNonNull(messageSha256, "messageSha256");
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
                .append("{\"v\":").append(Json.str(VERSION))
                .append(",\"ref\":").append(Json.str(reference))
                .append(",\"team\":").append(Json.str(teamId))
                .append(",\"zone\":").append(Json.str(zone.getId()))
                .append(",\"at\":").append(Json.str(at.toString()))
                .append(",\"inside_office_hours\":").append(insideOfficeHours)
                .append(",\"urgency\":").append(Json.str(urgency.name()))
                .append(",\"acknowledge_by\":").append(Json.str(acknowledgeBy.toString()))
                .append(",\"concern\":").append(Json.str(concern))
                .append(",\"answers\":{")
                .append(answers.entrySet().stream().map(e -> Json.str(e.getKey()) + ":" + Json.str(e.getValue()))
                        .collect(Collectors.joining(",")))
                .append("},\"actions\":").append(Json.strings(actionCodes))
                .append(",\"reporter\":{\"platform\":").append(Json.str(reporter.platform().id()))
                .append(",\"id\":").append(Json.str(reporter.userId()))
                .append(",\"conversation\":").append(Json.str(reporter.conversationId()))
                .append("},\"note\":").append(notePresent)
                .append(",\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            NotifiedRole r = roles.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"role\":").append(Json.str(r.role().id()))
                    .append(",\"platform\":").append(Json.str(r.platform().id()))
                    .append(",\"target\":").append(Json.str(r.target()))
                    .append(",\"backup\":").append(Json.str(r.backupTarget()))
                    .append(",\"acknowledgers\":{")
                    .append(r.acknowledgers().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> Json.str(e.getKey().id()) + ":" + Json.strings(e.getValue().stream().sorted().toList()))
                            .collect(Collectors.joining(",")))
                    .append("},\"message_sha256\":").append(Json.str(r.messageSha256()))
                    .append('}');
        }
        return json.append("],\"undeliverable\":").append(Json.strings(ids(undeliverable)))
                .append(",\"withheld\":").append(Json.strings(ids(withheld)))
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
                roles.add(new NotifiedRole(role(r.get("role")), platform(r.get("platform"), r.get("platform").text()),
                        r.get("target").text(), r.get("backup").optionalText().orElse(null), acknowledgers,
                        r.get("message_sha256").text()));
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
                    root.get("withheld").items().stream().map(RaisedEscalation::role).toList());
        } catch (YamlProblem | DateTimeException e) {
            throw new IllegalArgumentException("not an escalation record: " + e.getMessage(), e);
        }
    }

    private static Role role(YamlNode node) {
        return Role.fromId(node.text()).orElseThrow(() -> node.problem("unknown role"));
    }

    private static Platform platform(YamlNode node, String id) {
        return Platform.fromId(id).orElseThrow(() -> node.problem("unknown platform '" + id + "'"));
    }

    private static List<String> ids(List<Role> roles) {
        return roles.stream().map(Role::id).toList();
    }
}
