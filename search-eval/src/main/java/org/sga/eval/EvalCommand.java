package org.sga.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sga.app.cli.UsageException;
import org.sga.app.content.Content;
import org.sga.content.Library;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.Hit;
import org.sga.core.search.SearchResult;
import org.sga.core.search.SectionIndex;
import org.sga.eval.Evaluation.Report;

/** {@code eval [--baseline] FILE.tsv}: top-1, top-3, MRR, abstention and false abstention, then each miss. */
final class EvalCommand implements Tool {

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        List<String> files = new ArrayList<>(args);
        boolean baseline = files.remove("--baseline");
        boolean features = files.remove("--features");
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            throw new UsageException("usage: eval [--baseline] [--features] FILE.tsv");
        }
        Library library = Content.library();
        List<Evaluation.Case> cases;
        try {
            cases = Evaluation.parse(Files.readAllLines(Path.of(files.get(0)), StandardCharsets.UTF_8), library::shownWith);
        } catch (NoSuchFileException e) {
            throw new UsageException("eval: no such file: " + files.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("eval: " + files.get(0) + ": " + e.getMessage());
        }
        List<String> questions = cases.stream().map(Evaluation.Case::question).toList();
        int own = LeftOut.phrasingsAmong(library, questions);
        if (own > 0) {
            err.printf("eval: %d search phrasings in the content are questions of %s; they are left out while it is measured%n",
                    own, files.get(0));
        }
        CachedEmbedder embedder = Content.embedder();
        SectionIndex index = LeftOut.index(library, questions, embedder);
        if (features) {
            // For choosing thresholds on a tuning set: the signals of the best hit, one line a question.
            for (Evaluation.Case c : cases) {
                SearchResult r = index.search(c.question(), 5);
                Hit best = r.hits().isEmpty() ? null : r.hits().get(0);
                out.printf("%s\t%s\t%.4f\t%.4f\t%.4f\t%d%n", c.outOfScope() ? "NONE" : "IN",
                        best != null && c.accepted().contains(best.section().globalId()) ? "right" : "wrong",
                        best == null ? 0 : best.similarity(), best == null ? 0 : best.coverage(),
                        r.hits().size() > 1 ? best.similarity() - r.hits().get(1).similarity() : 0,
                        c.question().split("\\s+").length);
            }
            return 0;
        }
        Report ours = Evaluation.run(index, cases);
        out.printf("%d in-scope and %d out-of-scope questions from %s; embedding model %s%n", ours.inScope(), ours.outOfScope(),
                files.get(0), Content.embeddingModel().description());
        if (baseline) {
            Report lexical = Evaluation.run(LeftOut.index(library, questions, null), cases);
            Report base = Evaluation.run(new BaselineSearch(library), cases);
            out.printf("%-22s %10s %10s %10s%n", "", "ours", "lexical", "baseline");
            row(out, "top-1", ours.top1(), lexical.top1(), base.top1());
            row(out, "top-3", ours.top3(), lexical.top3(), base.top3());
            out.printf("%-22s %10.3f %10.3f %10.3f%n", "MRR", ours.mrr(), lexical.mrr(), base.mrr());
            row(out, "abstained (NONE)", ours.abstention(), lexical.abstention(), base.abstention());
            row(out, "false abstention", ours.falseAbstention(), lexical.falseAbstention(), base.falseAbstention());
            out.println("ours = BM25 + synonyms + alternates fused with " + Content.embeddingModel().description()
                    + " embeddings; lexical = the same without embeddings;");
            out.println("baseline = plain BM25, StandardAnalyzer, no synonyms or boosts, abstains only when nothing matches.");
        } else {
            out.printf("top-1 %.1f %%  top-3 %.1f %%  MRR %.3f  abstained on NONE %.1f %%  false abstention %.1f %%%n",
                    100 * ours.top1(), 100 * ours.top3(), ours.mrr(), 100 * ours.abstention(), 100 * ours.falseAbstention());
        }
        out.printf("ranking alone (whether or not answered): top-1 %.1f %%  top-3 %.1f %%%n", 100 * ours.rankedTop1(),
                100 * ours.rankedTop3());
        out.println("misses (ours):");
        for (Evaluation.Outcome miss : ours.misses()) {
            String what = miss.testCase().outOfScope() ? "answered out-of-scope"
                    : !miss.answered() ? "abstained" : miss.rank() == 0 ? "not in top 5" : "rank " + miss.rank();
            out.printf("  [%s, confidence %.2f] %s%n      expected %s, got %s%n", what, miss.confidence(), miss.testCase().question(),
                    miss.testCase().outOfScope() ? "NONE" : String.join(",", new java.util.TreeSet<>(miss.testCase().accepted())),
                    miss.top().isEmpty() ? "nothing" : String.join(",", miss.top().subList(0, Math.min(3, miss.top().size()))));
        }
        return 0;
    }

    private static void row(PrintStream out, String name, double ours, double lexical, double base) {
        out.printf("%-22s %9.1f%% %9.1f%% %9.1f%%%n", name, 100 * ours, 100 * lexical, 100 * base);
    }
}
