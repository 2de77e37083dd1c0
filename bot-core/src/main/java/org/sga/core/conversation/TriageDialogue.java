package org.sga.core.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutedRole;
import org.sga.core.escalation.Routing;
import org.sga.core.triage.Action;
import org.sga.core.triage.ActionGroup;
import org.sga.core.triage.Question;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;

/**
 * The guided triage as a dialogue: asks the questions of the triage definition in order, accepts answers by
 * number, value, label or synonym, supports {@code back}, {@code restart} and {@code cancel}, takes an optional note,
 * then raises the escalation and shows the checklist. The state lives in the conversation store after every step,
 * so a restarted process (or another instance) resumes at the question it stopped on.
 */
public final class TriageDialogue {

    /** The kind of the conversation state a triage under way keeps in the {@link ConversationStore}. */
    public static final String STATE_KIND = DialogueState.KIND;

    /** Longest note accepted; the escalation carries the minimum needed. */
    static final int MAX_NOTE = 1_000;

    private static final Set<String> STARTS = Set.of("report a concern", "report concern", "report", "triage",
            "start triage", "raise a concern", "i have a concern", "i want to report a concern");
    private static final Pattern WORRIED = Pattern.compile("^(i'?m|i am|im|we'?re|we are)? ?(really |very )?(worried|concerned) about\\b.*");
    private static final Set<String> CANCEL = Set.of("cancel", "stop", "cancel triage", "stop triage", "abandon");
    private static final Set<String> RESTART = Set.of("restart", "start again", "restart triage", "start over");
    private static final Set<String> BACK = Set.of("back", "go back", "undo");
    private static final Set<String> SEND = Set.of("send", "skip", "no note", "send without a note", "send now", "no");

    private final TriageEngine engine;
    private final ConversationStore store;
    private final EscalationRaiser raiser;
    private final Answers answers;
    private final ConversationEvents events;

    public TriageDialogue(TriageEngine engine, ConversationStore store, EscalationRaiser raiser, Answers answers) {
        this(engine, store, raiser, answers, ConversationEvents.NONE);
    }

    /** With {@code events} told when a triage starts, completes or is cancelled. */
    public TriageDialogue(TriageEngine engine, ConversationStore store, EscalationRaiser raiser, Answers answers,
                          ConversationEvents events) {
        this.events = java.util.Objects.requireNonNull(events, "events");
        this.engine = engine;
        this.store = store;
        this.raiser = raiser;
        this.answers = answers;
    }

    /** True when the text asks to start a triage. */
    public boolean isStart(String text) {
        String t = normalise(text);
        return STARTS.contains(t) || WORRIED.matcher(t).matches();
    }

    /** The reply when a triage is under way for this conversation or the text starts one; empty otherwise. */
    public Optional<Reply> handle(InboundMessage message, String text) {
        ConversationKey key = key(message);
        Optional<ConversationState> stored = store.load(key).filter(s -> s.kind().equals(DialogueState.KIND));
        String command = normalise(text);
        if (stored.isEmpty()) {
            if (!isStart(text)) {
                return Optional.empty();
            }
            if (message.sharedChannel()) {
                // Answers, the note and the acknowledgement later sent to this conversation would be read by everyone.
                return Optional.of(Reply.notice("To keep what you report private, I only take reports in a personal "
                        + "chat. Open a chat with me and type \"report a concern\" there. If a child is in immediate "
                        + "danger, call 999."));
            }
            DialogueState state = DialogueState.start();
            save(key, state, ConversationState.NEW);
            events.triageStarted(message.platform());
            return Optional.of(ask(state, "I'll ask a few short questions, then show what the procedure requires and "
                    + "tell the right people. Type \"back\" to change an answer, \"cancel\" to stop.", null));
        }
        ConversationState current = stored.get();
        DialogueState state = DialogueState.decode(current.data());
        if (CANCEL.contains(command)) {
            store.delete(key);
            events.triageAbandoned(message.platform(), "cancelled");
            return Optional.of(Reply.notice("Triage cancelled. Nothing has been sent. If a child is in immediate danger, call 999."));
        }
        if (RESTART.contains(command) || (isStart(text) && state.answers().isEmpty())) {
            DialogueState fresh = DialogueState.start();
            save(key, fresh, current.version());
            return Optional.of(ask(fresh, "Starting again.", null));
        }
        if (BACK.contains(command)) {
            DialogueState previous = state.back();
            save(key, previous, current.version());
            return Optional.of(ask(previous, state.answers().isEmpty() ? "This is the first question." : null, null));
        }
        if (state.stage() == DialogueState.Stage.NOTE) {
            return Optional.of(note(message, key, current, state, text));
        }
        Question question = engine.nextQuestion(state.answers()).orElseThrow();
        Optional<String> value = question.match(text);
        if (value.isEmpty()) {
            return Optional.of(ask(state, null, "\"" + shorten(text) + "\" is not one of the answers. Please pick one of the "
                    + "options (by number or by its words)."));
        }
        DialogueState next = state.with(question.id(), value.get());
        TriageOutcome outcome = engine.evaluate(next.answers());
        if (outcome.complete()) {
            next = next.awaitingNote(raiser.newReference(reporter(message)));
            save(key, next, current.version());
            return Optional.of(noteRequest(outcome));
        }
        save(key, next, current.version());
        return Optional.of(ask(next, null, null));
    }

    private Reply note(InboundMessage message, ConversationKey key, ConversationState current, DialogueState state, String text) {
        String note = SEND.contains(normalise(text)) ? null : text.strip();
        TriageOutcome outcome = engine.evaluate(state.answers());
        if (note != null && note.length() > MAX_NOTE) {
            return withUrgency(outcome, new Reply(Reply.Kind.TRIAGE_QUESTION, null,
                    "That note is " + note.length() + " characters; please keep it under " + MAX_NOTE + ", or type \"send\".",
                    null, List.of(), List.of(new Choice("send", "Send without a note")), List.of()));
        }
        Raised raised;
        try {
            raised = state.reference() == null
                    ? raiser.raise(outcome, reporter(message), note)
                    : raiser.raise(outcome, reporter(message), note, state.reference());
        } catch (RuntimeException e) {
            // Nothing was recorded: the answers stay, so the reporter can try again.
            return withUrgency(outcome, new Reply(Reply.Kind.NOTICE, null,
                    "I could not record and send the escalation just now, so nothing has been sent yet. Your answers are "
                            + "kept: type \"send\" to try again. If it is urgent, phone your designated safeguarding lead.",
                    null, List.of(), List.of(new Choice("send", "Try again")), List.of()));
        }
        store.delete(key);
        events.triageCompleted(message.platform(), outcome.urgency().name());
        return outcome(outcome, raised);
    }

    private Reply ask(DialogueState state, String before, String problem) {
        TriageOutcome outcome = engine.evaluate(state.answers());
        Question question = engine.nextQuestion(state.answers()).orElse(null);
        if (question == null) {
            return noteRequest(outcome);
        }
        List<Choice> choices = question.options().stream().map(o -> new Choice(o.label(), o.label())).toList();
        StringBuilder text = new StringBuilder();
        if (problem != null) {
            text.append(problem).append("\n\n");
        }
        if (before != null) {
            text.append(before).append("\n\n");
        }
        text.append(question.prompt());
        return withUrgency(outcome, new Reply(Reply.Kind.TRIAGE_QUESTION, null, text.toString(), null, List.of(), choices,
                List.of("Question " + (state.answers().size() + 1) + " · type \"back\" or \"cancel\" at any time")));
    }

    private Reply noteRequest(TriageOutcome outcome) {
        return withUrgency(outcome, new Reply(Reply.Kind.TRIAGE_QUESTION, null,
                "Thank you. If you want, type a short note for the people who will be notified (what happened, when, "
                        + "what you have done so far). Only add a child's name if they need it. Or send it without a note.",
                null, List.of(), List.of(new Choice("send", "Send without a note")), List.of()));
    }

    private Reply outcome(TriageOutcome outcome, Raised raised) {
        List<Reply.ChecklistItem> checklist = new ArrayList<>();
        for (ActionGroup group : outcome.actionGroups()) {
            for (Action action : group.actions()) {
                List<Citation> cites = answers.citations(action.cites().stream().map(c -> c.id()).toArray(String[]::new)).all();
                checklist.add(new Reply.ChecklistItem(action.code(), group.owner(), group.heading(), action.title(),
                        action.text(), cites));
            }
        }
        StringBuilder text = new StringBuilder("Reference ").append(raised.reference()).append(" · urgency ")
                .append(outcome.urgency()).append("\n\n").append(whoIsNotified(raised));
        String urgent = outcome.actionCodes().contains("CALL_999") ? Answers.CALL_999 : null;
        return new Reply(Reply.Kind.TRIAGE_OUTCOME, urgent, text.toString(), null, List.of(), List.of(), List.of(), checklist);
    }

    /**
     * Honest about delivery: the notices are queued, not yet delivered, so the roles are "being notified"; the
     * reporter hears when they have it. Then the chase, and the numbers to phone if nobody acknowledges.
     */
    private static String whoIsNotified(Raised raised) {
        Routing routing = raised.routing();
        List<String> notified = raised.notified().stream().map(TriageDialogue::named).toList();
        List<String> lines = new ArrayList<>();
        if (!notified.isEmpty()) {
            lines.add("Being notified now: " + list(notified) + ". I will tell you when they have it, and who acknowledges.");
        }
        for (RoutedRole role : routing.roles()) {
            if (raised.backupInstead().contains(role.role())) {
                lines.add(capitalised(named(role)) + " cannot be reached automatically, so their backup"
                        + role.backupContact().shownName().map(n -> " (" + n + ")").orElse("") + " is being notified instead.");
            } else if (raised.undeliverable().contains(role.role())) {
                lines.add("Nobody could be notified automatically for " + named(role) + ": please phone them yourself now"
                        + " and give them the reference.");
            }
        }
        if (notified.isEmpty() && raised.backupInstead().isEmpty()) {
            lines.add("Nobody could be notified automatically. Tell your designated safeguarding lead yourself now.");
        } else {
            String within = human(routing.acknowledgeWithin());
            lines.add("Someone must acknowledge within " + within + ". If nobody does, their backup is notified"
                    + (routing.rounds() == 0 ? "" : ", then both are reminded up to " + routing.rounds() + " times, "
                    + within + " apart") + "; I will tell you each time.");
        }
        List<String> phones = new ArrayList<>();
        for (RoutedRole role : routing.roles()) {
            role.contact().shownPhone().ifPresent(p -> phones.add(capitalised(named(role)) + ": " + p
                    + role.contact().shownHours().map(h -> " (" + h + ")").orElse("")));
            role.backupContact().shownPhone().ifPresent(p -> phones.add("their backup"
                    + role.backupContact().shownName().map(n -> " " + n).orElse("") + ": " + p));
        }
        if (!phones.isEmpty()) {
            lines.add("If nobody acknowledges, or you cannot wait, phone: " + String.join("; ", phones) + ".");
        }
        return String.join("\n", lines);
    }

    /** {@code the designated safeguarding lead (Alex Example)}. */
    private static String named(RoutedRole role) {
        return RoleNames.of(role.role().id()) + role.contact().shownName().map(n -> " (" + n + ")").orElse("");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String list(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private Reply withUrgency(TriageOutcome outcome, Reply reply) {
        if (!outcome.actionCodes().contains("CALL_999")) {
            return reply;
        }
        return new Reply(reply.kind(), Answers.CALL_999, reply.text(), reply.citation(), reply.seeAlso(), reply.choices(),
                reply.notes(), reply.checklist());
    }

    private void save(ConversationKey key, DialogueState state, long expectedVersion) {
        store.save(key, DialogueState.KIND, state.encode(), expectedVersion);
    }

    static ConversationKey key(InboundMessage message) {
        return new ConversationKey(message.platform(), message.conversationId(), message.userId());
    }

    private static Reporter reporter(InboundMessage message) {
        Platform platform = Platform.fromId(message.platform()).orElse(Platform.CONSOLE);
        return new Reporter(platform, message.userId(), message.userId(), message.conversationId());
    }

    static String human(Duration d) {
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " minutes";
        }
        long hours = d.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").replace('’', '\'').replaceAll("\\s+", " ");
    }
}
