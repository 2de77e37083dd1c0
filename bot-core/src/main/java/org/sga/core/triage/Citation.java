package org.sga.core.triage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A section of a procedure, written {@code child-abuse-and-ict#4.4}. */
public record Citation(String document, String section) {

    private static final Pattern FORM = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)#(\\d+(?:\\.\\d+)*)");

    /** Reads the {@code document#section} form; empty when the text is not in that form. */
    public static Optional<Citation> parse(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches() ? Optional.of(new Citation(m.group(1), m.group(2))) : Optional.empty();
    }

    public String id() {
        return document + "#" + section;
    }

    @Override
    public String toString() {
        return id();
    }
}
