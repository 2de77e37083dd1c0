package org.sga.core.guidance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sga.content.Section;
import org.sga.core.search.Phrasings;
import org.sga.core.yaml.LinedYaml;

/**
 * Reads the parts that the danger file and the card file share: cues, patterns and example phrasings, refusing a
 * broken one with a problem that names its line. One reader per file, so a phrasing given twice in the file (for
 * two situations, or as an example and as a "not") is found.
 */
public final class SituationReader {

    private final Map<String, String> seen = new HashMap<>();
    private final Map<String, Pattern> cues;

    /** With the file's {@code cues:} (name: regular expression). */
    public SituationReader(LinedYaml cues) {
        Map<String, Pattern> read = new LinkedHashMap<>();
        cues.entries().forEach((name, node) -> read.put(name, pattern(node)));
        this.cues = Collections.unmodifiableMap(read);
    }

    /** A regular expression matched case-insensitively anywhere in a message. */
    public static Pattern pattern(LinedYaml node) {
        try {
            return Pattern.compile(node.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw node.problem("not a valid regular expression: " + e.getDescription());
        }
    }

    public static List<Pattern> patterns(LinedYaml list) {
        return list.items().stream().map(SituationReader::pattern).toList();
    }

    /**
     * The cue a {@code needs:} or {@code unless:} key names, or null when there is none. A list of names is a cue that
     * holds when every named cue is in the message, each anywhere in it.
     */
    public Pattern cue(LinedYaml needs) {
        if (!needs.isPresent()) {
            return null;
        }
        if (!needs.isList()) {
            return named(needs);
        }
        List<LinedYaml> names = needs.items();
        if (names.isEmpty()) {
            throw needs.problem("names no cue");
        }
        StringBuilder all = new StringBuilder("\\A");
        for (LinedYaml name : names) {
            all.append("(?=[\\s\\S]*?(?:").append(named(name).pattern()).append("))");
        }
        return Pattern.compile(all.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private Pattern named(LinedYaml name) {
        Pattern cue = cues.get(name.text());
        if (cue == null) {
            throw name.problem("no cue named '" + name.text() + "' (cues: " + String.join(", ", cues.keySet()) + ")");
        }
        return cue;
    }

    /**
     * Example phrasings: each a non-blank line of text, none given twice in the file; {@code required} refuses an
     * empty list.
     */
    public Phrasings phrasings(LinedYaml list, boolean required) {
        return phrasings(list.items(), list, required);
    }

    /** Example phrasings read one item at a time ({@link org.sga.core.yaml.SplitDocument}); {@code list} names where. */
    public Phrasings phrasings(Iterable<LinedYaml> items, LinedYaml list, boolean required) {
        List<String> texts = new ArrayList<>();
        for (LinedYaml item : items) {
            texts.add(phrasing(item));
        }
        if (required && texts.isEmpty()) {
            throw list.problem("needs at least one example phrasing");
        }
        return Phrasings.of(texts);
    }

    /** One phrasing: a non-blank line of text, not given before in the file. */
    public String phrasing(LinedYaml item) {
        String text = item.text();
        if (text.contains("\n")) {
            throw item.problem("an example is one line of text");
        }
        String earlier = seen.putIfAbsent(Section.phrasingKey(text), item.path() + " (line " + item.line() + ")");
        if (earlier != null) {
            throw item.problem("'" + text + "' is already given at " + earlier);
        }
        return text;
    }

    /**
     * A situation from its entry: {@code examples} (required), {@code not}, {@code needs} and {@code unless} (cue names)
     * and {@code patterns}.
     */
    public Situation situation(LinedYaml entry, String id, String name) {
        return new Situation(id, name, cue(entry.get("needs")), cue(entry.get("unless")), phrasings(entry.get("examples"), true),
                phrasings(entry.get("not"), false), patterns(entry.get("patterns")));
    }
}
