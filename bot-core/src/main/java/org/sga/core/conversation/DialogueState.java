package org.sga.core.conversation;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a triage dialogue stands: the answers so far (in order), what the bot is waiting for, the reference the
 * escalation will have once the answers are complete, and, while the danger question is asked again or the reporter
 * is asked whether to continue, where to go back to ({@code paused}), a note typed meanwhile ({@code note}) and when
 * the triage was last taken forward ({@code lastAnswered}), which asking does not change.
 * Encoded as {@code key=value} lines (values URL-encoded) so the store needs no JSON library.
 */
record DialogueState(Stage stage, Map<String, String> answers, String reference, Stage paused, String note,
        Instant lastAnswered) {

    /**
     * Asking the triage questions; waiting for the reporter's optional note before sending; asking the danger question
     * again after a message that suggested danger; asking whether to continue an unfinished triage or start again.
     */
    enum Stage { ASKING, NOTE, RECHECK, RESUME }

    static final String KIND = "triage";

    DialogueState {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    static DialogueState start() {
        return new DialogueState(Stage.ASKING, Map.of(), null, null, null, null);
    }

    DialogueState with(String question, String value) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(question, value);
        return new DialogueState(Stage.ASKING, next, null, null, null, null);
    }

    /** Without the last answer; from the note stage, back to the last question. */
    DialogueState back() {
        Map<String, String> next = new LinkedHashMap<>(answers);
        String last = null;
        for (String k : next.keySet()) {
            last = k;
        }
        if (last != null) {
            next.remove(last);
        }
        return new DialogueState(Stage.ASKING, next, null, null, null, null);
    }

    /** Waiting for the note, with the reference the escalation will have, so a retried send cannot raise it twice. */
    DialogueState awaitingNote(String reference) {
        return new DialogueState(Stage.NOTE, answers, reference, null, null, null);
    }

    /** Asking the danger question again; {@code typedNote} is a note typed at the note stage, sent once answered. */
    DialogueState rechecking(String typedNote) {
        return new DialogueState(Stage.RECHECK, answers, reference, stage == Stage.RECHECK ? paused : stage, typedNote,
                null);
    }

    /** The answers after the danger question was answered again; asking goes on from where it stands. */
    DialogueState rechecked(Map<String, String> newAnswers) {
        return new DialogueState(Stage.ASKING, newAnswers, reference, null, null, null);
    }

    /** Waiting for the reporter to say whether to continue; what was under way, and since when, is kept. */
    DialogueState pausedForResume(Instant lastTakenForward) {
        return stage == Stage.RESUME ? this
                : new DialogueState(Stage.RESUME, answers, reference, stage, note, lastTakenForward);
    }

    /** Back to what was under way when it was paused. */
    DialogueState resumed() {
        Stage back = paused == null ? Stage.ASKING : paused;
        return new DialogueState(back, answers, reference, null, back == Stage.RECHECK ? note : null, null);
    }

    String encode() {
        StringBuilder out = new StringBuilder("stage=").append(stage).append('\n');
        if (reference != null) {
            out.append("reference=").append(enc(reference)).append('\n');
        }
        if (paused != null) {
            out.append("paused=").append(paused).append('\n');
        }
        if (note != null) {
            out.append("note=").append(enc(note)).append('\n');
        }
        if (lastAnswered != null) {
            out.append("since=").append(lastAnswered).append('\n');
        }
        answers.forEach((k, v) -> out.append("answer.").append(enc(k)).append('=').append(enc(v)).append('\n'));
        return out.toString();
    }

    static DialogueState decode(String data) {
        Stage stage = Stage.ASKING;
        Stage paused = null;
        String reference = null;
        String note = null;
        Instant lastAnswered = null;
        Map<String, String> answers = new LinkedHashMap<>();
        for (String line : data.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "stage" -> stage = Stage.valueOf(value);
                case "paused" -> paused = Stage.valueOf(value);
                case "reference" -> reference = value;
                case "note" -> note = value;
                case "since" -> lastAnswered = Instant.parse(value);
                default -> {
                    if (key.startsWith("answer.")) {
                        answers.put(URLDecoder.decode(key.substring(7), StandardCharsets.UTF_8), value);
                    }
                }
            }
        }
        return new DialogueState(stage, answers, reference, paused, note, lastAnswered);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
