package org.sga.core.escalation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sga.core.audit.AuditEntry;
import org.sga.core.store.UnitOfWork;
import org.sga.core.triage.Role;
import org.sga.core.values.JsonText;

/**
 * Who may acknowledge an escalation, decided once for every platform, and the acknowledgement itself.
 *
 * <p>A role's acknowledgers are the people listed for it in the routing (as recorded when the escalation was raised);
 * where nobody is listed, the members of the role's channel or of its backup's channel, asked of the platform now. The
 * reporter never acknowledges their own escalation. A button acknowledges only the escalation and role of the notice
 * it is on. A typed {@code ack} without a role is refused when the person may acknowledge more than one role.
 *
 * <p>The first acknowledgement of a role wins, stops the chase, is audited, and queues a notice to the reporter in one
 * transaction. Every refusal gets the same reply ({@link AcknowledgementOutcome#REFUSAL}); its reason is audited.
 */
public final class AcknowledgementPolicy implements Acknowledger {

    /** Audit reference of refusals naming no escalation that exists. */
    static final String UNKNOWN_REFERENCE = "unknown-escalation";

    private static final System.Logger LOG = System.getLogger(AcknowledgementPolicy.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEE d MMM", Locale.UK);

    /** Why an attempt was refused: audited, never shown. */
    enum Refusal {
        UNKNOWN_ESCALATION("unknown_escalation"),
        REPORTER("reporter"),
        ROLE_NOT_NOTIFIED("role_not_notified"),
        NOT_THIS_NOTICE("notice_of_another_escalation_or_role"),
        NOT_LISTED("not_listed_for_role"),
        OTHER_PLATFORM("role_not_on_this_platform"),
        NOT_A_MEMBER("not_in_role_or_backup_channel"),
        MEMBERSHIP_UNKNOWN("platform_could_not_say"),
        ROLE_REQUIRED("role_required");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final EscalationRecords records;
    private final Acknowledgements acknowledgements;
    private final EscalationStore store;
    private final Outbox outbox;
    private final UnitOfWork unitOfWork;
    private final ChannelMembership membership;
    private final Clock clock;
    private final EscalationEvents events;

    /**
     * @param outbox     where the notices went, to bind a button to its own notice
     * @param membership asks the platform who is in a channel, for roles with nobody listed
     * @param events     told of each first acknowledgement of a role
     */
    public AcknowledgementPolicy(EscalationRecords records, Acknowledgements acknowledgements, EscalationStore store,
            Outbox outbox, UnitOfWork unitOfWork, ChannelMembership membership, Clock clock, EscalationEvents events) {
        this.records = Objects.requireNonNull(records, "records");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public AcknowledgementOutcome acknowledge(AcknowledgeRequest request) {
        Objects.requireNonNull(request, "request");
        String ref = References.normalise(request.reference());
        Optional<RaisedEscalation> found = References.isWellFormed(ref) ? records.find(ref) : Optional.empty();
        if (found.isEmpty()) {
            return refuse(request, null, null, Refusal.UNKNOWN_ESCALATION);
        }
        RaisedEscalation escalation = found.get();
        if (isReporter(escalation, request.actor())) {
            return refuse(request, escalation, null, Refusal.REPORTER);
        }
        if (request.role() == null) {
            return request.fromButton()
                    ? refuse(request, escalation, null, Refusal.ROLE_NOT_NOTIFIED)
                    : acknowledgeTheOneRole(request, escalation);
        }
        Optional<RaisedEscalation.NotifiedRole> notified = Role.fromId(request.role().toLowerCase(Locale.ROOT))
                .flatMap(escalation::role);
        if (notified.isEmpty()) {
            return refuse(request, escalation, null, Refusal.ROLE_NOT_NOTIFIED);
        }
        Role role = notified.get().role();
        if (request.fromButton() && !isNoticeOf(escalation, role, request.noticeId())) {
            return refuse(request, escalation, role, Refusal.NOT_THIS_NOTICE);
        }
        Optional<Refusal> unauthorised = authorise(notified.get(), request.actor());
        if (unauthorised.isPresent()) {
            return refuse(request, escalation, role, unauthorised.get());
        }
        return record(escalation, role, request.actor());
    }

    /** {@code ack REF} without a role: accepted only when the person may acknowledge exactly one role. */
    private AcknowledgementOutcome acknowledgeTheOneRole(AcknowledgeRequest request, RaisedEscalation escalation) {
        List<Role> allowed = new ArrayList<>();
        Refusal closest = Refusal.NOT_LISTED;
        for (RaisedEscalation.NotifiedRole role : escalation.roles()) {
            Optional<Refusal> unauthorised = authorise(role, request.actor());
            if (unauthorised.isEmpty()) {
                allowed.add(role.role());
            } else if (unauthorised.get() == Refusal.MEMBERSHIP_UNKNOWN) {
                closest = Refusal.MEMBERSHIP_UNKNOWN;
            }
        }
        if (allowed.size() == 1) {
            return record(escalation, allowed.getFirst(), request.actor());
        }
        return refuse(request, escalation, null, allowed.isEmpty() ? closest : Refusal.ROLE_REQUIRED);
    }

    /** Empty when {@code actor} may acknowledge for {@code role}, else why not. */
    private Optional<Refusal> authorise(RaisedEscalation.NotifiedRole role, Actor actor) {
        boolean anyListed = role.acknowledgers().values().stream().anyMatch(ids -> !ids.isEmpty());
        if (anyListed) {
            // Once anyone is listed only they may, per platform: listing Slack users must not leave Teams open to all.
            Set<String> listed = role.acknowledgers().getOrDefault(actor.platform(), Set.of());
            return listed.stream().anyMatch(actor::is) ? Optional.empty() : Optional.of(Refusal.NOT_LISTED);
        }
        if (role.platform() != actor.platform()) {
            return Optional.of(Refusal.OTHER_PLATFORM);
        }
        boolean unknown = false;
        List<String> channels = new ArrayList<>();
        channels.add(role.target());
        role.backup().ifPresent(channels::add);
        for (String channel : channels) {
            ChannelMembership.Answer answer = ask(channel, actor);
            if (answer == ChannelMembership.Answer.MEMBER) {
                return Optional.empty();
            }
            unknown |= answer == ChannelMembership.Answer.UNKNOWN;
        }
        return Optional.of(unknown ? Refusal.MEMBERSHIP_UNKNOWN : Refusal.NOT_A_MEMBER);
    }

    private ChannelMembership.Answer ask(String channel, Actor actor) {
        try {
            return Objects.requireNonNullElse(membership.check(channel, actor), ChannelMembership.Answer.UNKNOWN);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Asking {0} who is in a channel failed with {1}", actor.platform().id(),
                    e.getClass().getName());
            return ChannelMembership.Answer.UNKNOWN;
        }
    }

    private static boolean isReporter(RaisedEscalation escalation, Actor actor) {
        RaisedEscalation.ReporterAddress reporter = escalation.reporter();
        return reporter.platform() == actor.platform() && actor.is(reporter.userId());
    }

    /** True when {@code noticeId} is a notice of this escalation delivered to {@code role} (first, backup or later). */
    private boolean isNoticeOf(RaisedEscalation escalation, Role role, String noticeId) {
        return outbox.entries(escalation.reference()).stream()
                .filter(e -> e.row().role().equals(role.id()))
                .anyMatch(e -> noticeId.equals(e.platformMessageId()));
    }

    private AcknowledgementOutcome record(RaisedEscalation escalation, Role role, Actor actor) {
        Instant at = clock.instant();
        String by = actor.qualifiedId();
        AcknowledgeResult result = unitOfWork.inTransaction(() -> {
            AcknowledgeResult first = acknowledgements.acknowledge(escalation.reference(), role.id(), by, at);
            if (first.first()) {
                Optional<OutboxRow> toReporter = reporterNotice(escalation, role, first.standing());
                String payload = "{\"role\":" + JsonText.quote(role.id())
                        + ",\"by\":" + JsonText.quote(by)
                        + ",\"at\":" + JsonText.quote(first.standing().at().toString())
                        + ",\"reporter_told\":" + toReporter.isPresent()
                        + ",\"message_sha256\":" + JsonText.quote(toReporter.map(r -> Sha256.hex(r.payload())).orElse(null))
                        + "}";
                store.recordOutcome(new AuditEntry(EscalationRecords.ACKNOWLEDGED, escalation.reference(), payload, at),
                        toReporter.stream().toList());
            }
            return first;
        });
        if (result.first()) {
            events.acknowledged(role.id());
        }
        return new AcknowledgementOutcome(result.first() ? AcknowledgementOutcome.Status.ACCEPTED
                : AcknowledgementOutcome.Status.ALREADY_ACKNOWLEDGED, escalation.reference(), role, result.standing(),
                escalation.zone());
    }

    private static Optional<OutboxRow> reporterNotice(RaisedEscalation escalation, Role role, Acknowledgement ack) {
        return escalation.reporter().conversation().map(conversation -> new OutboxRow(escalation.reference(),
                OutboxRow.REPORTER, "ack-" + role.id(), escalation.reporter().platform().id(), conversation,
                "Your escalation " + escalation.reference() + ": " + RoleTitles.of(role) + " acknowledged it ("
                        + ack.userId() + ") at " + TIME.format(ack.at().atZone(escalation.zone())) + ".",
                escalation.urgency().name(), ack.at(), null));
    }

    /**
     * Audits the refusal with its reason and who tried, never with anything they typed beyond a well-formed reference;
     * the audit failing (a store fault) must not turn a refusal into an error the person sees.
     */
    private AcknowledgementOutcome refuse(AcknowledgeRequest request, RaisedEscalation escalation, Role role,
            Refusal reason) {
        String ref = escalation != null ? escalation.reference() : UNKNOWN_REFERENCE;
        String typed = References.normalise(request.reference());
        String payload = "{\"reason\":" + JsonText.quote(reason.code())
                + ",\"role\":" + JsonText.quote(role != null ? role.id() : null)
                + ",\"by\":" + JsonText.quote(request.actor().qualifiedId())
                + ",\"via\":" + JsonText.quote(request.fromButton() ? "button" : "typed")
                + (escalation == null ? ",\"reference\":" + JsonText.quote(References.isWellFormed(typed) ? typed : null) : "")
                + "}";
        try {
            store.recordOutcome(new AuditEntry(EscalationRecords.ACKNOWLEDGEMENT_REFUSED, ref, payload, clock.instant()),
                    List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not audit a refused acknowledgement of {0} ({1}): {2}", ref, reason.code(),
                    e.getClass().getName());
        }
        LOG.log(Level.INFO, "Refused an acknowledgement of {0}: {1}", ref, reason.code());
        return AcknowledgementOutcome.refusal();
    }
}
