package org.sga.eval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sga.app.cli.UsageException;
import org.sga.core.search.QueryText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safety sets as {@code score_safety.py} reads them (JSON Lines with {@code q}, {@code danger}, {@code guidance},
 * {@code allow}), read for the tools that measure a check on sets it did not learn from: the sets are dealt into
 * parts by name, in turn, and each part is left out of the learning while its cases are read.
 */
final class SafetySets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SafetySets() {
    }

    /**
     * One safety case: the message (its spacing collapsed), whether the 999 line must come first (null: either is
     * right), the cards it must show and those it may.
     */
    record Case(String message, Boolean danger, Set<String> needed, Set<String> allowed) {
    }

    /** The cases of every set, by set, in the order of the sets' names, and how many parts they are dealt into. */
    record Dealt(int parts, Map<String, List<Case>> bySet) {

        /** The sets of part {@code part} (0-based): every {@code parts}-th set from the {@code part}-th. */
        List<String> sets(int part) {
            List<String> sets = new ArrayList<>(bySet.keySet());
            List<String> held = new ArrayList<>();
            for (int s = part; s < sets.size(); s += parts) {
                held.add(sets.get(s));
            }
            return held;
        }

        /** The cases of part {@code part} (0-based), set by set. */
        List<Case> part(int part) {
            List<Case> held = new ArrayList<>();
            sets(part).forEach(set -> held.addAll(bySet.get(set)));
            return held;
        }

        /** The keys ({@link #key}) of the messages of part {@code part}: what the part's learning leaves out. */
        Set<String> keys(int part) {
            Set<String> keys = new HashSet<>();
            part(part).forEach(c -> keys.add(key(QueryText.searched(c.message()))));
            return keys;
        }
    }

    /**
     * Reads {@code [--parts N] SET.jsonl...}: a bad argument or file is a {@link UsageException} naming it (the file
     * and line for a case), before anything is learned.
     */
    static Dealt read(String tool, String usage, List<String> args) {
        List<String> files = new ArrayList<>(args);
        int parts = 8;
        int flag = files.indexOf("--parts");
        if (flag >= 0) {
            if (flag + 1 >= files.size()) {
                throw new UsageException(usage);
            }
            try {
                parts = Integer.parseInt(files.get(flag + 1));
            } catch (NumberFormatException e) {
                throw new UsageException(tool + ": --parts: '" + files.get(flag + 1) + "' is not a whole number");
            }
            files.remove(flag + 1);
            files.remove(flag);
        }
        if (files.isEmpty() || files.stream().anyMatch(f -> f.startsWith("-"))) {
            throw new UsageException(usage);
        }
        List<String> sets = new ArrayList<>(new TreeSet<>(files));
        if (parts < 2 || parts > 20 || parts > sets.size()) {
            throw new UsageException(tool + ": --parts must lie between 2 and 20 and not exceed the number of sets ("
                    + sets.size() + ")");
        }
        Map<String, List<Case>> bySet = new LinkedHashMap<>();
        for (String set : sets) {
            bySet.put(set, cases(tool, set));
        }
        return new Dealt(parts, bySet);
    }

    /**
     * Takes {@code --readings FILE} out of {@code args} when given: the file a tool writes every case's readings to
     * (null without the option). A missing name, or a folder that does not exist, is a {@link UsageException} before
     * anything is learned.
     */
    static Path readingsFile(String tool, String usage, List<String> args) {
        int flag = args.indexOf("--readings");
        if (flag < 0) {
            return null;
        }
        if (flag + 1 >= args.size() || args.get(flag + 1).startsWith("-")) {
            throw new UsageException(usage);
        }
        Path file = Path.of(args.remove(flag + 1));
        args.remove(flag);
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException(tool + ": --readings: no such folder: " + folder);
        }
        return file;
    }

    private static List<Case> cases(String tool, String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(tool + ": no such file: " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode c = JSON.readTree(lines.get(i));
                if (!c.path("q").isString() || !c.path("guidance").isArray()) {
                    throw new UsageException(tool + ": " + file + ":" + (i + 1) + ": needs \"q\" and \"guidance\"");
                }
                JsonNode danger = c.path("danger");
                cases.add(new Case(String.join(" ", c.get("q").asString().strip().split("\\s+")),
                        danger.isBoolean() ? danger.asBoolean() : null, ids(c.get("guidance")), ids(c.path("allow"))));
            } catch (JacksonException e) {
                throw new UsageException(tool + ": " + file + ":" + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
        }
        if (cases.isEmpty()) {
            throw new UsageException(tool + ": " + file + ": no cases");
        }
        return cases;
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(n -> ids.add(n.asString()));
        return ids;
    }

    /** A message as the content and a safety set may both give it: case, spacing and punctuation aside. */
    static String key(String message) {
        return String.join(" ", message.toLowerCase(Locale.ROOT).strip().split("\\s+")).replaceAll("[^\\w ]", "");
    }
}
