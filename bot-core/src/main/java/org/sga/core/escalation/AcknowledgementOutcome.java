package org.sga.core.escalation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sga.core.triage.Role;

/**
 * What became of an attempt to acknowledge an escalation for a role, with a line to show the person who tried.
 *
 * @param role the role acknowledged for, or null when it was not given and could not be chosen
 * @param acknowledgement the acknowledgement that stands for the role (this one, or the earlier one), or null
 * @param awaiting when {@link Status#ROLE_REQUIRED}: the roles this person may acknowledge that nobody has yet
 * @param zone the team's time zone, for the times shown
 */
public record AcknowledgementOutcome(Status status, String reference, Role role, Acknowledgement acknowledgement,
        List<Role> awaiting, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz 'on' EEE d MMM", Locale.UK);

    /** How the attempt ended. */
    public enum Status {
        /** This was the first acknowledgement for the role: the chase stops and the reporter is told. */
        ACCEPTED,
        /** Someone had acknowledged the role already; {@code acknowledgement} says who and when. */
        ALREADY_ACKNOWLEDGED,
        /** This person may not acknowledge for the role. */
        NOT_ALLOWED,
        /** No escalation was raised with this reference. */
        UNKNOWN_ESCALATION,
        /** The role was not notified of this escalation (or is not a role): there is nothing to acknowledge. */
        ROLE_NOT_NOTIFIED,
        /** No role was given and this person may acknowledge more than one that is waiting: they must name one. */
        ROLE_REQUIRED
    }

    public AcknowledgementOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reference, "reference");
        awaiting = List.copyOf(awaiting);
        Objects.requireNonNull(zone, "zone");
    }

    public Optional<Acknowledgement> standing() {
        return Optional.ofNullable(acknowledgement);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /** One line for the person who tried, e.g. on the console or as a Slack ephemeral reply. */
    public String text() {
        String who = role == null ? "" : " for " + RoleTitles.of(role);
        return switch (status) {
            case ACCEPTED -> "Acknowledged " + reference + who + " at " + TIME.format(acknowledgement.at().atZone(zone))
                    + ". The reporter is being told.";
            case ALREADY_ACKNOWLEDGED -> reference + who + " was already acknowledged by " + acknowledgement.userId()
                    + " at " + TIME.format(acknowledgement.at().atZone(zone)) + ".";
            case NOT_ALLOWED -> "You are not listed to acknowledge " + reference + who + ".";
            case UNKNOWN_ESCALATION -> "There is no escalation " + reference + ".";
            case ROLE_NOT_NOTIFIED -> role == null
                    ? "That is not a role notified of " + reference + "."
                    : RoleTitles.of(role) + " was not notified of " + reference + "; there is nothing to acknowledge.";
            case ROLE_REQUIRED -> "Say which role you acknowledge " + reference + " for: " + awaiting.stream()
                    .map(r -> "ack " + reference + " " + r.id()).collect(Collectors.joining(" or ")) + ".";
        };
    }
}
