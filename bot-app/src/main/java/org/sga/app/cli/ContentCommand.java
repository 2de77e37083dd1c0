package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sga.content.ContentException;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SectionIndex;
import org.sga.core.triage.SectionCatalog;
import org.sga.core.triage.TriageEngine;

/**
 * {@code content check DIR}: validates a folder of content before it is deployed — every procedure file ({@code *.md}
 * with optional alternates), and, when present in the folder, {@code triage.yml} (every citation must name a section
 * of the folder's procedures), {@code synonyms.txt}, {@code danger-phrases.txt}, {@code not-covered.yml} and
 * {@code private-topics.txt}.
 * Prints each problem; exit 1 when there is any. Without the optional files the shipped ones are checked against
 * the folder's procedures.
 */
final class ContentCommand implements Command {

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 2 || !args.get(0).equals("check")) {
            throw new UsageException("usage: content check DIR");
        }
        Path dir = Path.of(args.get(1));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("content check: " + dir + " is not a folder");
        }
        List<String> problems = new ArrayList<>();
        Library library = null;
        try {
            library = ProcedureLoader.fromDirectory(dir);
            out.printf("procedures: %d (%s), %d sections, %d alternate phrasings%n", library.procedures().size(),
                    String.join(", ", library.procedures().stream().map(p -> p.slug() + " v" + p.version()).toList()),
                    library.sections().size(), library.sections().stream().mapToInt(s -> s.alternates().size()).sum());
        } catch (ContentException e) {
            problems.add("procedures: " + e.getMessage());
        }
        if (library != null) {
            Library lib = library;
            SectionCatalog catalog = c -> lib.section(c.id()).isPresent();
            Path triage = dir.resolve("triage.yml");
            try {
                TriageEngine engine = Files.exists(triage) ? TriageEngine.fromPath(triage, catalog) : TriageEngine.fromClasspath(catalog);
                out.printf("triage: %d questions, every citation names a section (%s)%n", engine.definition().questions().size(),
                        Files.exists(triage) ? triage : "shipped definition");
            } catch (RuntimeException e) {
                problems.add("triage: " + e.getMessage());
            }
        }
        // Parsing the synonyms is building an index with them; an empty library is enough to find a bad rule.
        check(dir, "synonyms.txt", problems, out, reader -> SectionIndex.build(new Library(List.of()), reader));
        check(dir, "danger-phrases.txt", problems, out, DangerSignals::parse);
        check(dir, "not-covered.yml", problems, out, NotCovered::parse);
        check(dir, "private-topics.txt", problems, out, reader -> PrivateTopics.parse(reader, "private-topics.txt"));
        if (problems.isEmpty()) {
            out.println("content OK: " + dir);
            return 0;
        }
        problems.forEach(p -> out.println("PROBLEM " + p));
        return 1;
    }

    /** A reader check that throws on a bad file. */
    @FunctionalInterface
    private interface Check {
        void accept(Reader reader) throws Exception;
    }

    private static void check(Path dir, String name, List<String> problems, PrintStream out, Check check) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            check.accept(reader);
            out.println(name + ": OK");
        } catch (Exception e) {
            problems.add(name + ": " + e.getMessage());
        }
    }
}
