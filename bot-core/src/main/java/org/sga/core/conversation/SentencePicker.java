package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;

/**
 * Finds the sentence of a quoted section that answers a question, so a section shortened for length still shows it:
 * the closest in meaning with an embedder (sentences are content, so their vectors are cached), otherwise the one
 * sharing most words with the question.
 */
final class SentencePicker {

    private final Embedder embedder;

    SentencePicker(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The sentence of {@code text}, exactly as written there, that answers {@code question} best; null for one sentence. */
    String best(String question, String text) {
        List<String> sentences = sentences(text);
        if (sentences.size() < 2) {
            return null;
        }
        if (embedder != null) {
            int i = Phrasings.of(sentences).embedded(embedder).closestTo(Phrasings.question(embedder, question));
            return sentences.get(i);
        }
        Set<String> asked = stems(question);
        String best = null;
        int most = 0;
        for (String sentence : sentences) {
            Set<String> shared = stems(sentence);
            shared.retainAll(asked);
            if (shared.size() > most) {
                most = shared.size();
                best = sentence;
            }
        }
        return best;
    }

    /**
     * True when the character at {@code i} ends a sentence or a line: a full stop, question or exclamation mark before
     * a space and a word that does not go on in lower case ("e.g. when" goes on), or a line break.
     */
    static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return true;
        }
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        if (i + 1 == text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next == text.length() || !Character.isLowerCase(text.charAt(next));
    }

    /** Sentences (and list items) in order, each as written in the text. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            boolean end = endsSentence(text, i);
            if (end || i + 1 == text.length()) {
                String sentence = text.substring(start, i + 1).strip();
                if (sentence.chars().anyMatch(Character::isLetter)) {
                    out.add(sentence);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Words of four letters or more, cut to their first five letters: a crude stem that is enough to compare. */
    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 4) {
                out.add(w.length() > 5 ? w.substring(0, 5) : w);
            }
        }
        return out;
    }
}
