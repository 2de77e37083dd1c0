package org.sga.core.search;

/**
 * The hybrid's settings for one embedding model. Models differ in the scale of their cosine similarities (e5's lie
 * in a narrow band high up, MiniLM's spread from about 0 to 1), so the weight of BM25 beside similarity, the margin
 * for topics not covered and the confidence thresholds are chosen per model, on the tuning sets only.
 *
 * @param lexicalWeight    weight of the question-relative BM25 score (best section = 1) added to cosine similarity
 * @param notCoveredMargin a question at least this close to a not-covered topic, relative to its best section, is
 *                         declined
 * @param confidence       when the best section counts as the answer
 */
public record HybridWeights(double lexicalWeight, double notCoveredMargin, Confidence confidence) {

    /**
     * all-MiniLM-L6-v2. The margin is slightly negative because a neighbouring topic shares much vocabulary with the
     * sections and so scores a little lower than it should.
     */
    public static final HybridWeights MINILM = new HybridWeights(0.2, -0.04, Confidence.HYBRID);

    /**
     * e5-small-v2, chosen by {@code tune} on the tuning sets and judged on sets never tuned on (eval/DECISIONS.md,
     * decision 2). Its similarities spread much less than MiniLM's, so BM25 weighs little. A question is declined as
     * not covered when a topic's two closest phrasings are on average within 0.01 of its best section. The margin is
     * no wider because topics with many phrasings come close to everything: at -0.02 they declined "what does the
     * procedure say about preserving evidence on a phone".
     */
    public static final HybridWeights E5_SMALL = new HybridWeights(0.04, -0.01, Confidence.HYBRID_E5);
}
