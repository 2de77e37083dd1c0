package org.sga.core.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A YAML content file whose top-level {@code key} holds a long list, written one item a line as a script writes it
 * (an item may go on over lines indented more than its dash): the rest of the file is read as one document and the
 * list item by item, so the list's tree of nodes, many times the size of its text, is never held whole. Problems name
 * the file's own lines. A list written any other way ({@code key: [...]}) is read with the document.
 */
public final class SplitDocument {

    /** One item of the list as written: its text and the file's line it starts on. */
    private record Item(String text, int line) {
    }

    private final LinedYaml root;
    private final String source;
    private final String key;
    private final List<Item> written;
    private final List<LinedYaml> inline;

    private SplitDocument(LinedYaml root, String source, String key, List<Item> written, List<LinedYaml> inline) {
        this.root = root;
        this.source = source;
        this.key = key;
        this.written = written;
        this.inline = inline;
    }

    /** The file without the list. */
    public LinedYaml root() {
        return root;
    }

    /**
     * The list's items, each read when it is reached and dropped once the caller moves on: hold on to what it says,
     * not to the item.
     */
    public Iterable<LinedYaml> items() {
        if (inline != null) {
            return inline;
        }
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < written.size();
            }

            @Override
            public LinedYaml next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Item item = written.get(next);
                String path = key + "[" + next++ + "]";
                try {
                    return LinedYaml.parse(new StringReader(item.text()), source, item.line(), path);
                } catch (YamlProblem e) {
                    // SnakeYAML counts the item's own lines: name the file's.
                    throw new YamlProblem(source + ":" + item.line() + ": " + path + ": " + e.getMessage().substring(source.length() + 2), e);
                }
            }
        };
    }

    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s|$).*");

    public static SplitDocument parse(Reader reader, String source, String key) {
        String text;
        try (reader) {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[1 << 16];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\n", -1);
        Pattern start = Pattern.compile("^" + Pattern.quote(key) + ":\\s*(#.*)?$");
        int at = -1;
        for (int i = 0; i < lines.length && at < 0; i++) {
            if (start.matcher(lines[i].stripTrailing()).matches()) {
                at = i;
            }
        }
        if (at < 0) {
            LinedYaml root = LinedYaml.parse(new StringReader(text), source);
            return new SplitDocument(root, source, key, List.of(), root.get(key).items());
        }
        // The list's lines: indented, blank or comments, up to the next top-level key.
        int end = at + 1;
        while (end < lines.length && (lines[end].isBlank() || " \t#".indexOf(lines[end].charAt(0)) >= 0)) {
            end++;
        }
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
                    // The dash becomes a space: the item is read as the mapping it holds, at the same columns.
                    line = dash + " " + line.substring(dash.length() + 1);
                }
                item = new StringBuilder(line);
                itemLine = i + 1;
            } else {
                item.append('\n').append(line);
            }
        }
        String[] rest = Arrays.copyOf(lines, lines.length);
        Arrays.fill(rest, at + 1, end, "");
        return new SplitDocument(LinedYaml.parse(new StringReader(String.join("\n", rest)), source), source, key, List.copyOf(items), null);
    }
}
