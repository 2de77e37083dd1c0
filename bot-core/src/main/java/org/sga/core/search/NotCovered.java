package org.sga.core.search;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
