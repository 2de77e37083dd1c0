package org.sga.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sga.app.cli.UsageException;
import org.sga.app.content.Content;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.Confidence;
import org.sga.core.search.HybridWeights;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;

/**
 * {@code tune [--max-false-abstention SHARE] FILE.tsv}: the hybrid weights for the configured embedding model that do
 * best on a tuning set (see {@link Tuning}). Run it on the sets in eval/tuning/ only, never on eval/holdout/ or
 * eval/blind/ (eval/README.md).
 */
final class TuneCommand implements Tool {

    static final String USAGE = "usage: tune [--max-false-abstention SHARE] FILE.tsv...   (SHARE from 0 to 1, default 0.05;"
            + " several files are tuned on together)";

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(args);
        double limit = 0.05;
        int flag = rest.indexOf("--max-false-abstention");
        if (flag >= 0) {
            if (flag + 1 >= rest.size()) {
                throw new UsageException(USAGE);
            }
            try {
                limit = Double.parseDouble(rest.get(flag + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("tune: --max-false-abstention: '" + rest.get(flag + 1) + "' is not a number");
            }
            if (!(limit >= 0 && limit <= 1)) {
                throw new UsageException("tune: --max-false-abstention must lie between 0 and 1");
            }
            rest.remove(flag + 1);
            rest.remove(flag);
        }
        if (rest.isEmpty() || rest.stream().anyMatch(f -> f.startsWith("-"))) {
            throw new UsageException(USAGE);
        }
        org.sga.content.Library library = Content.library();
        List<Evaluation.Case> cases = new ArrayList<>();
        Map<Evaluation.Case, String> fileOf = new IdentityHashMap<>();
        for (String file : rest) {
            try {
                for (Evaluation.Case c : Evaluation.parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8), library::shownWith)) {
                    cases.add(c);
                    fileOf.put(c, file);
                }
            } catch (NoSuchFileException e) {
                throw new UsageException("tune: no such file: " + file);
            } catch (IllegalArgumentException e) {
                throw new UsageException("tune: " + file + ": " + e.getMessage());
            }
        }
        if (cases.isEmpty()) {
            throw new UsageException("tune: " + String.join(", ", rest) + ": no questions");
        }
        // Each file is searched without the phrasings that are its own questions, so folding a tuning set's questions
        // into the content never lets them find themselves: every file is measured as if unseen (leave one file out).
        CachedEmbedder embedder = Content.embedder();
        Map<String, SectionIndex> indexOf = new HashMap<>();
        for (String file : new LinkedHashSet<>(rest)) {
            List<String> questions = cases.stream().filter(c -> fileOf.get(c).equals(file)).map(Evaluation.Case::question).toList();
            int own = LeftOut.phrasingsAmong(library, questions);
            if (own > 0) {
                err.printf("tune: %d search phrasings are questions of %s; left out while it is searched%n", own, file);
            }
            indexOf.put(file, LeftOut.index(library, questions, embedder));
        }
        Tuning.Grid grid = Tuning.Grid.standard();
        int questions = cases.size();
        err.printf("tune: %s, %d questions; searching each once, then deciding every setting%n",
                Content.embeddingModel().description(), questions);
        Tuning.Result result = Tuning.run(c -> indexOf.get(fileOf.get(c)), cases, grid, limit, 5, done -> {
            if (done == questions) {
                err.printf("tune: %d questions searched%n", done);
            } else if (done > questions) {
                err.printf("tune: BM25 weight %d of %d decided%n", done - questions, grid.lexicalWeight().length);
            }
        });
        out.printf("%s on %s (%d questions): %,d settings tried; false abstention at most %.0f %%%n",
                Content.embeddingModel().description(), String.join(", ", rest), questions, result.tried(), 100 * limit);
        if (result.best().isEmpty()) {
            out.println("no setting keeps false abstention within the limit");
            return 1;
        }
        out.printf("%-60s %8s %6s %6s %9s %9s %9s%n", "setting (best first)", "smoothed", "top-1", "top-3", "declined", "false abst", "");
        for (Tuning.Candidate c : result.best()) {
            Tuning.Figures f = c.figures();
            out.printf("%-60s %8.2f %5.1f%% %5.1f%% %8.1f%% %8.1f%%%n", literal(c.weights()), c.smoothed(),
                    pct(f.top1(), f.inScope()), pct(f.top3(), f.inScope()), pct(f.declined(), f.outOfScope()),
                    100 * f.falseAbstention());
        }
        out.println("settings are (lexical-weight, not-covered-margin, (coverage-floor, strong-similarity, min-similarity, "
                + "min-coverage, min-coverage-one-word)); a strong similarity of 2 means never");
        out.println("the best, for models: in search/tuning.yml (the file the search reads):");
        out.print(SearchTuning.format(Content.embeddingModel(), result.best().get(0).weights()));
        return 0;
    }

    private static String literal(HybridWeights w) {
        Confidence c = w.confidence();
        return String.format(Locale.ROOT, "(%.2f, %.2f, (%.2f, %.2f, %.2f, %.2f, %.2f))", w.lexicalWeight(), w.notCoveredMargin(),
                c.coverageFloor(), c.strongSimilarity(), c.minSimilarity(), c.minCoverage(), c.minCoverageOneWord());
    }

    private static double pct(int n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }
}
