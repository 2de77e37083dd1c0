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
import org.sga.app.content.Content;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.SectionGuidance;
import org.sga.core.yaml.YamlProblem;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SectionIndex;
import org.sga.core.triage.SectionCatalog;
import org.sga.core.triage.TriageEngine;

/**
 * {@code content check DIR}: validates a folder of content before it is deployed — every procedure file ({@code *.md}
 * with optional alternates), and, when present in the folder, {@code triage.yml} (every citation must name a section
 * of the folder's procedures), {@code synonyms.txt}, {@code not-covered.yml}, {@code danger.yml}, and the guidance
 * files {@code cards.yml} and {@code sections.yml} (directly in the folder or under {@code guidance/}), whose sections
 * must be the folder's. Prints each problem, naming the line where the file has one; exit 1 when there is any.
 * Without the optional files the shipped ones are checked against the folder's procedures.
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
        check(dir, "not-covered.yml", problems, out, NotCovered::parse);
        Library sections = library;
        List<String> cardIds = new ArrayList<>();
        check(guidance(dir, Content.CARDS_FILE), problems, out, reader -> {
            GuidanceCards cards = GuidanceCards.parse(reader, Content.CARDS_FILE);
            if (sections != null) {
                problems.addAll(cards.problems(sections, Content.CARDS_FILE));
            }
            cards.cards().forEach(c -> cardIds.add(c.id()));
            return cards.cards().size() + " cards (" + String.join(", ", cardIds) + ")";
        });
        check(dir, Content.DANGER_FILE, problems, out, reader -> {
            DangerSignals danger = DangerSignals.parse(reader, Content.DANGER_FILE);
            if (!cardIds.isEmpty()) {
                problems.addAll(danger.problems(cardIds, sections, Content.DANGER_FILE));
            }
            return danger.situations().size() + " situations, " + danger.phrasingCount() + " phrasings";
        });
        check(guidance(dir, Content.SECTIONS_FILE), problems, out, reader -> {
            SectionGuidance guidance = SectionGuidance.parse(reader, Content.SECTIONS_FILE);
            if (sections != null) {
                problems.addAll(guidance.problems(sections, Content.SECTIONS_FILE));
            }
            return "OK";
        });
        if (problems.isEmpty()) {
            out.println("content OK: " + dir);
            return 0;
        }
        problems.forEach(p -> out.println("PROBLEM " + p));
        return 1;
    }

    /** A reader check that throws on a bad file, or says what it found. */
    @FunctionalInterface
    private interface Check {
        Object accept(Reader reader) throws Exception;
    }

    /** A guidance file directly in the folder, or under {@code guidance/} as shipped. */
    private static Path guidance(Path dir, String name) {
        Path direct = dir.resolve(name);
        return Files.exists(direct) ? direct : dir.resolve("guidance").resolve(name);
    }

    private static void check(Path dir, String name, List<String> problems, PrintStream out, Check check) {
        check(dir.resolve(name), problems, out, check);
    }

    private static void check(Path file, List<String> problems, PrintStream out, Check check) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object found = check.accept(reader);
            out.println(name + ": " + (found instanceof String said ? said : "OK"));
        } catch (YamlProblem e) {
            // Its message starts with the file and line.
            problems.add(e.getMessage());
        } catch (Exception e) {
            problems.add(name + ": " + e.getMessage());
        }
    }
}
