package org.sga.core.guidance;

import org.sga.core.search.EmbeddingModel;

/**
 * How close in meaning a message must be to example phrasings, per embedding model (similarities of e5 lie in a narrow
 * band high up, MiniLM's spread wide, as for {@link org.sga.core.search.HybridWeights}), and how likely a card's
 * classifier must find a message. Chosen on safety cases the cards had not learned from (eval/DECISIONS.md), then
 * against how often the questions of {@code eval/} draw a card or the 999 line; never on the set measured last.
 *
 * @param closest        how many of a set's phrasings closest to the message its closeness averages
 * @param danger         a message at least this much closer to a danger situation than to the calm examples gets the
 *                       999 line (negative: a little less close still counts, since a missed 999 line costs most)
 * @param withoutCue     subtracted when the message lacks the words its situation needs (e.g. a time for a meeting):
 *                       only a much closer message then counts
 * @param card           a card applies when its classifier finds the message more likely than this about it (0 to 1)
 *                       and the message has the words the card needs
 * @param cardWithoutWords or, for the message whole, more likely than this even without those words
 * @param concernSpread  kinds of concern within this of the closest kind are also what the message is about
 * @param sameAnswer     a section that says what to do, no more than this less similar in meaning to a question that
 *                       asks what to do than the best-ranked section (which only describes), is quoted instead
 * @param sentence       one sentence of a longer message, read on its own for danger, must be this much further from
 *                       the calm examples than the whole message would have to be
 */
public record MeaningMargins(int closest, double danger, double withoutCue, double card, double cardWithoutWords,
                             double concernSpread, double sameAnswer, double sentence) {

    /** e5-small-v2, the default model. */
    public static final MeaningMargins E5_SMALL = new MeaningMargins(3, -0.02, 0.03, 0.5, 0.9, 0.03, 0.0, 0.01);

    /**
     * all-MiniLM-L6-v2: e5's margins scaled by the ratio of the models' similarity spreads (about four), not measured
     * on the safety cases; the cards' likelihoods are the same (a classifier is trained for each model).
     */
    public static final MeaningMargins MINILM = new MeaningMargins(3, -0.08, 0.12, 0.5, 0.9, 0.12, 0.0, 0.04);

    public static MeaningMargins of(EmbeddingModel model) {
        return model == EmbeddingModel.MINILM ? MINILM : E5_SMALL;
    }
}
