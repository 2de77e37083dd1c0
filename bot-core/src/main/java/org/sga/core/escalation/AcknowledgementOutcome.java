package org.sga.core.escalation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.triage.Role;

/**
 * What became of an attempt to acknowledge an escalation, with a line to show the person who tried. A refusal carries
 * nothing about the escalation, so it tells a stranger nothing: its reason is in the audit trail only.
 *
 * @param reference the escalation's reference; null when refused
 * @param role the role acknowledged; null when refused
 * @param acknowledgement the acknowledgement that stands for the role (this one, or the earlier one); null when refused
 * @param zone the team's time zone, for the times shown
 */
public record AcknowledgementOutcome(Status status, String reference, Role role, Acknowledgement acknowledgement,
        ZoneId zone) {

    /**
     * The one reply to every refusal, whatever the reason: no reference, role, name or time, so it cannot be used to
     * learn whether an escalation exists, who it went to or who raised it.
     */
    public static final String REFUSAL = "That acknowledgement was not accepted, and nothing was recorded against the "
            + "escalation. If you are one of the people it was sent to, use the Acknowledge button on the notice you "
            + "received, or type ack, the reference and your role, e.g. \"ack SG-20261207-K3F9QX safeguarding_lead\".";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEE d MMM", Locale.UK);

    /** How the attempt ended. */
    public enum Status {
        /** This was the first acknowledgement for the role: the chase stops and the reporter is told. */
        ACCEPTED,
        /** The person may acknowledge, but someone had already; {@code acknowledgement} says who and when. */
        ALREADY_ACKNOWLEDGED,
        /** Not accepted; the reason is audited, never shown. */
        REFUSED
    }

    public AcknowledgementOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(zone, "zone");
        if (status != Status.REFUSED) {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(acknowledgement, "acknowledgement");
        }
    }

    static AcknowledgementOutcome refusal() {
        return new AcknowledgementOutcome(Status.REFUSED, null, null, null, OfficeHours.LONDON);
    }

    public Optional<Acknowledgement> standing() {
        return Optional.ofNullable(acknowledgement);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }

    /** One line for the person who tried, e.g. on the console or as a Slack ephemeral reply. */
    public String text() {
        return switch (status) {
            case ACCEPTED -> "Acknowledged " + reference + " for " + RoleTitles.of(role) + " at "
                    + TIME.format(acknowledgement.at().atZone(zone)) + ". The reporter is being told.";
            case ALREADY_ACKNOWLEDGED -> reference + " for " + RoleTitles.of(role) + " was already acknowledged by "
                    + acknowledgement.userId() + " at " + TIME.format(acknowledgement.at().atZone(zone)) + ".";
            case REFUSED -> REFUSAL;
        };
    }
}
