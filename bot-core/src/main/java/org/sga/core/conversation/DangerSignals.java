package org.sga.core.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises words that say a child may be in immediate danger; the phrases are content, reviewed like the text. */
public final class DangerSignals {

    private final List<Pattern> patterns;

    public DangerSignals(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** One regular expression a line; {@code #} starts a comment line. */
    public static DangerSignals parse(Reader reader) {
        List<Pattern> patterns = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String p = line.strip();
                if (p.isEmpty() || p.startsWith("#")) {
                    continue;
                }
                try {
                    patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("danger phrases line " + n + ": " + e.getDescription());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DangerSignals(patterns);
    }

    public boolean present(String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
