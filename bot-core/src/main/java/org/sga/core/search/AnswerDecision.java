package org.sga.core.search;

/**
 * Whether the best-ranked section is given as the answer or the question is declined: the one rule the search applies
 * and the tuning judges settings by.
 *
 * <p>A question is declined when it is closer to a topic the procedures do not cover than to its best section (give or
 * take the margin), when the thresholds of {@link Confidence} are not met, or when it asks for a kind of detail the
 * section does not state ({@link DetailAsked}).
 *
 * @param confidence       when the best section is close enough to count as the answer
 * @param notCoveredMargin a question at least this close to a not-covered topic, relative to its best section, is
 *                         declined
 */
public record AnswerDecision(Confidence confidence, double notCoveredMargin) {

    /** What is decided for one question: answered, or why not. */
    public enum Verdict {
        ANSWERED,
        /** The best section is not close enough. */
        NOT_CONFIDENT,
        /** The question is about a topic the procedures do not cover. */
        NOT_COVERED,
        /** Close enough, but the question asks for a kind of detail the section does not state. */
        DETAIL_MISSING
    }

    /**
     * The verdict on a question from its best section's signals.
     *
     * @param similarity    cosine similarity of the question to the section (0 without an embedder)
     * @param coverage      the IDF-weighted share of the question's words the section covers
     * @param words         the question's distinct words
     * @param notCovered    closeness of the question to the nearest topic not covered (negative infinity when none)
     * @param detailMissing whether the question asks for a kind of detail the section does not state
     */
    public Verdict decide(double similarity, double coverage, int words, double notCovered, boolean detailMissing) {
        if (notCovered(notCovered, similarity)) {
            return Verdict.NOT_COVERED;
        }
        if (!confidence.accepts(similarity, coverage, words)) {
            return Verdict.NOT_CONFIDENT;
        }
        return detailMissing ? Verdict.DETAIL_MISSING : Verdict.ANSWERED;
    }

    /** As {@link #decide}, only whether the question is answered. */
    public boolean answers(double similarity, double coverage, int words, double notCovered, boolean detailMissing) {
        return decide(similarity, coverage, words, notCovered, detailMissing) == Verdict.ANSWERED;
    }

    /** Whether a topic this close to the question, beside a best section this similar, declines it. */
    boolean notCovered(double closeness, double similarity) {
        return closeness > similarity + notCoveredMargin;
    }
}
