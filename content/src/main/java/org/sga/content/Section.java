package org.sga.content;

import java.util.List;
import java.util.Locale;

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

    /**
     * How a phrasing is compared with a question asked: case, kinds of quote mark and runs of spaces do not count.
     */
    public static String phrasingKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\"\u201C\u201D\u2018\u2019`]", "'").replaceAll("\\s+", " ").strip();
    }
}
