package org.sga.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sga.core.search.SearchResult;
import org.sga.core.search.Searcher;

/**
 * Scores a searcher on labelled questions (the format of the sets in {@code eval/}: question, tab, accepted ids
 * comma-separated or {@code NONE}). A question counts as found at rank k only if the searcher also answered it.
 */
public final class Evaluation {

    /** One labelled question. An empty {@code accepted} set means out of scope. */
    public record Case(String question, Set<String> accepted) {
        public boolean outOfScope() {
            return accepted.isEmpty();
        }
    }

    /** What happened to one question: the rank of the first accepted id (0 when none in the top 5) and the decision. */
    public record Outcome(Case testCase, int rank, boolean answered, double confidence, List<String> top) {
    }

    /**
     * The figures: shares are 0–1; counts are of in-scope and out-of-scope rows. {@code rankedTop1} and
     * {@code rankedTop3} judge the ranking alone: an accepted section at rank 1 (in the top 3) whether or not the
     * question was answered, so a question wrongly declined still counts if its section led the list shown.
     */
    public record Report(int inScope, int outOfScope, double top1, double top3, double mrr,
                         double abstention, double falseAbstention, List<Outcome> misses, double rankedTop1, double rankedTop3) {
    }

    private Evaluation() {
    }

    /** Parses TSV lines; a header line starting with {@code question} and blank or {@code #} lines are skipped. */
    public static List<Case> parse(List<String> lines) {
        return parse(lines, Set::of);
    }

    /**
     * As {@link #parse(List)}, accepting for each labelled id every id shown as one answer with it
     * ({@code Library#shownWith}: a lead-in section and the section it introduces are quoted and cited together, so a
     * question labelled with either is answered by the pair).
     */
    public static List<Case> parse(List<String> lines, java.util.function.Function<String, Set<String>> shownWith) {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#") || (n == 1 && line.startsWith("question\t"))) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("line " + n + ": expected 'question<TAB>ids or NONE'");
            }
            String expected = line.substring(tab + 1).strip();
            Set<String> accepted = "NONE".equals(expected) ? Set.of()
                    : Arrays.stream(expected.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .flatMap(id -> shownWith.apply(id).stream()).collect(Collectors.toUnmodifiableSet());
            if (accepted.isEmpty() && !"NONE".equals(expected)) {
                throw new IllegalArgumentException("line " + n + ": no expected ids");
            }
            cases.add(new Case(line.substring(0, tab).strip(), accepted));
        }
        return cases;
    }

    public static Report run(Searcher searcher, List<Case> cases) {
        Tally tally = new Tally();
        List<Outcome> misses = new ArrayList<>();
        for (Case c : cases) {
            SearchResult result = searcher.search(c.question(), 5);
            List<String> ids = result.hits().stream().map(h -> h.section().globalId()).toList();
            int rank = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (c.accepted().contains(ids.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            if (tally.add(c.outOfScope(), result.answered(), rank)) {
                misses.add(new Outcome(c, rank, result.answered(), result.confidence(), ids));
            }
        }
        int in = tally.inScope;
        return new Report(in, tally.outOfScope, share(tally.top1, in), share(tally.top3, in),
                in == 0 ? 0 : tally.reciprocalRanks / in, share(tally.declined, tally.outOfScope),
                share(tally.falselyDeclined, in), misses, share(tally.rankedTop1, in), share(tally.rankedTop3, in));
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }
}
