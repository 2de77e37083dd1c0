package org.sga.core.search;

/**
 * When the best section counts as the answer. BM25 scores are not comparable across questions, so the decision
 * uses two signals that are: cosine similarity to the best section (when an embedder is used) and coverage, the
 * IDF-weighted share of the question's words that the section uses. A section is the answer when it is very close
 * in meaning, or close enough and sharing enough of the question's words. One-word questions need more coverage.
 */
public record Confidence(double coverageFloor, double strongSimilarity, double minSimilarity, double minCoverage,
                         double minCoverageOneWord) {

    /**
     * For MiniLM, chosen on eval/tuning/mixed-staff.tsv together with the developers' dev set, never on
     * eval/holdout/ (eval/DECISIONS.md, decision 2). The floor stops a question that shares almost no words with a section from being
     * answered on similarity alone: neighbouring topics (MARAC, missed dental appointments) sound alike to the model.
     */
    public static final Confidence HYBRID = new Confidence(0.10, 0.55, 0.44, 0.30, 0.9);

    /**
     * The same for e5-small-v2, chosen with {@link Tuning} on the tuning sets together, never on eval/holdout/ or
     * eval/blind/ (eval/DECISIONS.md, decision 2), beside the not-covered margin of {@link HybridWeights#E5_SMALL}
     * (-0.01). Its similarities lie high and close together, so a section is the answer when very close (0.88), or
     * close (0.84) and covering 40 % of the question's weighted words; questions further off, and questions that share
     * the procedure's words but ask something else, are declined.
     */
    public static final Confidence HYBRID_E5 = new Confidence(0.15, 0.88, 0.84, 0.40, 0.70);

    /** Without an embedder only coverage decides. */
    public static final Confidence LEXICAL = new Confidence(0, 2, -1, 0.5, 0.9);

    public Confidence {
        if (minCoverage < 0 || minCoverage > 1 || minCoverageOneWord < 0 || minCoverageOneWord > 1) {
            throw new IllegalArgumentException("coverage thresholds must lie between 0 and 1");
        }
    }

    boolean accepts(Hit best, int words) {
        return accepts(best.similarity(), best.coverage(), words);
    }

    boolean accepts(double similarity, double coverage, int words) {
        return accepts(coverageFloor, strongSimilarity, minSimilarity, minCoverage, minCoverageOneWord, similarity, coverage, words);
    }

    /** The rule itself, for trying many thresholds without building a record for each ({@link Tuning}). */
    static boolean accepts(double coverageFloor, double strongSimilarity, double minSimilarity, double minCoverage,
                           double minCoverageOneWord, double similarity, double coverage, int words) {
        if (coverage < coverageFloor) {
            return false;
        }
        if (similarity >= strongSimilarity) {
            return true;
        }
        return similarity >= minSimilarity && coverage >= (words <= 1 ? minCoverageOneWord : minCoverage);
    }
}
