package org.sga.core.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
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

/**
 * Raises escalations: picks the reporter's team, routes the outcome, renders one notice per role and records the
 * {@code escalation.raised} audit entry with one outbox row per role in one transaction. Nothing is sent here; the
 * outbox worker delivers later, so the audit trail always has the escalation before anyone receives it.
 */
public final class EscalationService implements EscalationRaiser {

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

    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock) {
        this(config, definition, store, records, clock, new References());
    }

    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock, References references) {
        this(config, definition, store, records, clock, references, EscalationEvents.NONE);
    }

    /** With {@code events} told of each escalation recorded. */
    public EscalationService(RoutingConfig config, TriageDefinition definition, EscalationStore store,
            EscalationRecords records, Clock clock, References references, EscalationEvents events) {
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
                if (!store.recordOutcome(prepared.audit(), prepared.rows()).duplicate()) {
                    events.raised(reporter.platform().id(), outcome.urgency().name(), prepared.rows().size());
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

    private record Prepared(AuditEntry audit, List<OutboxRow> rows, Raised raised) {
    }

    private Prepared prepare(String ref, Team team, TriageOutcome outcome, Reporter reporter, String note, Instant at) {
        Routing routing = router.route(outcome, team.id(), at);
        ZoneId zone = team.officeHours().zone();
        Platform platform = reporter.platform();
        List<EscalationMessage.Answered> answers = answersInShort(outcome.answers());
        List<EscalationMessage.ActionList> actions = outcome.actionGroups().stream()
                .map(g -> new EscalationMessage.ActionList(g.noticeHeading(), g.actions().stream().map(Action::title).toList()))
                .toList();
        List<OutboxRow> rows = new ArrayList<>();
        List<RoutedRole> notified = new ArrayList<>();
        List<RaisedEscalation.NotifiedRole> recorded = new ArrayList<>();
        List<Role> undeliverable = new ArrayList<>();
        for (RoutedRole role : routing.roles()) {
            Optional<String> target = role.channel().target(platform);
            if (target.isEmpty()) {
                // Another platform's channel would reach people the reporter cannot see or follow up with; the
                // reporter is told to contact the role directly instead.
                undeliverable.add(role.role());
                continue;
            }
            String text = new EscalationMessage(ref, role.role(), outcome.urgency(), outcome.concern(), answers, actions,
                    shown(reporter), at.atZone(zone), routing.acknowledgeBy().atZone(zone), note).text();
            rows.add(new OutboxRow(ref, role.role().id(), OutboxRow.INITIAL, platform.id(), target.get(), text,
                    outcome.urgency().name(), at, routing.acknowledgeBy()));
            notified.add(role);
            recorded.add(new RaisedEscalation.NotifiedRole(role.role(), platform, target.get(),
                    role.backup().target(platform).orElse(null), role.acknowledgers(), Sha256.hex(text)));
        }
        RaisedEscalation escalation = new RaisedEscalation(ref, team.id(), zone, at, routing.insideOfficeHours(),
                outcome.urgency(), routing.acknowledgeBy(), outcome.concern(), outcome.answers(), outcome.actionCodes(),
                new RaisedEscalation.ReporterAddress(platform, reporter.userId(), reporter.conversationId()),
                note != null, recorded, undeliverable, List.copyOf(outcome.withheldRoles()));
        Routing delivered = new Routing(routing.teamId(), at, routing.insideOfficeHours(), routing.urgency(),
                routing.acknowledgeWithin(), notified);
        return new Prepared(new AuditEntry(EscalationRecords.RAISED, ref, escalation.toJson(), at), rows,
                new Raised(ref, delivered, undeliverable));
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
            Map<Platform, String> backup = new EnumMap<>(Platform.class);
            r.backup().ifPresent(b -> backup.put(r.platform(), b));
            return new RoutedRole(r.role(), new Channel(Map.of(r.platform(), r.target())), new Channel(backup),
                    r.acknowledgers());
        }).toList();
        Routing routing = new Routing(existing.teamId(), existing.at(), existing.insideOfficeHours(), existing.urgency(),
                Duration.between(existing.at(), existing.acknowledgeBy()), roles);
        return new Raised(existing.reference(), routing, existing.undeliverable());
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
