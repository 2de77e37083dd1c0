package org.sga.core.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Words that mark a message as a report or a disclosure about a child, which must not be discussed where others can
 * read. The list is content ({@code conversation/private-topics.txt}), reviewed like the procedure text, and errs
 * wide: a wrong "yes" costs a private chat, a wrong "no" leaves a child's details in a channel.
 */
public final class PrivateTopics {

    private final List<Pattern> patterns;

    public PrivateTopics(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * One regular expression a line, matched anywhere in the message, ignoring case; {@code #} starts a comment line.
     *
     * @param source named in an error, with the line number
     * @throws IllegalArgumentException when a line is not a regular expression
     */
    public static PrivateTopics parse(Reader reader, String source) {
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
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(source + " line " + n + ": " + e.getDescription());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException(source + ": no phrases; without them every disclosure would stay in the channel");
        }
        return new PrivateTopics(patterns);
    }

    public boolean present(String text) {
        return text != null && patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
