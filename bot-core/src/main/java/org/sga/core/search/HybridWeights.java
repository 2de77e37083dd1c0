package org.sga.core.search;

/**
 * The hybrid's settings for one embedding model. Models differ in the scale of their cosine similarities (e5's lie
 * in a narrow band high up, MiniLM's spread from about 0 to 1), so the weight of BM25 beside similarity, the margin
 * for topics not covered and the confidence thresholds are chosen per model, on the tuning sets only; they are content
 * data ({@link SearchTuning}).
 *
 * @param lexicalWeight    weight of the question-relative BM25 score (best section = 1) added to cosine similarity
 * @param notCoveredMargin a question at least this close to a not-covered topic, relative to its best section, is
 *                         declined
 * @param confidence       when the best section counts as the answer
 */
public record HybridWeights(double lexicalWeight, double notCoveredMargin, Confidence confidence) {

    /** The answer-or-decline rule these settings make. */
    public AnswerDecision decision() {
        return new AnswerDecision(confidence, notCoveredMargin);
    }

    /** The hybrid's score: cosine similarity plus the weighted BM25 score relative to the question's best section. */
    public static double fused(double relativeLexical, double similarity, double lexicalWeight) {
        return similarity + lexicalWeight * relativeLexical;
    }
}
