package org.sga.core.search;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Topics the loaded procedures do not cover, each with a few phrasings: a question closer in meaning to one of
 * these than to any section is not answered from a section that merely shares its words.
 *
 * @param topics      the topics
 * @param onlineWords words of something online or an image (case-insensitive; null: none given): a topic that is
 *                    only the offline side of a harm is not named to a message that has them
 */
public record NotCovered(List<Topic> topics, Pattern onlineWords) {

    /**
     * A topic and how staff phrase it.
     *
     * @param offline the topic is the offline side of a harm whose online side the procedures cover (self-harm,
     *                bullying, exploitation in person): the bot does not tell someone whose message speaks of
     *                something online or an image that the procedures do not cover it
     */
    public record Topic(String name, List<String> phrases, boolean offline) {
        public Topic {
            phrases = List.copyOf(phrases);
        }

        public Topic(String name, List<String> phrases) {
            this(name, phrases, false);
        }
    }

    public NotCovered {
        topics = List.copyOf(topics);
    }

    public NotCovered(List<Topic> topics) {
        this(topics, null);
    }

    public static NotCovered none() {
        return new NotCovered(List.of());
    }

    /**
     * Whether the reply to {@code question}, declined as closest to {@code topic}, may name the topic as not covered:
     * not when the topic is only the offline side of a harm and the question speaks of something online or an image,
     * which the procedures may well cover; the bot then says it is not sure without saying that they don't.
     */
    public boolean named(Topic topic, String question) {
        return !(topic.offline() && onlineWords != null && question != null && onlineWords.matcher(question).find());
    }

    /**
     * Reads {@code topics: [{name, phrases: [...], offline: true|false}, ...]} and {@code online_words} (a Java regular
     * expression); an entry without a name or phrases, an offline topic without {@code online_words}, or words that
     * are not a regular expression is an error.
     */
    public static NotCovered parse(Reader yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("topics") instanceof List<?> list)) {
            throw new IllegalArgumentException("not-covered topics: expected 'topics:' with a list");
        }
        Pattern online = null;
        Object words = root.get("online_words");
        if (words != null) {
            if (!(words instanceof String regex) || regex.isBlank()) {
                throw new IllegalArgumentException("not-covered online_words: expected one regular expression");
            }
            try {
                online = Pattern.compile(regex.strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not-covered online_words: not a regular expression: " + e.getDescription());
            }
        }
        List<Topic> topics = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name) || !(m.get("phrases") instanceof List<?> phrases)
                    || phrases.isEmpty()) {
                throw new IllegalArgumentException("not-covered topics[" + i + "]: needs a name and a list of phrases");
            }
            Object offline = m.get("offline");
            if (offline != null && !(offline instanceof Boolean)) {
                throw new IllegalArgumentException("not-covered topics[" + i + "] (" + name + "): offline must be true or false");
            }
            if (Boolean.TRUE.equals(offline) && online == null) {
                throw new IllegalArgumentException("not-covered topics[" + i + "] (" + name + "): offline needs online_words");
            }
            topics.add(new Topic(name, phrases.stream().map(String::valueOf).toList(), Boolean.TRUE.equals(offline)));
            i++;
        }
        return new NotCovered(topics, online);
    }
}
