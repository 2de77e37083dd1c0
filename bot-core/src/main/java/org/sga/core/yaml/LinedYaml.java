package org.sga.core.yaml;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One node of a YAML content file that knows its line, so that a problem names the file and the line a content owner
 * has to fix ({@code cards.yml:42: cards[3].id: ...}). Every scalar is text, as in {@link YamlNode}.
 */
public final class LinedYaml {

    private final String source;
    private final String path;
    private final Node node;
    private final int line;
    /** Lines of the file before the text this node was read from (a part of a file read on its own). */
    private final int before;

    private LinedYaml(String source, String path, Node node, int line, int before) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.line = line;
        this.before = before;
    }

    /** The document's root; {@code source} names the file in problems. */
    public static LinedYaml parse(Reader reader, String source) {
        return parse(reader, source, 1, "");
    }

    /**
     * A part of a file read on its own, from its line {@code firstLine}, as the node at {@code path}: problems name
     * the file's lines. A long list read item by item never holds the whole file's tree of nodes at once.
     */
    public static LinedYaml parse(Reader reader, String source, int firstLine, String path) {
        Node root = YamlReading.read(reader, source, r -> new Yaml(YamlReading.options()).compose(r));
        int before = firstLine - 1;
        return new LinedYaml(source, path, root, root == null ? firstLine : root.getStartMark().getLine() + 1 + before, before);
    }

    private LinedYaml child(String childPath, Node child) {
        return new LinedYaml(source, childPath, child, child.getStartMark().getLine() + 1 + before, before);
    }

    /** 1-based line where this value starts (or, for a missing key, where its map starts). */
    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    public boolean isPresent() {
        return node != null && !(node instanceof ScalarNode s && s.getValue().isEmpty() && s.getTag().getValue().endsWith(":null"));
    }

    /** The value at a key of a map; a missing key gives a node that is not present. */
    public LinedYaml get(String key) {
        for (NodeTuple t : tuples()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return child(child(key), t.getValueNode());
            }
        }
        return new LinedYaml(source, child(key), null, line, before);
    }

    /** Keys and values of a map, in document order; a missing node is an empty map. */
    public Map<String, LinedYaml> entries() {
        Map<String, LinedYaml> out = new LinkedHashMap<>();
        for (NodeTuple t : tuples()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw child(path, t.getKeyNode()).problem("a key must be text");
            }
            out.put(k.getValue(), child(child(k.getValue()), t.getValueNode()));
        }
        return out;
    }

    /** True when the node is a list. */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** Items of a list; a missing node is an empty list. */
    public List<LinedYaml> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw problem("expected a list");
        }
        List<LinedYaml> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            items.add(child(path + "[" + i + "]", item));
        }
        return items;
    }

    /** Non-blank text. */
    public String text() {
        if (!isPresent()) {
            throw problem("missing");
        }
        if (!(node instanceof ScalarNode s)) {
            throw problem("expected a single value");
        }
        if (s.getValue().isBlank()) {
            throw problem("empty");
        }
        return s.getValue().strip();
    }

    /** A number from {@code min} to {@code max}; otherwise a problem naming the line and the range. */
    public double number(double min, double max) {
        String text = text();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem("'" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw problem(text + " is out of range: expected " + plain(min) + " to " + plain(max));
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Text that may be left empty ({@code ""}) or missing: empty string then. */
    public String textOrEmpty() {
        if (!isPresent()) {
            return "";
        }
        if (!(node instanceof ScalarNode s)) {
            throw problem("expected a single value");
        }
        return s.getValue().strip();
    }

    /** A list of non-blank texts. */
    public List<String> texts() {
        return items().stream().map(LinedYaml::text).toList();
    }

    /** Refuses keys outside {@code allowed}, so a misspelt key is an error instead of silently ignored. */
    public LinedYaml allowOnly(Collection<String> allowed) {
        for (Map.Entry<String, LinedYaml> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().problem("unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** A problem naming the file, this node's line and key path. */
    public YamlProblem problem(String message) {
        return new YamlProblem(source + ":" + line + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + message, null);
    }

    private List<NodeTuple> tuples() {
        if (!isPresent()) {
            return List.of();
        }
        if (!(node instanceof MappingNode map)) {
            throw problem("expected keys and values");
        }
        return map.getValue();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
