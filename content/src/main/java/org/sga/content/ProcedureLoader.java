package org.sga.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads every procedure from a folder ({@code *.md}, each with an optional {@code <name>.alternates.yml} beside it)
 * or from the classpath, where {@code procedures/index.txt} lists the files because a jar cannot be listed portably.
 * Adding a procedure is adding files: no code changes.
 */
public final class ProcedureLoader {

    static final String CLASSPATH_DIR = "procedures/";

    private ProcedureLoader() {
    }

    /** The procedures shipped in this module. */
    public static Library fromClasspath() {
        return fromClasspath(ProcedureLoader.class.getClassLoader(), CLASSPATH_DIR);
    }

    public static Library fromClasspath(ClassLoader loader, String dir) {
        String index = read(loader, dir + "index.txt")
                .orElseThrow(() -> new ContentException("classpath:" + dir + "index.txt is missing"));
        List<Procedure> procedures = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String markdown = read(loader, dir + name)
                    .orElseThrow(() -> new ContentException("classpath:" + dir + "index.txt lists '" + name + "', which is missing"));
            String alternates = read(loader, dir + alternatesName(name)).orElse(null);
            procedures.add(ProcedureParser.parse(name, markdown, alternates(name, alternates)));
        }
        return Library.of(procedures);
    }

    /** Every {@code *.md} file of a folder, in name order. */
    public static Library fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ContentException(dir + ": not a folder of procedure files");
        }
        List<Procedure> procedures = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                Path alt = file.resolveSibling(alternatesName(name));
                String alternates = Files.exists(alt) ? Files.readString(alt, StandardCharsets.UTF_8) : null;
                procedures.add(ProcedureParser.parse(name, Files.readString(file, StandardCharsets.UTF_8), alternates(name, alternates)));
            }
        } catch (IOException e) {
            throw new ContentException(dir + ": cannot read procedure files: " + e.getMessage(), e);
        }
        if (procedures.isEmpty()) {
            throw new ContentException(dir + ": no procedure (*.md) files found");
        }
        return Library.of(procedures);
    }

    static String alternatesName(String markdownName) {
        return markdownName.replaceFirst("\\.md$", "") + ".alternates.yml";
    }

    private static Map<String, List<String>> alternates(String fileName, String yaml) {
        if (yaml == null) {
            return Map.of();
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new ContentException(alternatesName(fileName) + ": not valid YAML: " + e.getMessage(), e);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ContentException(alternatesName(fileName) + ": must map section ids to lists of phrasings");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String id = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof List<?> list)) {
                throw new ContentException(alternatesName(fileName) + ": '" + id + "' must be a list of phrasings");
            }
            result.put(id, list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        return result;
    }

    private static java.util.Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }
}
