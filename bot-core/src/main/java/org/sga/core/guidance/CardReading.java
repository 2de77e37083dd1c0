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
 */
public record CardReading(GuidanceCard card, boolean matched, boolean brought, boolean cued, double likelihood,
                          double sentence, double nearest) {

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
        return margins != null && byMeaning(margins) && !farFrom(margins);
    }

    /**
     * Whether meaning would show the card but the message is far closer to the labelled messages that do not need it
     * ({@code card-far}): the card is not shown, but its sections that read as the opposite advice are still not quoted.
     */
    public boolean heldBack(MeaningMargins.CardMargins margins) {
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
