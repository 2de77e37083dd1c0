package org.sga.core.escalation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;
import org.sga.core.values.Check;

/**
 * The notice a role receives: the minimum needed to act. Everything in it comes from the triage definition (question
 * prompts, answer labels, action titles), the routing and the platform (the reporter's name), except the note, which
 * is the reporter's own words and appears only when given. Images and files are never part of it.
 *
 * @param concern the label of the concern category, or null when the triage did not reach it
 * @param reporter the reporter as shown, e.g. {@code Sam Example (U0123)}
 * @param note the reporter's note, or null
 */
public record EscalationMessage(
        String reference,
        Role role,
        Urgency urgency,
        String concern,
        List<Answered> answers,
        List<ActionList> actions,
        String reporter,
        ZonedDateTime raisedAt,
        ZonedDateTime acknowledgeBy,
        String note) {

    /** Longest note carried; the dialogue asks for a short one. */
    public static final int MAX_NOTE = 1_000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    /** One question in short, as the definition words it, and the label of the answer chosen. */
    public record Answered(String question, String answer) {
        public Answered {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** The titles of one owner's actions under the heading the notified roles read, e.g. "For the DSL". */
    public record ActionList(String heading, List<String> titles) {
        public ActionList {
            Objects.requireNonNull(heading, "heading");
            titles = List.copyOf(titles);
        }
    }

    public EscalationMessage {
        Check.text(reference, "reference", 64);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(urgency, "urgency");
        answers = List.copyOf(answers);
        actions = List.copyOf(actions);
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        note = cleanNote(note);
    }

    /**
     * The note as it will be sent: trimmed, control characters other than line breaks removed (they could hide
     * text or move a terminal's cursor), null when nothing is left.
     *
     * @throws IllegalArgumentException when longer than {@link #MAX_NOTE}
     */
    public static String cleanNote(String note) {
        if (note == null) {
            return null;
        }
        String cleaned = note.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n]]", "").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note is " + cleaned.length() + " characters; at most " + MAX_NOTE);
        }
        return cleaned;
    }

    public String text() {
        StringBuilder text = new StringBuilder()
                .append('[').append(urgency).append("] Safeguarding escalation ").append(reference).append('\n')
                .append("For: ").append(RoleTitles.of(role)).append('\n')
                .append("Concern: ").append(concern == null ? "not given" : concern).append('\n')
                .append("Raised: ").append(WHEN.format(raisedAt)).append(" by ").append(reporter).append('\n');
        if (!answers.isEmpty()) {
            text.append("\nAnswers:\n");
            answers.forEach(a -> text.append("- ").append(a.question()).append(' ').append(a.answer()).append('\n'));
        }
        for (ActionList list : actions) {
            text.append('\n').append(list.heading()).append(":\n");
            list.titles().forEach(a -> text.append("- ").append(a).append('\n'));
        }
        if (note != null) {
            text.append("\nNote from the reporter:\n").append(note).append('\n');
        }
        text.append("\nAcknowledge by ").append(deadline()).append(": ack ").append(reference).append(' ')
                .append(role.id()).append('\n')
                .append("Images and files are never forwarded: do not ask for them to be sent.");
        return text.toString();
    }

    private String deadline() {
        return acknowledgeBy.toLocalDate().equals(raisedAt.toLocalDate())
                ? TIME.format(acknowledgeBy)
                : DAY_TIME.format(acknowledgeBy);
    }
}
