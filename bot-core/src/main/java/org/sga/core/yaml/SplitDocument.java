package org.sga.core.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML content file whose top-level {@code keys} hold long lists, written one item a line as a script writes them
 * (an item may go on over lines indented more than its dash): the rest of the file is read as one document and each
 * list item by item, so a list's tree of nodes, many times the size of its text, is never held whole. Problems name
 * the file's own lines. A list written any other way ({@code key: [...]}) is read with the document.
 */
public final class SplitDocument {

    /** One item of a list as written: its text and the file's line it starts on. */
    private record Item(String text, int line) {
    }

    /**
     * A list as found: its items as written (each dropped once it is read) with whether they were read, or those of the
     * document when it is written in one (then nothing is dropped, and {@code taken} is null).
     */
    private record Found(Item[] written, List<LinedYaml> inline, java.util.concurrent.atomic.AtomicBoolean taken) {
    }

    private final LinedYaml root;
    private final String source;
    private final Map<String, Found> lists;

    private SplitDocument(LinedYaml root, String source, Map<String, Found> lists) {
        this.root = root;
        this.source = source;
        this.lists = lists;
    }

    /** The file without the lists (each key is still there, with no value, at its own line). */
    public LinedYaml root() {
        return root;
    }

    /** The items of the one list this document was split at. */
    public Iterable<LinedYaml> items() {
        if (lists.size() != 1) {
            throw new IllegalStateException("split at " + lists.keySet() + ": name the list");
        }
        return items(lists.keySet().iterator().next());
    }

    /**
     * A list's items, each read when it is reached and dropped once the caller moves on: hold on to what it says,
     * not to the item. A list written one item a line is read once: its text is let go item by item as it is read.
     */
    public Iterable<LinedYaml> items(String key) {
        Found found = lists.get(key);
        if (found == null) {
            throw new IllegalArgumentException("not split at '" + key + "'");
        }
        if (found.inline() != null) {
            return found.inline();
        }
        Item[] written = found.written();
        return () -> {
            if (found.taken().getAndSet(true)) {
                throw new IllegalStateException("the items of '" + key + "' are read once, and were");
            }
            return new java.util.Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < written.length;
                }

                @Override
                public LinedYaml next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Item item = written[next];
                    written[next] = null;
                    String path = key + "[" + next++ + "]";
                    try {
                        return LinedYaml.parse(new StringReader(item.text()), source, item.line(), path);
                    } catch (YamlProblem e) {
                        // SnakeYAML counts the item's own lines: name the file's.
                        throw new YamlProblem(source + ":" + item.line() + ": " + path + ": " + e.getMessage().substring(source.length() + 2), e);
                    }
                }
            };
        };
    }

    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s|$).*");

    public static SplitDocument parse(Reader reader, String source, String... keys) {
        String[] lines = lines(reader);
        String[] rest = Arrays.copyOf(lines, lines.length);
        Map<String, List<Item>> written = new LinkedHashMap<>();
        for (String key : keys) {
            Pattern start = Pattern.compile("^" + Pattern.quote(key) + ":\\s*(#.*)?$");
            for (int at = 0; at < lines.length; at++) {
                if (start.matcher(lines[at].stripTrailing()).matches()) {
                    int end = listEnd(lines, at);
                    written.put(key, items(lines, at, end));
                    Arrays.fill(rest, at + 1, end, "");
                    break;
                }
            }
        }
        // Lists written in one (key: [...]) stay in the document and are read with it.
        LinedYaml root = LinedYaml.parse(new StringReader(String.join("\n", rest)), source);
        Map<String, Found> lists = new LinkedHashMap<>();
        for (String key : keys) {
            List<Item> items = written.get(key);
            lists.put(key, items != null ? new Found(items.toArray(Item[]::new), null, new java.util.concurrent.atomic.AtomicBoolean())
                    : new Found(null, root.get(key).items(), null));
        }
        return new SplitDocument(root, source, lists);
    }

    /**
     * The file's lines, split at each line feed only (as the lines SnakeYAML counts), read a line at a time: the file
     * is never held as one text, which for a content file of ten megabytes with one character outside Latin-1 would be
     * twice its size, and more while it grew.
     */
    private static String[] lines(Reader reader) {
        List<String> lines = new ArrayList<>();
        try (reader) {
            StringBuilder line = new StringBuilder();
            char[] buffer = new char[1 << 16];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.add(line.append(buffer, from, i - from).toString());
                        line.setLength(0);
                        from = i + 1;
                    }
                }
                line.append(buffer, from, n - from);
            }
            lines.add(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.toArray(String[]::new);
    }

    /** The line after a list's lines: indented, blank or comments, up to the next top-level key. */
    private static int listEnd(String[] lines, int at) {
        int end = at + 1;
        while (end < lines.length && (lines[end].isBlank() || " \t#".indexOf(lines[end].charAt(0)) >= 0)) {
            end++;
        }
        return end;
    }

    private static List<Item> items(String[] lines, int at, int end) {
        List<Item> items = new ArrayList<>();
        StringBuilder item = null;
        int itemLine = 0;
        String dash = null;
        for (int i = at + 1; i <= end; i++) {
            String line = i < end ? lines[i] : null;
            boolean comment = line != null && (line.isBlank() || line.strip().startsWith("#"));
            var m = line == null || comment ? null : ITEM.matcher(line);
            boolean starts = m != null && m.matches() && (dash == null || m.group(1).equals(dash));
            if ((line == null || starts) && item != null) {
                items.add(new Item(item.toString(), itemLine));
                item = null;
            }
            if (line == null || comment) {
                continue;
            }
            if (item == null) {
                if (starts) {
                    dash = m.group(1);
                    // The dash becomes a space: the item is read as what it holds, at the same columns.
                    line = dash + " " + line.substring(dash.length() + 1);
                }
                item = new StringBuilder(line);
                itemLine = i + 1;
            } else {
                item.append('\n').append(line);
            }
        }
        return items;
    }
}
