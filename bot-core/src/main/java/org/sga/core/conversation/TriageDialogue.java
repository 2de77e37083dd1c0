package org.sga.core.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * so a restarted process (or another instance) can take the next message.
 *
 * <p>The dialogue rules of TRIAGE.md: a message typed during the triage that suggests a child may be in danger now
 * gets the 999 line at once and the danger question is asked again (the new answer replaces the old); "report a
 * concern" during an unfinished triage, or any message after it was idle for {@link #IDLE}, asks whether to continue
 * it or start again, so it is never resumed silently and a stale triage is never sent; "report a concern" is never
 * taken as an answer.
 */
public final class TriageDialogue {

    /** The kind of the conversation state a triage under way keeps in the {@link ConversationStore}. */
    public static final String STATE_KIND = DialogueState.KIND;

    /** Longest note accepted; the escalation carries the minimum needed. */
    static final int MAX_NOTE = 1_000;

    /** After this long without a message, an unfinished triage is not simply carried on (TRIAGE.md). */
    public static final Duration IDLE = Duration.ofMinutes(30);

    private static final Set<String> STARTS = Set.of("report a concern", "report concern", "report", "triage",
            "start triage", "raise a concern", "i have a concern", "i want to report a concern");
    private static final Pattern WORRIED = Pattern.compile("^(i'?m|i am|im|we'?re|we are)? ?(really |very )?(worried|concerned) about\\b.*");
    private static final Set<String> CANCEL = Set.of("cancel", "stop", "cancel triage", "stop triage", "abandon");
    private static final Set<String> RESTART = Set.of("restart", "start again", "restart triage", "start over");
    private static final Set<String> BACK = Set.of("back", "go back", "undo");
    private static final Set<String> SEND = Set.of("send", "skip", "no note", "send without a note", "send now", "no");
    private static final Set<String> CONTINUE = Set.of("continue", "carry on", "resume", "continue it", "go on",
            "continue the report", "yes continue");

    private final TriageEngine engine;
    private final ConversationStore store;
    private final EscalationRaiser raiser;
    private final Answers answers;
    private final ConversationEvents events;
    private final DangerSignals danger;
    private final Clock clock;

    /**
     * @param danger the check every free-text message typed during a triage goes through
     * @param clock  to tell how long a triage has been idle, on the conversation store's clock
     */
    public TriageDialogue(TriageEngine engine, ConversationStore store, EscalationRaiser raiser, Answers answers,
                          DangerSignals danger, Clock clock) {
        this(engine, store, raiser, answers, danger, clock, ConversationEvents.NONE);
    }

    /** With {@code events} told when a triage starts, completes or is cancelled. */
    public TriageDialogue(TriageEngine engine, ConversationStore store, EscalationRaiser raiser, Answers answers,
                          DangerSignals danger, Clock clock, ConversationEvents events) {
        this.events = java.util.Objects.requireNonNull(events, "events");
        this.danger = java.util.Objects.requireNonNull(danger, "danger");
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
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
        if (state.stage() == DialogueState.Stage.RESUME) {
            return Optional.of(resume(key, current, state, text, command));
        }
        boolean idle = !current.updatedAt().plus(IDLE).isAfter(clock.instant());
        boolean nothingYet = state.answers().isEmpty() && state.stage() == DialogueState.Stage.ASKING;
        if (idle && nothingYet) {
            // Started long ago and never answered: nothing to continue, so the message is taken as it comes.
            store.delete(key);
            events.triageAbandoned(message.platform(), "expired");
            return handle(message, text);
        }
        if (idle || isStart(text) && !nothingYet) {
            DialogueState paused = state.pausedForResume(current.updatedAt());
            save(key, paused, current.version());
            return Optional.of(resumePrompt(paused, current, !isStart(text) && danger.present(text), null));
        }
        if (RESTART.contains(command) || isStart(text)) {
            DialogueState fresh = DialogueState.start();
            save(key, fresh, current.version());
            return Optional.of(ask(fresh, "Starting again.", null));
        }
        if (BACK.contains(command)) {
            DialogueState previous = state.back();
            save(key, previous, current.version());
            return Optional.of(ask(previous, state.answers().isEmpty() ? "This is the first question." : null, null));
        }
        if (state.stage() == DialogueState.Stage.RECHECK) {
            return Optional.of(recheck(message, key, current, state, text));
        }
        if (state.stage() == DialogueState.Stage.NOTE) {
            if (!SEND.contains(command) && danger.present(text)
                    && engine.definition().dangerRecheck().needed(state.answers())) {
                DialogueState rechecking = state.rechecking(text.strip());
                save(key, rechecking, current.version());
                return Optional.of(dangerQuestion(rechecking, "Your note is kept: it is sent as soon as you have answered."));
            }
            return Optional.of(note(message, key, current, state, text));
        }
        Question question = engine.nextQuestion(state.answers()).orElseThrow();
        Optional<String> value = question.match(text);
        if (value.isEmpty()) {
            if (danger.present(text)) {
                if (state.answers().containsKey(engine.definition().dangerRecheck().question())
                        && engine.definition().dangerRecheck().needed(state.answers())) {
                    DialogueState rechecking = state.rechecking(null);
                    save(key, rechecking, current.version());
                    return Optional.of(dangerQuestion(rechecking, null));
                }
                return Optional.of(call999(ask(state, null, null)));
            }
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

    /** The danger question again, after a message that suggested danger: the 999 line first, then the question. */
    private Reply dangerQuestion(DialogueState state, String after) {
        Question question = engine.question(engine.definition().dangerRecheck().question()).orElseThrow();
        String previous = Optional.ofNullable(state.answers().get(question.id()))
                .flatMap(v -> question.options().stream().filter(o -> o.value().equals(v)).findFirst())
                .map(o -> " Your earlier answer was \"" + o.label() + "\"; your answer now replaces it.")
                .orElse("");
        String text = "What you wrote suggests a child may be in danger now. If so, call 999 first, then carry on here."
                + previous + (after == null ? "" : " " + after) + "\n\n" + question.prompt();
        List<Choice> choices = question.options().stream().map(o -> new Choice(o.label(), o.label())).toList();
        return new Reply(Reply.Kind.TRIAGE_QUESTION, Answers.CALL_999, text, null, List.of(), choices,
                List.of("Type \"back\" or \"cancel\" at any time"));
    }

    /** The answer to the danger question asked again: it replaces the old one, and the triage goes on (or is sent). */
    private Reply recheck(InboundMessage message, ConversationKey key, ConversationState current, DialogueState state,
            String text) {
        Question question = engine.question(engine.definition().dangerRecheck().question()).orElseThrow();
        Optional<String> value = question.match(text);
        if (value.isEmpty()) {
            return danger.present(text) ? dangerQuestion(state, null)
                    : dangerQuestion(state, "\"" + shorten(text) + "\" is not one of the answers.");
        }
        Map<String, String> answered = new LinkedHashMap<>(state.answers());
        answered.put(question.id(), value.get());
        DialogueState next = state.rechecked(stillAsked(answered));
        TriageOutcome outcome = engine.evaluate(next.answers());
        if (!outcome.complete()) {
            save(key, next, current.version());
            return ask(next, null, null);
        }
        String reference = state.reference() != null ? state.reference() : raiser.newReference(reporter(message));
        DialogueState awaiting = next.awaitingNote(reference);
        save(key, awaiting, current.version());
        if (state.note() != null) {
            return note(message, key, current, awaiting, state.note());
        }
        return noteRequest(outcome);
    }

    /** The answers still asked in dialogue order after one of them changed; the rest are dropped, to be asked again. */
    private Map<String, String> stillAsked(Map<String, String> answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        Optional<Question> next = engine.nextQuestion(kept);
        while (next.isPresent() && answers.containsKey(next.get().id())) {
            kept.put(next.get().id(), answers.get(next.get().id()));
            next = engine.nextQuestion(kept);
        }
        return kept;
    }

    /** An unfinished triage after a pause, or after "report a concern": continue it, start again, or cancel. */
    private Reply resume(ConversationKey key, ConversationState current, DialogueState state, String text, String command) {
        if (CONTINUE.contains(command)) {
            DialogueState resumed = state.resumed();
            save(key, resumed, current.version());
            return switch (resumed.stage()) {
                case NOTE -> noteRequest(engine.evaluate(resumed.answers()));
                case RECHECK -> dangerQuestion(resumed, null);
                default -> ask(resumed, "Carrying on with your report.", null);
            };
        }
        if (RESTART.contains(command) || isStart(text)) {
            DialogueState fresh = DialogueState.start();
            save(key, fresh, current.version());
            return ask(fresh, "Starting again.", null);
        }
        if (danger.present(text)) {
            DialogueState resumed = state.resumed();
            if (resumed.answers().containsKey(engine.definition().dangerRecheck().question())
                    && engine.definition().dangerRecheck().needed(resumed.answers())) {
                DialogueState rechecking = resumed.rechecking(resumed.note());
                save(key, rechecking, current.version());
                return dangerQuestion(rechecking, null);
            }
            return resumePrompt(state, current, true, null);
        }
        return resumePrompt(state, current, false, "Please choose one of the options.");
    }

    private Reply resumePrompt(DialogueState state, ConversationState current, boolean dangerSignalled, String problem) {
        Duration since = Duration.between(state.lastAnswered() != null ? state.lastAnswered() : current.updatedAt(),
                clock.instant());
        String when = since.compareTo(Duration.ofMinutes(1)) < 0 ? "just now"
                : since.compareTo(Duration.ofDays(1)) < 0 ? human(since) + " ago" : "more than a day ago";
        int answered = state.answers().size();
        String where = state.paused() == DialogueState.Stage.NOTE
                ? "every question answered, the last " + when + ", but not sent"
                : answered + (answered == 1 ? " question" : " questions") + " answered, the last " + when;
        String text = (problem == null ? "" : problem + "\n\n")
                + "You have a report that is not finished (" + where + "). Nothing has been sent yet. Do you want to "
                + "continue it, or start again?";
        List<Choice> choices = List.of(new Choice("continue", "Continue it"), new Choice("start again", "Start again"),
                new Choice("cancel", "Cancel it"));
        return new Reply(Reply.Kind.TRIAGE_QUESTION, dangerSignalled ? Answers.CALL_999 : null, text, null, List.of(),
                choices, List.of());
    }

    private static Reply call999(Reply reply) {
        return new Reply(reply.kind(), Answers.CALL_999, reply.text(), reply.citation(), reply.seeAlso(), reply.choices(),
                reply.notes(), reply.checklist());
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
            role.contact().shownPhone().ifPresent(p -> phones.add(named(role) + " on " + p
                    + role.contact().shownHours().map(h -> " (" + h + ")").orElse("")));
            role.backupContact().shownPhone().ifPresent(p -> phones.add("their backup"
                    + role.backupContact().shownName().map(n -> ", " + n + ",").orElse("") + " on " + p));
        }
        if (!phones.isEmpty()) {
            lines.add("If nobody acknowledges, or you cannot wait, phone " + String.join("; ", phones) + ".");
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
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " seconds";
        }
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
