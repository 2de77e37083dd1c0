package org.sga.core.search;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sga.content.Section;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Topics the loaded procedures do not cover, each with a few phrasings: a question closer in meaning to one of
 * these than to any section is not answered from a section that merely shares its words.
 */
public record NotCovered(List<Topic> topics) {

    /** A topic and how staff phrase it. */
    public record Topic(String name, List<String> phrases) {
        public Topic {
            phrases = List.copyOf(phrases);
        }
    }

    public NotCovered {
        topics = List.copyOf(topics);
    }

    /** These topics without the phrasings that are one of {@code questions}; a topic left with none is dropped. */
    public NotCovered without(Collection<String> questions) {
        Set<String> keys = Section.phrasingKeys(questions);
        return new NotCovered(topics.stream()
                .map(t -> new Topic(t.name(), t.phrases().stream().filter(p -> !keys.contains(Section.phrasingKey(p))).toList()))
                .filter(t -> !t.phrases().isEmpty()).toList());
    }

    /** How many phrasings are one of {@code questions}. */
    public int phrasingsAmong(Collection<String> questions) {
        int all = topics.stream().mapToInt(t -> t.phrases().size()).sum();
        return all - without(questions).topics().stream().mapToInt(t -> t.phrases().size()).sum();
    }

    public static NotCovered none() {
        return new NotCovered(List.of());
    }

    /** Reads {@code topics: [{name, phrases: [...]}, ...]}; an entry without a name or phrases is an error. */
    public static NotCovered parse(Reader yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("topics") instanceof List<?> list)) {
            throw new IllegalArgumentException("not-covered topics: expected 'topics:' with a list");
        }
        List<Topic> topics = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name) || !(m.get("phrases") instanceof List<?> phrases)
                    || phrases.isEmpty()) {
                throw new IllegalArgumentException("not-covered topics[" + i + "]: needs a name and a list of phrases");
            }
            topics.add(new Topic(name, phrases.stream().map(String::valueOf).toList()));
            i++;
        }
        return new NotCovered(topics);
    }
}
