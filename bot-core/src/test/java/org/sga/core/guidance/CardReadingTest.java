package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardReadingTest {

    private static final GuidanceCard CARD = new GuidanceCard("KEEP_A_RECORD", "Write it down", "Write it down today.",
            "Note the child's own words.", "Never add guesses.", List.of("child-abuse-and-ict#4.4"), List.of(), List.of(), "", "");
    private static final MeaningMargins.CardMargins MARGINS = new MeaningMargins.CardMargins(0.5, 0.9, 0.7, 0.01, 0.03, 1);
    private static final double NONE = Double.NEGATIVE_INFINITY;

    private static CardReading reading(boolean matched, boolean brought, boolean cued, double likelihood, double sentence,
                                       double nearest) {
        return new CardReading(CARD, matched, brought, cued, likelihood, sentence, nearest);
    }

    @Test
    void aPatternOrADangerSituationBringsTheCardWhateverTheMargins() {
        assertThat(reading(true, false, false, 0, NONE, NONE).applies(MARGINS)).isTrue();
        assertThat(reading(false, true, true, 0, NONE, NONE).applies(null)).isTrue();
        assertThat(reading(false, false, true, 0.99, 0.99, 0.5).applies(null)).as("without margins, patterns only").isFalse();
    }

    @Test
    void eachMarginDecidesItsOwnSignal() {
        assertThat(reading(false, false, true, 0.6, NONE, NONE).applies(MARGINS)).as("likely, with the words").isTrue();
        assertThat(reading(false, false, false, 0.6, NONE, NONE).applies(MARGINS)).as("likely, without them").isFalse();
        assertThat(reading(false, false, false, 0.95, NONE, NONE).applies(MARGINS)).as("very likely, without them").isTrue();
        assertThat(reading(false, false, false, 0.1, 0.75, NONE).applies(MARGINS)).as("one sentence with the words").isTrue();
        assertThat(reading(false, false, false, 0.1, 0.65, NONE).applies(MARGINS)).isFalse();
        assertThat(reading(false, false, false, 0.1, NONE, 0.02).applies(MARGINS)).as("near the labelled messages").isTrue();
        assertThat(reading(false, false, false, 0.1, NONE, 0.01).applies(MARGINS)).as("more than the margin").isFalse();
        assertThat(reading(false, false, false, 0.1, NONE, 0.5)
                .applies(new MeaningMargins.CardMargins(0.5, 0.9, 0.7, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1))).as("no card-nearest").isFalse();
    }

    @Test
    void farCloserToTheMessagesThatDoNotNeedTheCard_thenMeaningDoesNotBringIt() {
        assertThat(reading(false, false, true, 0.95, 0.9, -0.04).applies(MARGINS)).as("very likely, but far").isFalse();
        assertThat(reading(false, false, true, 0.95, 0.9, -0.02).applies(MARGINS)).as("not far enough").isTrue();
        assertThat(reading(false, false, true, 0.95, 0.9, NONE).applies(MARGINS)).as("not measured").isTrue();
        assertThat(reading(true, false, true, 0.95, 0.9, -0.5).applies(MARGINS)).as("a pattern still brings it").isTrue();
        assertThat(reading(false, true, true, 0.0, NONE, -0.5).applies(MARGINS)).as("so does a danger situation").isTrue();
        assertThat(reading(false, false, true, 0.95, 0.9, -0.04).heldBack(MARGINS)).as("held back, not just absent").isTrue();
        assertThat(reading(false, false, true, 0.1, NONE, -0.04).heldBack(MARGINS)).as("meaning never brought it").isFalse();
        assertThat(reading(true, false, true, 0.95, 0.9, -0.5).heldBack(MARGINS)).as("shown by its pattern").isFalse();
    }
}
