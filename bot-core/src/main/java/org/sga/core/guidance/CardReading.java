package org.sga.core.guidance;

/**
 * What one guidance card reads in a message, before any margin decides whether it applies.
 *
 * @param card       the card
 * @param matched    one of its patterns matches the message
 * @param brought    a danger situation the message is in brings the card, and the message has the words it needs
 * @param cued       the message has the words the card needs
 * @param likelihood how likely its classifier finds the message whole about the card (0 without a classifier)
 * @param sentence   the likeliest of the message's sentences read alone that have the card's words, for a card that
 *                   needs words (negative infinity: none)
 * @param nearest    how much closer the message whole is to what the card learned is about it than to what it learned
 *                   is not (negative infinity: not measured)
 * @param network    the log-odds that {@link CardNetwork} gives the message whole for the card (not a number: none)
 * @param networkSentence the highest log-odds {@link CardNetwork} gives any of the message's sentences read alone (the
 *                   message whole when it is one sentence; not a number: none)
 * @param nearestSentence the largest of {@code nearest} for any of the message's sentences read alone (the message whole
 *                   when it is one sentence; negative infinity: not measured)
 * @param secondView the log-odds that the second view's network (the same as {@code network}'s, learned over a second
 *                   model's embeddings) gives the message whole for the card (not a number: none)
 * @param thirdView  the same for the third view's network, over a third model's embeddings (not a number: none)
 * @param wording    the log-odds that {@link Wording} gives the message's words for the card (not a number: none)
 */
public record CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                          double sentence, double nearest, double network, double networkSentence,
                          double nearestSentence, double secondView, double thirdView, double wording) {

    /** Without the wording. */
    public CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                       double sentence, double nearest, double network, double networkSentence, double nearestSentence,
                       double secondView, double thirdView) {
        this(card, matched, brought, cued, likelihood, sentence, nearest, network, networkSentence, nearestSentence, secondView,
                thirdView, Double.NaN);
    }

    /** Without a second or third view. */
    public CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                       double sentence, double nearest, double network, double networkSentence, double nearestSentence) {
        this(card, matched, brought, cued, likelihood, sentence, nearest, network, networkSentence, nearestSentence, Double.NaN);
    }

    /** Without a third view. */
    public CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                       double sentence, double nearest, double network, double networkSentence, double nearestSentence,
                       double secondView) {
        this(card, matched, brought, cued, likelihood, sentence, nearest, network, networkSentence, nearestSentence, secondView,
                Double.NaN);
    }

    /**
     * A reading of a message of one sentence: the network and the closeness read its sentence as they read the message
     * whole.
     */
    public CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                       double sentence, double nearest, double network) {
        this(card, matched, brought, cued, likelihood, sentence, nearest, network, network, nearest);
    }

    /**
     * Whether the card applies with these margins ({@code null}: by its patterns and a danger situation only): a
     * pattern or a danger situation brings it, or the message whole is likely about it (with the card's words, or very
     * likely without), or one sentence with the words is, or the message is close enough to the labelled messages
     * that need the card; none of these by meaning when the message is far closer to the labelled messages that do
     * not need it.
     */
    public boolean applies(MeaningMargins.CardMargins margins) {
        if (matched || brought) {
            return true;
        }
        if (margins != null && margins.weights() != null) {
            return margins.weights().score(features()) > 0;
        }
        return margins != null && byMeaning(margins) && !farFrom(margins);
    }

    /** A likelihood this close to 0 or 1 counts as that far from it: a sentence without the card's words reads as this. */
    private static final double EDGE = 1e-6;

    /**
     * The readings as the card's weights weigh them ({@link MeaningMargins.CardWeights}): the log-odds of the message
     * whole, the log-odds of its likeliest sentence with the card's words (as unlikely as can be when none has them),
     * the nearest difference in tenths (0 when not measured), 1 when the message has the card's words, the
     * log-odds of the message whole again when it has them, the network's log-odds (0 without it), its highest
     * log-odds for one sentence read alone (0 without it), the largest nearest difference of one sentence read alone
     * in tenths (0 when not measured), the second view's log-odds (0 without it), the third view's (0 without it) and the
     * wording's (0 without it).
     */
    public double[] features() {
        double whole = logOdds(likelihood);
        double words = cued ? 1 : 0;
        return new double[] {whole, logOdds(Double.isFinite(sentence) ? sentence : 0), Double.isFinite(nearest) ? nearest * 10 : 0,
                words, words * whole, Double.isNaN(network) ? 0 : network,
                Double.isNaN(networkSentence) ? 0 : networkSentence, Double.isFinite(nearestSentence) ? nearestSentence * 10 : 0,
                Double.isNaN(secondView) ? 0 : secondView, Double.isNaN(thirdView) ? 0 : thirdView,
                Double.isNaN(wording) ? 0 : wording};
    }

    private static double logOdds(double p) {
        double q = Math.min(Math.max(p, EDGE), 1 - EDGE);
        return Math.log(q / (1 - q));
    }

    /**
     * Whether meaning would show the card but the message is far closer to the labelled messages that do not need it
     * ({@code card-far}), or, for a card with weights, whether its likelihoods and closeness would show it and its
     * weights do not: the card is not shown, but its sections that read as the opposite advice are still not quoted.
     */
    public boolean heldBack(MeaningMargins.CardMargins margins) {
        if (margins != null && margins.weights() != null) {
            return !applies(margins) && byMeaning(margins);
        }
        return !matched && !brought && margins != null && byMeaning(margins) && farFrom(margins);
    }

    private boolean byMeaning(MeaningMargins.CardMargins margins) {
        return cued && likelihood > margins.likely() || likelihood > margins.withoutWords()
                || sentence > margins.sentence() || nearest > margins.nearest();
    }

    private boolean farFrom(MeaningMargins.CardMargins margins) {
        return Double.isFinite(nearest) && nearest < -margins.far();
    }
}
