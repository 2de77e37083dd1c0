package org.sga.content;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One citable part of a procedure: its text exactly as published, the heading of the chapter it sits in,
 * and author-written alternate phrasings that help search find it but are never shown as the answer.
 */
public record Section(String procedureSlug, String id, String heading, String text, List<String> alternates) {

    public Section {
        alternates = List.copyOf(alternates);
    }

    /**
     * True when the text ends by introducing what follows ("... the following procedure should be followed:"), so it
     * cannot stand alone: it is found, shown and cited together with the next section.
     */
    public boolean leadsIn() {
        return text.strip().endsWith(":");
    }

    /** The global id used in citations and evaluation files, e.g. {@code child-abuse-and-ict#4.4}. */
    public String globalId() {
        return procedureSlug + "#" + id;
    }

    /** This section without the alternates whose {@link #phrasingKey(String)} is in {@code keys}. */
    public Section withoutAlternates(Set<String> keys) {
        return new Section(procedureSlug, id, heading, text, alternates.stream().filter(a -> !keys.contains(phrasingKey(a))).toList());
    }

    /**
     * How a phrasing is compared with a question asked: case, kinds of quote mark and runs of spaces do not count.
     * Evaluation uses it to leave a question's own copy out of the phrasings while the question is measured.
     */
    public static String phrasingKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\"\u201C\u201D\u2018\u2019`]", "'").replaceAll("\\s+", " ").strip();
    }

    /** The {@link #phrasingKey(String)} of each text. */
    public static Set<String> phrasingKeys(Collection<String> texts) {
        Set<String> keys = new HashSet<>();
        texts.forEach(t -> keys.add(phrasingKey(t)));
        return keys;
    }
}
