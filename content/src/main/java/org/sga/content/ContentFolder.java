package org.sga.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each file of a folder of content is. Two layouts are accepted: the one shipped in the jar
 * ({@code procedures/*.md} with their alternates and {@code index.txt}, {@code search/synonyms.txt},
 * {@code search/danger.yml}, {@code search/not-covered.yml}, {@code guidance/cards.yml}, {@code guidance/sections.yml},
 * {@code triage/triage.yml}, {@code conversation/private-topics.txt}, {@code routing/*.yml}) and a flat one with every
 * file at the top of the folder.
 */
public record ContentFolder(Path root) {

    /** The subfolder of the shipped layout that holds the procedure files. */
    public static final String PROCEDURES = "procedures";
    /** The subfolder of the shipped layout that holds the search files. */
    public static final String SEARCH = "search";
    /** The subfolder of the shipped layout that holds the triage definition. */
    public static final String TRIAGE = "triage";
    /** The subfolder of the shipped layout that holds example routing configurations. */
    public static final String ROUTING = "routing";
    /** The subfolder of the shipped layout that holds the rules of the conversation itself. */
    public static final String CONVERSATION = "conversation";
    /** The subfolder of the shipped layout that holds the guidance cards and what the bot knows about sections. */
    public static final String GUIDANCE = "guidance";

    /** The folder of procedure files: {@code procedures/} when the folder has one, otherwise the folder itself. */
    public Path procedures() {
        Path sub = root.resolve(PROCEDURES);
        return Files.isDirectory(sub) ? sub : root;
    }

    /** A search file ({@code synonyms.txt}, {@code danger.yml}, {@code not-covered.yml}), if the folder has it. */
    public Optional<Path> searchFile(String name) {
        return first(SEARCH, name);
    }

    /** A guidance file ({@code cards.yml}, {@code sections.yml}), if the folder has it. */
    public Optional<Path> guidanceFile(String name) {
        return first(GUIDANCE, name);
    }

    /** A conversation file ({@code private-topics.txt}), if the folder has it. */
    public Optional<Path> conversationFile(String name) {
        return first(CONVERSATION, name);
    }

    /** The triage definition, if the folder has one. */
    public Optional<Path> triage() {
        return first(TRIAGE, "triage.yml");
    }

    /** The routing configurations under {@code routing/}, in name order; none in the flat layout. */
    public List<Path> routingFiles() {
        Path dir = root.resolve(ROUTING);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ContentException(dir + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * What makes the folder ambiguous or would leave a procedure out of the jar: a file present both in its subfolder
     * and at the top (only the subfolder's is read), and, where {@code index.txt} lists the procedure files for the
     * jar, a listed file that is missing or a procedure file it does not list.
     */
    public List<String> layoutProblems() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("synonyms.txt", "danger.yml", "not-covered.yml")) {
            duplicate(SEARCH, name).ifPresent(problems::add);
        }
        for (String name : List.of("cards.yml", "sections.yml")) {
            duplicate(GUIDANCE, name).ifPresent(problems::add);
        }
        duplicate(TRIAGE, "triage.yml").ifPresent(problems::add);
        duplicate(CONVERSATION, "private-topics.txt").ifPresent(problems::add);
        Path procedures = procedures();
        if (!procedures.equals(root)) {
            try (Stream<Path> top = Files.list(root)) {
                top.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted()
                        .forEach(p -> problems.add(shown(p) + ": outside " + PROCEDURES + "/, so it is not loaded; move it there"));
            } catch (IOException e) {
                problems.add(root + ": cannot be listed: " + e.getMessage());
            }
        }
        Path index = procedures.resolve("index.txt");
        if (Files.exists(index)) {
            problems.addAll(indexProblems(index));
        }
        return problems;
    }

    private List<String> indexProblems(Path index) {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        try {
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String name = lines.get(i).strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (!listed.add(name)) {
                    problems.add(shown(index) + " line " + (i + 1) + ": '" + name + "' is listed twice");
                } else if (!Files.isRegularFile(index.resolveSibling(name))) {
                    problems.add(shown(index) + " line " + (i + 1) + ": lists '" + name + "', which is not in the folder");
                }
            }
            try (Stream<Path> files = Files.list(index.getParent())) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted()
                        .filter(n -> !listed.contains(n))
                        .forEach(n -> problems.add(shown(index) + ": does not list '" + n + "', so the jar would leave it out; add it"));
            }
        } catch (IOException e) {
            problems.add(shown(index) + ": cannot be read: " + e.getMessage());
        }
        return problems;
    }

    /** A file of the folder as the folder's own path to it ({@code search/synonyms.txt}), for messages. */
    public String shown(Path file) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : relative.toString();
    }

    private Optional<Path> first(String subfolder, String name) {
        Path nested = root.resolve(subfolder).resolve(name);
        if (Files.isRegularFile(nested)) {
            return Optional.of(nested);
        }
        Path flat = root.resolve(name);
        return Files.isRegularFile(flat) ? Optional.of(flat) : Optional.empty();
    }

    private Optional<String> duplicate(String subfolder, String name) {
        Path nested = root.resolve(subfolder).resolve(name);
        Path flat = root.resolve(name);
        if (Files.isRegularFile(nested) && Files.isRegularFile(flat)) {
            return Optional.of(shown(flat) + ": also in " + subfolder + "/, whose copy is the one read; keep one");
        }
        return Optional.empty();
    }
}
