package org.sga.core.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditEntry;
import org.sga.core.triage.Action;
import org.sga.core.triage.AnswerOption;
import org.sga.core.triage.Question;
import org.sga.core.triage.Role;
import org.sga.core.triage.TriageDefinition;
import org.sga.core.triage.TriageOutcome;
import org.sga.core.values.Check;

/**
 * Raises escalations: picks the reporter's team, routes the outcome, renders one notice per role and records the
 * {@code escalation.raised} audit entry with one outbox row per role in one transaction. Nothing is sent here; the
 * outbox worker delivers later, so the audit trail always has the escalation before anyone receives it.
 *
 * <p>Each role is notified on the reporter's platform where it has a channel there, otherwise on another connected
 * platform. A role with no channel on any connected platform is never silently dropped: its backup is notified at
 * once, or, with no backup either, its chase starts already overdue so the reporter is told to phone; the escalation
 * stays open until someone acknowledges.
 */
public final class EscalationService implements EscalationRaiser {

    private static final System.Logger LOG = System.getLogger(EscalationService.class.getName());

    /** A fresh reference that is already taken is astronomically rare; more than this in a row means a fault. */
    private static final int MAX_REFERENCE_TRIES = 5;
    private static final int MAX_SHOWN_NAME = 100;

    private final RoutingConfig config;
    private final TriageDefinition definition;
    private final EscalationStore store;
    private final EscalationRecords records;
    private final Router router;
    private final EscalationEvents events;
    private final Clock clock;
    private final References references;
    private final Set<Platform> connected;

    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock) {
        this(config, definition, store, records, clock, new References());
    }

    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock, References references) {
        this(config, definition, store, records, clock, references, EscalationEvents.NONE);
    }

    /** With {@code events} told of each escalation recorded; every platform counts as connected. */
    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock, References references, EscalationEvents events) {
        this(config, definition, store, records, clock, references, events, Set.of());
    }

    /**
     * @param connected the platforms this deployment can post to; a role's channel on any other platform is never
     *     used. Empty: every platform.
     */
    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock, References references, EscalationEvents events,
            Set<Platform> connected) {
        this.connected = connected.isEmpty() ? EnumSet.allOf(Platform.class) : EnumSet.copyOf(connected);
        this.events = Objects.requireNonNull(events, "events");
        this.config = Objects.requireNonNull(config, "config");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.store = Objects.requireNonNull(store, "store");
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.references = Objects.requireNonNull(references, "references");
        this.router = new Router(config, clock);
    }

    /** Raises under a new reference; see {@link #raise(TriageOutcome, Reporter, String, String)}. */
    @Override
    public Raised raise(TriageOutcome outcome, Reporter reporter, String note) {
        return raise(outcome, reporter, note, newReference(reporter));
    }

    /**
     * Raises under {@code reference}, which the caller may have kept from an earlier attempt: when an escalation of
     * the same reporter and answers is already recorded under it (the earlier attempt did commit), nothing new is
     * written and that escalation is returned. When the reference belongs to a different escalation, a new one is
     * taken, so the returned {@link Raised#reference()} is the one to show.
     *
     * @param note the reporter's note, or null; at most {@link EscalationMessage#MAX_NOTE} characters
     * @throws IllegalArgumentException when the triage is not complete, the reporter is not known, or the note is too
     *     long; nothing is recorded then
     */
    @Override
    public Raised raise(TriageOutcome outcome, Reporter reporter, String note, String reference) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.complete()) {
            throw new IllegalArgumentException("the triage is not complete: " + outcome.nextQuestion() + " is unanswered");
        }
        requireReporter(reporter);
        String cleanNote = EscalationMessage.cleanNote(note);
        Team team = teamOf(reporter);
        String ref = Check.keyPart(References.normalise(reference), "reference", 64);
        for (int attempt = 1; attempt <= MAX_REFERENCE_TRIES; attempt++) {
            Optional<RaisedEscalation> existing = records.find(ref);
            if (existing.isEmpty()) {
                Prepared prepared = prepare(ref, team, outcome, reporter, cleanNote, clock.instant());
                if (!store.recordOutcome(prepared.audit(), prepared.rows(), prepared.awaited()).duplicate()) {
                    events.raised(reporter.platform().id(), outcome.urgency().name(), prepared.rows().size());
                    if (prepared.rows().isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: no role has a channel on a connected platform, so"
                                + " nobody could be notified; it stays open until someone acknowledges", ref);
                    } else if (!prepared.raised().undeliverable().isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: {1} could not be notified on a connected platform;"
                                + " their backup is notified instead where there is one", ref,
                                prepared.raised().undeliverable());
                    }
                    return prepared.raised();
                }
                // Every row already existed: another instance recorded this reference between our check and our
                // write. The next pass reads what it recorded and decides whether that was this escalation.
                continue;
            }
            if (sameEscalation(existing.get(), outcome, reporter, cleanNote != null)) {
                return raised(existing.get());
            }
            ref = references.next(clock.instant().atZone(team.officeHours().zone()).toLocalDate());
        }
        throw new IllegalStateException("no free escalation reference after " + MAX_REFERENCE_TRIES + " tries");
    }

    /** A new reference for this reporter's escalation, dated in their team's time zone; nothing is recorded. */
    @Override
    public String newReference(Reporter reporter) {
        requireReporter(reporter);
        return references.next(clock.instant().atZone(teamOf(reporter).officeHours().zone()).toLocalDate());
    }

    /** The reporter's first team on their platform, else the default team. */
    Team teamOf(Reporter reporter) {
        return config.teamsOf(reporter.platform(), reporter.userId()).stream().findFirst()
                .orElseGet(config::defaultTeam);
    }

    private record Prepared(AuditEntry audit, List<OutboxRow> rows, List<AwaitedAcknowledgement> awaited, Raised raised) {
    }

    /** Where a channel is reached: on the reporter's platform if it has a target there, else another connected one. */
    private record Address(Platform platform, String target) {
    }

    private Optional<Address> address(Channel channel, Platform preferred) {
        if (connected.contains(preferred) && channel.target(preferred).isPresent()) {
            return Optional.of(new Address(preferred, channel.target(preferred).get()));
        }
        for (Platform platform : Platform.values()) {
            if (connected.contains(platform) && channel.target(platform).isPresent()) {
                return Optional.of(new Address(platform, channel.target(platform).get()));
            }
        }
        return Optional.empty();
    }

    private Prepared prepare(String ref, Team team, TriageOutcome outcome, Reporter reporter, String note, Instant at) {
        Routing routing = router.route(outcome, team.id(), at);
        ZoneId zone = team.officeHours().zone();
        List<EscalationMessage.Answered> answers = answersInShort(outcome.answers());
        List<EscalationMessage.ActionList> actions = outcome.actionGroups().stream()
                .map(g -> new EscalationMessage.ActionList(g.noticeHeading(), g.actions().stream().map(Action::title).toList()))
                .toList();
        List<OutboxRow> rows = new ArrayList<>();
        List<AwaitedAcknowledgement> awaited = new ArrayList<>();
        List<RaisedEscalation.NotifiedRole> recorded = new ArrayList<>();
        List<Role> undeliverable = new ArrayList<>();
        List<Role> backupInstead = new ArrayList<>();
        for (RoutedRole role : routing.roles()) {
            Optional<Address> target = address(role.channel(), reporter.platform());
            Optional<Address> backup = address(role.backup(), reporter.platform());
            String text = new EscalationMessage(ref, role.role(), outcome.urgency(), outcome.concern(), answers, actions,
                    shown(reporter), at.atZone(zone), routing.acknowledgeBy().atZone(zone), note).text();
            String sha = null;
            if (target.isPresent()) {
                sha = Sha256.hex(text);
                rows.add(new OutboxRow(ref, role.role().id(), OutboxRow.INITIAL, target.get().platform().id(),
                        target.get().target(), text, outcome.urgency().name(), at, routing.acknowledgeBy()));
            } else if (backup.isPresent()) {
                undeliverable.add(role.role());
                backupInstead.add(role.role());
                // Nobody in the role can be reached: waiting for their deadline would only lose time.
                String toBackup = "NOTICE for " + RoleTitles.of(role.role()) + ", who cannot be reached on any connected"
                        + " platform, so it comes to you as their backup. Acknowledge for them with: ack " + ref + " "
                        + role.role().id() + "\n\n" + text;
                rows.add(new OutboxRow(ref, role.role().id(), OutboxRow.BACKUP, backup.get().platform().id(),
                        backup.get().target(), toBackup, outcome.urgency().name(), at, routing.acknowledgeBy()));
            } else {
                undeliverable.add(role.role());
                // The chase starts overdue: its next step finds nothing to send and tells the reporter to phone.
                awaited.add(new AwaitedAcknowledgement(ref, role.role().id(), OutboxRow.INITIAL, outcome.urgency().name(),
                        at));
            }
            recorded.add(new RaisedEscalation.NotifiedRole(role.role(),
                    target.map(Address::platform).orElse(null), target.map(Address::target).orElse(null),
                    backup.map(Address::platform).orElse(null), backup.map(Address::target).orElse(null),
                    role.acknowledgers(), sha, role.contact(), role.backupContact()));
        }
        RaisedEscalation escalation = new RaisedEscalation(ref, team.id(), zone, at, routing.insideOfficeHours(),
                outcome.urgency(), routing.acknowledgeBy(), outcome.concern(), outcome.answers(), outcome.actionCodes(),
                new RaisedEscalation.ReporterAddress(reporter.platform(), reporter.userId(), reporter.conversationId()),
                note != null, recorded, undeliverable, List.copyOf(outcome.withheldRoles()), routing.rounds());
        return new Prepared(new AuditEntry(EscalationRecords.RAISED, ref, escalation.toJson(), at), rows, awaited,
                new Raised(ref, routing, undeliverable, backupInstead));
    }

    private List<EscalationMessage.Answered> answersInShort(Map<String, String> answers) {
        List<EscalationMessage.Answered> shortened = new ArrayList<>();
        answers.forEach((id, value) -> {
            Optional<Question> question = definition.question(id);
            String prompt = question.map(Question::prompt).orElse(id);
            String label = question.flatMap(q -> q.options().stream().filter(o -> o.value().equals(value)).findFirst())
                    .map(AnswerOption::label)
                    .orElse(value);
            shortened.add(new EscalationMessage.Answered(prompt, label));
        });
        return shortened;
    }

    /** Same reporter, same answers, a note or none alike: a retry of the same report, not another report. */
    private static boolean sameEscalation(RaisedEscalation existing, TriageOutcome outcome, Reporter reporter,
            boolean notePresent) {
        RaisedEscalation.ReporterAddress by = existing.reporter();
        return by.platform() == reporter.platform()
                && by.userId().equals(reporter.userId())
                && Objects.equals(by.conversationId(), reporter.conversationId())
                && existing.answers().equals(outcome.answers())
                && existing.notePresent() == notePresent;
    }

    /** The escalation as it was recorded, whatever the routing configuration says now. */
    private static Raised raised(RaisedEscalation existing) {
        List<RoutedRole> roles = existing.roles().stream().map(r -> {
            Map<Platform, String> channel = new EnumMap<>(Platform.class);
            Map<Platform, String> backup = new EnumMap<>(Platform.class);
            if (r.reached()) {
                channel.put(r.platform(), r.target());
            }
            r.backup().ifPresent(b -> backup.put(r.backupPlatform(), b));
            return new RoutedRole(r.role(), new Channel(channel), new Channel(backup), r.acknowledgers(), r.contact(),
                    r.backupContact());
        }).toList();
        Routing routing = new Routing(existing.teamId(), existing.at(), existing.insideOfficeHours(), existing.urgency(),
                existing.acknowledgeWithin(), existing.rounds(), roles);
        List<Role> backupInstead = existing.roles().stream().filter(r -> !r.reached() && r.backup().isPresent())
                .map(RaisedEscalation.NotifiedRole::role).toList();
        return new Raised(existing.reference(), routing, existing.undeliverable(), backupInstead);
    }

    private static void requireReporter(Reporter reporter) {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reporter.platform(), "reporter.platform");
        if (reporter.userId() == null || reporter.userId().isBlank()) {
            throw new IllegalArgumentException("the reporter's user id is missing");
        }
    }

    /** The platform's name for the reporter, with their id so it can be checked; never longer than a line. */
    private static String shown(Reporter reporter) {
        String name = reporter.displayName() == null ? "" : reporter.displayName().replaceAll("\\p{Cc}", " ").strip();
        if (name.length() > MAX_SHOWN_NAME) {
            name = name.substring(0, MAX_SHOWN_NAME) + "…";
        }
        return name.isEmpty() || name.equals(reporter.userId()) ? reporter.userId() : name + " (" + reporter.userId() + ")";
    }
}
