package org.sga.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.sga.core.search.AnswerDecision;
import org.sga.core.search.Confidence;
import org.sga.core.search.HybridWeights;
import org.sga.core.search.SectionIndex;

/**
 * Chooses an embedding model's hybrid weights ({@link HybridWeights}) on a tuning set of labelled questions by trying
 * every setting of a grid: the weight of BM25, the not-covered margin and the five confidence thresholds.
 *
 * <p>A setting's score is the number of in-scope questions answered with an accepted section at rank 1 plus the number
 * of out-of-scope questions declined. Only settings whose false abstention (in-scope questions declined) is within the
 * limit compete, and they compete on their score averaged with that of their neighbours on each axis, so that a lone
 * lucky point, which would not carry over to new questions, does not win; a tie goes to fewer false abstentions.
 *
 * <p>Each question is searched once (one embedding); every setting is then decided from its signals by the same
 * {@link AnswerDecision} the search applies.
 */
public final class Tuning {

    /** The values tried on each axis, each in increasing order. */
    public record Grid(double[] lexicalWeight, double[] margin, double[] floor, double[] strong, double[] minSimilarity,
                       double[] minCoverage, double[] minCoverageOneWord) {

        /**
         * Wide enough for the models we ship, whose similarities lie on different scales: BM25 weight 0–0.3, margin
         * −0.10 to +0.02, similarity thresholds 0.40–0.98 (strong also "never").
         */
        public static Grid standard() {
            return new Grid(steps(0, 0.30, 0.02), steps(-0.10, 0.02, 0.01), new double[] {0, 0.05, 0.10, 0.15},
                    append(steps(0.40, 0.98, 0.02), 2), steps(0.40, 0.98, 0.02), steps(0.10, 0.50, 0.10), new double[] {0.5, 0.7, 0.9});
        }

        long size() {
            return (long) lexicalWeight.length * margin.length * floor.length * strong.length * minSimilarity.length
                    * minCoverage.length * minCoverageOneWord.length;
        }

        private double[][] axes() {
            return new double[][] {lexicalWeight, margin, floor, strong, minSimilarity, minCoverage, minCoverageOneWord};
        }

        private static double[] steps(double from, double to, double step) {
            int n = (int) Math.round((to - from) / step) + 1;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.round((from + i * step) * 1000) / 1000.0;
            }
            return values;
        }

        private static double[] append(double[] values, double last) {
            double[] out = java.util.Arrays.copyOf(values, values.length + 1);
            out[values.length] = last;
            return out;
        }
    }

    /** A setting and what it does on the tuning set; {@code smoothed} is the neighbour-averaged score it won on. */
    public record Candidate(HybridWeights weights, Figures figures, double smoothed) {
    }

    /** Counts on a set of questions: in scope and out, right at rank 1 and answered, in the top 3 and answered, etc. */
    public record Figures(int inScope, int outOfScope, int top1, int top3, int declined, int falselyDeclined) {
        public double falseAbstention() {
            return inScope == 0 ? 0 : (double) falselyDeclined / inScope;
        }
    }

    /** The best settings, best first, and how many were tried. */
    public record Result(List<Candidate> best, long tried) {
    }

    private Tuning() {
    }

    /**
     * Tries every setting of the grid on the cases, with the searcher's index and embedder (the weights the index was
     * built with do not matter).
     *
     * @param maxFalseAbstention the largest share of in-scope questions a setting may decline, e.g. 0.05
     * @param keep               how many of the best settings to return
     * @param progress           told the number of questions searched so far, then of BM25 weights decided
     */
    public static Result run(SectionIndex index, List<Evaluation.Case> cases, Grid grid, double maxFalseAbstention, int keep,
                             IntConsumer progress) {
        return run(c -> index, cases, grid, maxFalseAbstention, keep, progress);
    }

    /**
     * As {@link #run(SectionIndex, List, Grid, double, int, IntConsumer)}, each case searched with the index given for
     * it: e.g. one without the phrasings that are questions of the case's own file.
     */
    public static Result run(Function<Evaluation.Case, SectionIndex> indexFor, List<Evaluation.Case> cases, Grid grid,
                             double maxFalseAbstention, int keep, IntConsumer progress) {
        List<SectionIndex.Signals> signals = new ArrayList<>();
        for (Evaluation.Case c : cases) {
            signals.add(indexFor.apply(c).signals(c.question()).orElse(null));
            progress.accept(signals.size());
        }
        int inScope = (int) cases.stream().filter(c -> !c.outOfScope()).count();
        int allowed = (int) Math.floor(maxFalseAbstention * inScope + 1e-9);
        double[][] axes = grid.axes();
        int[] size = new int[axes.length];
        for (int a = 0; a < axes.length; a++) {
            size[a] = axes[a].length;
        }
        int points = Math.toIntExact(grid.size());
        short[] score = new short[points];
        short[] falselyDeclined = new short[points];
        int n = cases.size();
        boolean[] right = new boolean[n];
        double[] similarity = new double[n];
        double[] coverage = new double[n];
        boolean[] lacking = new boolean[n];
        int perWeight = points / size[0];
        for (int w = 0; w < size[0]; w++) {
            double weight = axes[0][w];
            for (int i = 0; i < n; i++) {
                SectionIndex.Signals s = signals.get(i);
                int best = s == null ? -1 : best(s, weight);
                right[i] = best >= 0 && cases.get(i).accepted().contains(s.ids()[best]);
                similarity[i] = best < 0 ? 0 : s.similarity()[best];
                coverage[i] = best < 0 ? 0 : s.coverage()[best];
                lacking[i] = best >= 0 && s.detailMissing()[best];
            }
            int p = w * perWeight;
            for (double margin : axes[1]) {
                for (double floor : axes[2]) {
                    for (double strong : axes[3]) {
                        for (double minSimilarity : axes[4]) {
                            for (double minCoverage : axes[5]) {
                                for (double oneWord : axes[6]) {
                                    AnswerDecision decision = new AnswerDecision(
                                            new Confidence(floor, strong, minSimilarity, minCoverage, oneWord), margin);
                                    int points1 = 0;
                                    int falsely = 0;
                                    for (int i = 0; i < n; i++) {
                                        SectionIndex.Signals s = signals.get(i);
                                        boolean answered = s != null && decision.answers(similarity[i], coverage[i], s.words(),
                                                s.notCovered(), lacking[i]);
                                        if (cases.get(i).outOfScope()) {
                                            points1 += answered ? 0 : 1;
                                        } else if (!answered) {
                                            falsely++;
                                        } else if (right[i]) {
                                            points1++;
                                        }
                                    }
                                    score[p] = (short) points1;
                                    falselyDeclined[p] = (short) falsely;
                                    p++;
                                }
                            }
                        }
                    }
                }
            }
            progress.accept(n + w + 1);
        }
        List<Point> ranked = new ArrayList<>();
        int[] coordinates = new int[axes.length];
        for (int p = 0; p < points; p++) {
            if (falselyDeclined[p] <= allowed) {
                ranked.add(new Point(p, smoothed(score, p, coordinates(p, size, coordinates), size), falselyDeclined[p], score[p]));
            }
        }
        ranked.sort(Comparator.comparingDouble((Point r) -> -r.smoothed()).thenComparingInt(Point::falselyDeclined)
                .thenComparingInt(r -> -r.score()));
        List<Candidate> best = new ArrayList<>();
        for (Point r : ranked.subList(0, Math.min(keep, ranked.size()))) {
            int[] at = coordinates(r.index(), size, new int[axes.length]);
            HybridWeights weights = new HybridWeights(axes[0][at[0]], axes[1][at[1]],
                    new Confidence(axes[2][at[2]], axes[3][at[3]], axes[4][at[4]], axes[5][at[5]], axes[6][at[6]]));
            best.add(new Candidate(weights, figures(signals, cases, weights), r.smoothed()));
        }
        return new Result(best, points);
    }

    /** A setting of the grid that keeps false abstention within the limit: its index, smoothed and own score. */
    private record Point(int index, double smoothed, int falselyDeclined, int score) {
    }

    /** What the weights do on the cases, from their signals. */
    static Figures figures(List<SectionIndex.Signals> signals, List<Evaluation.Case> cases, HybridWeights weights) {
        Tally tally = new Tally();
        for (int i = 0; i < cases.size(); i++) {
            SectionIndex.Signals s = signals.get(i);
            Evaluation.Case c = cases.get(i);
            int[] order = s == null ? new int[0] : top(s, weights.lexicalWeight(), 3);
            boolean answered = order.length > 0 && weights.decision().answers(s.similarity()[order[0]], s.coverage()[order[0]],
                    s.words(), s.notCovered(), s.detailMissing()[order[0]]);
            int rank = 0;
            for (int r = 0; r < order.length && rank == 0; r++) {
                rank = c.accepted().contains(s.ids()[order[r]]) ? r + 1 : 0;
            }
            tally.add(c.outOfScope(), answered, rank);
        }
        return new Figures(tally.inScope, tally.outOfScope, tally.top1, tally.top3, tally.declined, tally.falselyDeclined);
    }

    private static int best(SectionIndex.Signals s, double weight) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int ord = 0; ord < s.ids().length; ord++) {
            double score = HybridWeights.fused(s.lexical()[ord], s.similarity()[ord], weight);
            if (score > bestScore) {
                bestScore = score;
                best = ord;
            }
        }
        return best;
    }

    private static int[] top(SectionIndex.Signals s, double weight, int k) {
        Integer[] ords = new Integer[s.ids().length];
        for (int i = 0; i < ords.length; i++) {
            ords[i] = i;
        }
        java.util.Arrays.sort(ords, Comparator.comparingDouble(o -> -HybridWeights.fused(s.lexical()[o], s.similarity()[o], weight)));
        int[] out = new int[Math.min(k, ords.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ords[i];
        }
        return out;
    }

    /** Mean score of the point and its neighbours one step away along each axis. */
    private static double smoothed(short[] score, int p, int[] at, int[] size) {
        double sum = score[p];
        int count = 1;
        int stride = 1;
        for (int a = size.length - 1; a >= 0; a--) {
            if (at[a] > 0) {
                sum += score[p - stride];
                count++;
            }
            if (at[a] < size[a] - 1) {
                sum += score[p + stride];
                count++;
            }
            stride *= size[a];
        }
        return sum / count;
    }

    private static int[] coordinates(int p, int[] size, int[] into) {
        for (int a = size.length - 1; a >= 0; a--) {
            into[a] = p % size[a];
            p /= size[a];
        }
        return into;
    }
}
