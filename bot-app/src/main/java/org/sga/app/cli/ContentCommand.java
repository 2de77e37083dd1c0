package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sga.content.ContentException;
import org.sga.content.ContentFolder;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.app.content.ContentSource;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.SectionGuidance;
import org.sga.core.yaml.YamlProblem;
import org.sga.core.search.NotCovered;
import org.sga.core.search.Confidence;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;
import org.sga.core.triage.SectionCatalog;
import org.sga.core.triage.TriageEngine;

/**
 * {@code content check DIR}: validates a folder of content before it is deployed, laid out as the shipped content
 * ({@code procedures/}, {@code search/}, {@code guidance/}, {@code triage/}, {@code conversation/}, {@code routing/})
 * or with every file at the top (see {@link ContentFolder}) — every procedure file ({@code *.md} with optional
 * alternates, and {@code index.txt} where there is one), and, when present, the triage definition (every citation
 * must name a section of the folder's procedures), {@code synonyms.txt}, {@code tuning.yml} (the search's weights and
 * thresholds), {@code not-covered.yml}, {@code danger.yml},
 * the guidance files {@code cards.yml} and {@code sections.yml} (whose sections must be the folder's),
 * {@code private-topics.txt} and the routing files. Prints each problem, naming the line where the file has one;
 * exit 1 when there is any. Without the optional files the shipped ones are checked against the folder's procedures.
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
        ContentFolder folder = new ContentFolder(dir);
        List<String> problems = new ArrayList<>(folder.layoutProblems());
        Library library = null;
        try {
            library = ProcedureLoader.fromDirectory(folder.procedures());
            out.printf("procedures: %d (%s), %d sections, %d alternate phrasings%n", library.procedures().size(),
                    String.join(", ", library.procedures().stream().map(p -> p.slug() + " v" + p.version()).toList()),
                    library.sections().size(), library.sections().stream().mapToInt(s -> s.alternates().size()).sum());
        } catch (ContentException e) {
            problems.add("procedures: " + e.getMessage());
        }
        if (library != null) {
            Library lib = library;
            SectionCatalog catalog = c -> lib.section(c.id()).isPresent();
            Optional<Path> triage = folder.triage();
            try {
                TriageEngine engine = triage.isPresent() ? TriageEngine.fromPath(triage.get(), catalog) : TriageEngine.fromClasspath(catalog);
                out.printf("triage: %d questions, every citation names a section (%s)%n", engine.definition().questions().size(),
                        triage.map(folder::shown).orElse("shipped definition"));
            } catch (RuntimeException e) {
                problems.add("triage: " + e.getMessage());
            }
        }
        // Parsing the synonyms is building an index with them; an empty library is enough to find a bad rule.
        // (The thresholds play no part in that.)
        check(folder, folder.searchFile("synonyms.txt"), problems, out, (reader, source) -> SectionIndex.build(new Library(List.of()), reader,
                SearchOptions.lexical(Confidence.coverageOnly(1, 1))));
        check(folder, folder.searchFile(SearchTuning.FILE), problems, out, (reader, source) -> {
            SearchTuning tuning = SearchTuning.parse(reader, source);
            return "weights for " + String.join(", ", tuning.models().keySet().stream().map(m -> m.setting()).sorted().toList());
        });
        check(folder, folder.searchFile("not-covered.yml"), problems, out, (reader, source) -> NotCovered.parse(reader));
        Library sections = library;
        List<String> cardIds = new ArrayList<>();
        check(folder, folder.guidanceFile(ContentSource.CARDS_FILE), problems, out, (reader, source) -> {
            GuidanceCards cards = GuidanceCards.parse(reader, source);
            if (sections != null) {
                problems.addAll(cards.problems(sections, source));
            }
            cards.cards().forEach(c -> cardIds.add(c.id()));
            return cards.cards().size() + " cards (" + String.join(", ", cardIds) + ")";
        });
        check(folder, folder.guidanceFile(MeaningMargins.FILE), problems, out, (reader, source) -> {
            Map<EmbeddingModel, MeaningMargins> margins = MeaningMargins.parse(reader, source);
            if (!cardIds.isEmpty()) {
                margins.values().stream().flatMap(m -> m.problems(cardIds, source).stream()).distinct().forEach(problems::add);
            }
            return "margins for " + String.join(", ", margins.keySet().stream().map(m -> m.setting()).sorted().toList());
        });
        check(folder, folder.searchFile(ContentSource.DANGER_FILE), problems, out, (reader, source) -> {
            DangerSignals danger = DangerSignals.parse(reader, source);
            if (!cardIds.isEmpty()) {
                problems.addAll(danger.problems(cardIds, sections, source));
            }
            return danger.situations().size() + " situations, " + danger.phrasingCount() + " phrasings";
        });
        check(folder, folder.guidanceFile(ContentSource.SECTIONS_FILE), problems, out, (reader, source) -> {
            SectionGuidance guidance = SectionGuidance.parse(reader, source);
            if (sections != null) {
                problems.addAll(guidance.problems(sections, source));
            }
            return "OK";
        });
        check(folder, folder.conversationFile("private-topics.txt"), problems, out,
                (reader, source) -> PrivateTopics.parse(reader, source));
        for (Path routing : folder.routingFiles()) {
            check(folder, Optional.of(routing), problems, out, (reader, source) -> RoutingConfig.parse(reader, routing.toString()));
        }
        if (problems.isEmpty()) {
            out.println("content OK: " + dir);
            return 0;
        }
        problems.forEach(p -> out.println("PROBLEM " + p));
        return 1;
    }

    /** A reader check that throws on a bad file, or says what it found; {@code source} names the file in problems. */
    @FunctionalInterface
    private interface Check {
        Object accept(Reader reader, String source) throws Exception;
    }

    private static void check(ContentFolder folder, Optional<Path> present, List<String> problems, PrintStream out, Check check) {
        if (present.isEmpty()) {
            return;
        }
        Path file = present.get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object found = check.accept(reader, folder.shown(file));
            out.println(folder.shown(file) + ": " + (found instanceof String said ? said : "OK"));
        } catch (YamlProblem e) {
            // Its message starts with the file and line.
            problems.add(e.getMessage());
        } catch (Exception e) {
            problems.add(folder.shown(file) + ": " + e.getMessage());
        }
    }
}
