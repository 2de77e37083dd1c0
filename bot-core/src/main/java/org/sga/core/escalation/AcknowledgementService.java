package org.sga.core.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditEntry;
import org.sga.core.store.UnitOfWork;
import org.sga.core.triage.Role;

/**
 * Acknowledges escalations on behalf of a role. Who may acknowledge is read from the escalation's audit record (as
 * routed when it was raised); the first acknowledgement of a role wins, stops the chase, is audited, and queues a
 * notice to the reporter saying who acknowledged and when, all in one transaction.
 */
public final class AcknowledgementService {

    /** The role of outbox rows that go back to the reporter. */
    public static final String REPORTER = "reporter";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEE d MMM", Locale.UK);

    private final EscalationRecords records;
    private final Acknowledgements acknowledgements;
    private final EscalationStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EscalationEvents events;

    public AcknowledgementService(EscalationRecords records, Acknowledgements acknowledgements, EscalationStore store,
            UnitOfWork unitOfWork, Clock clock) {
        this(records, acknowledgements, store, unitOfWork, clock, EscalationEvents.NONE);
    }

    /** With {@code events} told of each first acknowledgement of a role. */
    public AcknowledgementService(EscalationRecords records, Acknowledgements acknowledgements, EscalationStore store,
            UnitOfWork unitOfWork, Clock clock, EscalationEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.records = Objects.requireNonNull(records, "records");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
        this.store = Objects.requireNonNull(store, "store");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Acknowledges escalation {@code reference} for {@code role} as {@code userId} on {@code platform}.
     *
     * @param reference as typed; case and surrounding spaces do not matter
     * @param role a role id (e.g. {@code safeguarding_lead}), or null/blank for the one role this person may
     *     acknowledge that is still waiting ({@link AcknowledgementOutcome.Status#ROLE_REQUIRED} when there are several)
     */
    public AcknowledgementOutcome acknowledge(String reference, String role, Platform platform, String userId) {
        Objects.requireNonNull(platform, "platform");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is missing");
        }
        String ref = References.normalise(reference);
        Optional<RaisedEscalation> found = ref.isEmpty() || ref.indexOf('/') >= 0 ? Optional.empty() : records.find(ref);
        if (found.isEmpty()) {
            return new AcknowledgementOutcome(AcknowledgementOutcome.Status.UNKNOWN_ESCALATION, ref, null, null, List.of(),
                    OfficeHours.LONDON);
        }
        RaisedEscalation escalation = found.get();
        if (role == null || role.isBlank()) {
            return acknowledgeWaiting(escalation, platform, userId);
        }
        Optional<RaisedEscalation.NotifiedRole> notified = Role.fromId(role.strip().toLowerCase(Locale.ROOT))
                .flatMap(escalation::role);
        if (notified.isEmpty()) {
            return outcome(AcknowledgementOutcome.Status.ROLE_NOT_NOTIFIED, escalation,
                    Role.fromId(role.strip().toLowerCase(Locale.ROOT)).orElse(null), null);
        }
        if (!notified.get().mayAcknowledge(platform, userId)) {
            return outcome(AcknowledgementOutcome.Status.NOT_ALLOWED, escalation, notified.get().role(), null);
        }
        return acknowledge(escalation, notified.get(), platform, userId);
    }

    /** The roles of an escalation this person may acknowledge and nobody has yet, in routing order. */
    public List<Role> awaiting(String reference, Platform platform, String userId) {
        return records.find(References.normalise(reference))
                .map(e -> waitingFor(e, platform, userId))
                .orElse(List.of());
    }

    private AcknowledgementOutcome acknowledgeWaiting(RaisedEscalation escalation, Platform platform, String userId) {
        List<RaisedEscalation.NotifiedRole> allowed = escalation.roles().stream()
                .filter(r -> r.mayAcknowledge(platform, userId))
                .toList();
        if (allowed.isEmpty()) {
            return outcome(AcknowledgementOutcome.Status.NOT_ALLOWED, escalation, null, null);
        }
        List<Role> waiting = waitingFor(escalation, platform, userId);
        if (waiting.size() > 1) {
            return new AcknowledgementOutcome(AcknowledgementOutcome.Status.ROLE_REQUIRED, escalation.reference(), null,
                    null, waiting, escalation.zone());
        }
        Role chosen = waiting.isEmpty() ? allowed.getFirst().role() : waiting.getFirst();
        return acknowledge(escalation, escalation.role(chosen).orElseThrow(), platform, userId);
    }

    private List<Role> waitingFor(RaisedEscalation escalation, Platform platform, String userId) {
        return escalation.roles().stream()
                .filter(r -> r.mayAcknowledge(platform, userId))
                .map(RaisedEscalation.NotifiedRole::role)
                .filter(r -> acknowledgements.find(escalation.reference(), r.id()).isEmpty())
                .toList();
    }

    private AcknowledgementOutcome acknowledge(RaisedEscalation escalation, RaisedEscalation.NotifiedRole role,
            Platform platform, String userId) {
        Instant at = clock.instant();
        // The platform is part of who acknowledged: the same id can mean different people on Slack and Teams.
        String by = platform.id() + ":" + userId;
        AcknowledgeResult result = unitOfWork.inTransaction(() -> {
            AcknowledgeResult first = acknowledgements.acknowledge(escalation.reference(), role.role().id(), by, at);
            if (first.first()) {
                Optional<OutboxRow> toReporter = reporterNotice(escalation, role.role(), first.standing());
                String payload = "{\"role\":" + Json.str(role.role().id())
                        + ",\"by\":" + Json.str(by)
                        + ",\"at\":" + Json.str(first.standing().at().toString())
                        + ",\"reporter_told\":" + toReporter.isPresent()
                        + ",\"message_sha256\":" + Json.str(toReporter.map(r -> Sha256.hex(r.payload())).orElse(null))
                        + "}";
                store.recordOutcome(new AuditEntry(EscalationRecords.ACKNOWLEDGED, escalation.reference(), payload, at),
                        toReporter.stream().toList());
            }
            return first;
        });
        if (result.first()) {
            events.acknowledged(role.role().id());
        }
        return outcome(result.first() ? AcknowledgementOutcome.Status.ACCEPTED
                : AcknowledgementOutcome.Status.ALREADY_ACKNOWLEDGED, escalation, role.role(), result.standing());
    }

    private static Optional<OutboxRow> reporterNotice(RaisedEscalation escalation, Role role, Acknowledgement ack) {
        return escalation.reporter().conversation().map(conversation -> new OutboxRow(escalation.reference(), REPORTER,
                "ack-" + role.id(), escalation.reporter().platform().id(), conversation,
                "Your escalation " + escalation.reference() + ": " + RoleTitles.of(role) + " acknowledged it (" + ack.userId()
                        + ") at " + TIME.format(ack.at().atZone(escalation.zone())) + ".",
                escalation.urgency().name(), ack.at(), null));
    }

    private static AcknowledgementOutcome outcome(AcknowledgementOutcome.Status status, RaisedEscalation escalation,
            Role role, Acknowledgement acknowledgement) {
        return new AcknowledgementOutcome(status, escalation.reference(), role, acknowledgement, List.of(),
                escalation.zone());
    }
}
