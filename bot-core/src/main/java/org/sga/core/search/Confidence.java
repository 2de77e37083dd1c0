package org.sga.core.search;

/**
 * When the best section counts as the answer. BM25 scores are not comparable across questions, so the decision
 * uses two signals that are: cosine similarity to the best section (when an embedder is used) and coverage, the
 * IDF-weighted share of the question's words that the section uses. A section is the answer when it is very close
 * in meaning, or close enough and sharing enough of the question's words. One-word questions need more coverage.
 * The values are content data, chosen per embedding model ({@link SearchTuning}).
 *
 * @param coverageFloor      a section covering less than this share of the question is never the answer
 * @param strongSimilarity   a section at least this similar is the answer (above 1: never on similarity alone)
 * @param minSimilarity      otherwise it must be at least this similar
 * @param minCoverage        and cover at least this share of the question
 * @param minCoverageOneWord or this share, for a one-word question
 */
public record Confidence(double coverageFloor, double strongSimilarity, double minSimilarity, double minCoverage,
                         double minCoverageOneWord) {

    public Confidence {
        if (minCoverage < 0 || minCoverage > 1 || minCoverageOneWord < 0 || minCoverageOneWord > 1) {
            throw new IllegalArgumentException("coverage thresholds must lie between 0 and 1");
        }
    }

    /** Without an embedder only coverage decides. */
    public static Confidence coverageOnly(double minCoverage, double minCoverageOneWord) {
        return new Confidence(0, 2, -1, minCoverage, minCoverageOneWord);
    }

    boolean accepts(double similarity, double coverage, int words) {
        if (coverage < coverageFloor) {
            return false;
        }
        if (similarity >= strongSimilarity) {
            return true;
        }
        return similarity >= minSimilarity && coverage >= (words <= 1 ? minCoverageOneWord : minCoverage);
    }
}
