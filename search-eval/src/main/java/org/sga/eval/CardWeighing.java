package org.sga.eval;

import java.util.List;
import org.sga.core.guidance.CardReading;
import org.sga.core.guidance.MeaningMargins;

/**
 * Learns one card's weights ({@link MeaningMargins.CardWeights}) from readings of messages it did not learn from, by
 * {@link Weighing} on the card's readings ({@link CardReading#features}): the fewest missed cards with the card spurious
 * in no more cases than allowed (those of the shipped margins). Readings a pattern or a danger situation already decides
 * are left out of the learning.
 */
final class CardWeighing {

    /** One message's reading of the card and what its set says of the card. */
    record Row(CardReading reading, boolean needed, boolean allowed) {

        boolean decided() {
            return reading.matched() || reading.brought();
        }

        boolean spuriousIfShown() {
            return !needed && !allowed;
        }

        Weighing.Row weighed() {
            return new Weighing.Row(reading.features(), needed, spuriousIfShown(), decided() ? Boolean.TRUE : null);
        }
    }

    private CardWeighing() {
    }

    /** The weights learned from {@code rows}, the card spurious in at most {@code spuriousAllowed} of them. */
    static MeaningMargins.CardWeights learn(List<Row> rows, int spuriousAllowed) {
        return learn(rows, spuriousAllowed, Weighing.Neutral.LEFT_OUT);
    }

    /** As {@link #learn(List, int)}, with the messages that allow the card read in the regression as {@code allowed} says. */
    static MeaningMargins.CardWeights learn(List<Row> rows, int spuriousAllowed, Weighing.Neutral allowed) {
        return MeaningMargins.CardWeights.of(Weighing.learn(rows.stream().map(Row::weighed).toList(), spuriousAllowed, allowed));
    }
}
