package org.sga.core.guidance;

import java.util.List;
import java.util.regex.Pattern;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;

/**
 * Something a message may be about, recognised by meaning and words: example phrasings, phrasings close to them
 * that are not it, words it needs as well ({@code needs}, or null), words that rule it out ({@code unless}, or null),
 * and patterns that alone recognise it.
 */
public record Situation(String id, String name, Pattern needs, Pattern unless, Phrasings examples, Phrasings not,
                        List<Pattern> patterns) {

    public Situation {
        patterns = List.copyOf(patterns);
    }

    /** The same situation with its phrasings embedded. */
    public Situation embedded(Embedder embedder) {
        return new Situation(id, name, needs, unless, examples.embedded(embedder), not.embedded(embedder), patterns);
    }

    /** True when a pattern matches the message and none of the words that rule the situation out are in it. */
    public boolean matches(String message) {
        return (unless == null || !unless.matcher(message).find()) && patterns.stream().anyMatch(p -> p.matcher(message).find());
    }

    /** True when the message has the words the situation needs (if any) and none of the words that rule it out. */
    public boolean cued(String message) {
        return (needs == null || needs.matcher(message).find()) && (unless == null || !unless.matcher(message).find());
    }
}
