package org.sga.core.conversation;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a triage dialogue stands: the answers so far (in order) and whether the bot is waiting for the optional note.
 * Encoded as {@code key=value} lines (values URL-encoded) so the store needs no JSON library.
 */
record DialogueState(Stage stage, Map<String, String> answers, String reference) {

    /** Asking the triage questions, or waiting for the reporter's optional note before sending. */
    enum Stage { ASKING, NOTE }

    static final String KIND = "triage";

    DialogueState {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    static DialogueState start() {
        return new DialogueState(Stage.ASKING, Map.of(), null);
    }

    DialogueState with(String question, String value) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(question, value);
        return new DialogueState(Stage.ASKING, next, null);
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
        return new DialogueState(Stage.ASKING, next, null);
    }

    /** Waiting for the note, with the reference the escalation will have, so a retried send cannot raise it twice. */
    DialogueState awaitingNote(String reference) {
        return new DialogueState(Stage.NOTE, answers, reference);
    }

    String encode() {
        StringBuilder out = new StringBuilder("stage=").append(stage).append('\n');
        if (reference != null) {
            out.append("reference=").append(enc(reference)).append('\n');
        }
        answers.forEach((k, v) -> out.append("answer.").append(enc(k)).append('=').append(enc(v)).append('\n'));
        return out.toString();
    }

    static DialogueState decode(String data) {
        Stage stage = Stage.ASKING;
        String reference = null;
        Map<String, String> answers = new LinkedHashMap<>();
        for (String line : data.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("stage")) {
                stage = Stage.valueOf(value);
            } else if (key.equals("reference")) {
                reference = value;
            } else if (key.startsWith("answer.")) {
                answers.put(URLDecoder.decode(key.substring(7), StandardCharsets.UTF_8), value);
            }
        }
        return new DialogueState(stage, answers, reference);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
