package org.sga.core.yaml;

import java.io.Reader;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** One value of a parsed YAML document, with its key path, e.g. {@code organisations[0].teams[1].id}. */
public final class YamlNode {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    private final String path;
    private final Object value;
    private final boolean present;

    private YamlNode(String path, Object value, boolean present) {
        this.path = path;
        this.value = value;
        this.present = present;
    }

    /** Parses a document; every scalar stays text, so {@code no} is not false and {@code 17:00} is not 1020. */
    public static YamlNode parse(Reader reader, String source) {
        LoaderOptions options = YamlReading.options();
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextOnlyResolver());
        return new YamlNode("", YamlReading.read(reader, source, yaml::load), true);
    }

    public String path() {
        return path;
    }

    public boolean isPresent() {
        return present && value != null;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public boolean isText() {
        return value instanceof String;
    }

    /** The child at a key of a map; a missing key gives a node that is not present. */
    public YamlNode get(String key) {
        Map<?, ?> map = isPresent() ? asMap() : Map.of();
        return new YamlNode(child(key), map.get(key), map.containsKey(key));
    }

    public String text() {
        if (!isPresent()) {
            throw problem("missing");
        }
        if (!(value instanceof String s)) {
            throw problem("expected a single value");
        }
        if (s.isBlank()) {
            throw problem("empty");
        }
        return s.trim();
    }

    public Optional<String> optionalText() {
        return isPresent() ? Optional.of(text()) : Optional.empty();
    }

    /** A duration written {@code 90s}, {@code 5m}, {@code 4h}, {@code 1d} or ISO-8601 ({@code PT5M}); positive. */
    public Duration duration() {
        String t = text();
        Matcher m = SHORT_DURATION.matcher(t);
        Duration d;
        try {
            d = m.matches()
                    ? Duration.of(Long.parseLong(m.group(1)), switch (m.group(2)) {
                        case "s" -> ChronoUnit.SECONDS;
                        case "m" -> ChronoUnit.MINUTES;
                        case "h" -> ChronoUnit.HOURS;
                        default -> ChronoUnit.DAYS;
                    })
                    : Duration.parse(t);
        } catch (RuntimeException e) {
            throw problem("'" + t + "' is not a duration (write e.g. 5m, 30m, 4h or PT5M)");
        }
        if (d.isNegative() || d.isZero()) {
            throw problem("'" + t + "' must be longer than zero");
        }
        return d;
    }

    /** Items of a list; a missing key is an empty list. */
    public List<YamlNode> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new YamlNode(path + "[" + i + "]", list.get(i), true));
        }
        return items;
    }

    public List<String> texts() {
        return items().stream().map(YamlNode::text).toList();
    }

    /** Entries of a map in document order; a missing key is an empty map. */
    public Map<String, YamlNode> entries() {
        if (!isPresent()) {
            return Map.of();
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        asMap().forEach((k, v) -> entries.put(String.valueOf(k), new YamlNode(child(String.valueOf(k)), v, true)));
        return entries;
    }

    /** Refuses keys outside {@code allowed}, so a misspelt key is an error instead of silently ignored. */
    public YamlNode allowOnly(Collection<String> allowed) {
        for (String key : entries().keySet()) {
            if (!allowed.contains(key)) {
                throw get(key).problem("unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public YamlProblem problem(String message) {
        return new YamlProblem((path.isEmpty() ? "(top level)" : path) + ": " + message, null);
    }

    private Map<?, ?> asMap() {
        if (!(value instanceof Map<?, ?> map)) {
            throw problem("expected keys and values");
        }
        return map;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Resolves only nulls and merge keys; YAML 1.1 booleans, numbers and sexagesimal times stay text. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
