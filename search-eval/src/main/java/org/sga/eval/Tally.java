package org.sga.eval;

/**
 * Counts how a set of labelled questions came out, for the evaluation's report and the tuning's figures: in scope or
 * out, declined or answered, and where the first accepted section ranked. A question counts as found at rank k only if
 * it was answered; {@code rankedTop1} and {@code rankedTop3} judge the ranking alone.
 */
final class Tally {

    int inScope;
    int outOfScope;
    int top1;
    int top3;
    double reciprocalRanks;
    int declined;
    int falselyDeclined;
    int rankedTop1;
    int rankedTop3;

    /**
     * Adds one question; {@code rank} is the 1-based place of its first accepted section, 0 when none was found.
     * Returns whether it is a miss: an out-of-scope question answered, or an in-scope one declined or not found first.
     */
    boolean add(boolean outOfScope, boolean answered, int rank) {
        if (outOfScope) {
            this.outOfScope++;
            if (!answered) {
                declined++;
            }
            return answered;
        }
        inScope++;
        boolean inTop3 = rank >= 1 && rank <= 3;
        rankedTop1 += rank == 1 ? 1 : 0;
        rankedTop3 += inTop3 ? 1 : 0;
        if (!answered) {
            falselyDeclined++;
            return true;
        }
        top1 += rank == 1 ? 1 : 0;
        top3 += inTop3 ? 1 : 0;
        if (rank > 0) {
            reciprocalRanks += 1.0 / rank;
        }
        return rank != 1;
    }
}
