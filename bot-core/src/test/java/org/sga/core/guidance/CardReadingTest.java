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
        return new CardReading(CARD, matched, brought, cued, likelihood, sentence, nearest, Double.NaN);
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

    @Test
    void givenWeights_thenTheirSumDecidesByMeaning_andTheLikelihoodsOnlyKeepOppositeSectionsUnquoted() {
        // Shown when the log-odds of the message whole, with the card's words, is above -1: a likelihood above 0.27.
        MeaningMargins.CardWeights weights = new MeaningMargins.CardWeights(1, 0, 0, 0, 0, 0, 0, 0, 1);
        MeaningMargins.CardMargins weighed = new MeaningMargins.CardMargins(0.5, 0.9, 0.7, 0.01, 0.03, weights, 1);

        assertThat(reading(false, false, true, 0.3, NONE, NONE).applies(weighed)).as("below card, above the weights' line").isTrue();
        assertThat(reading(false, false, true, 0.25, NONE, NONE).applies(weighed)).isFalse();
        assertThat(reading(false, false, true, 0.95, 0.9, -0.04).applies(weighed)).as("card-far no longer decides").isTrue();
        assertThat(reading(false, false, false, 0.1, NONE, 0.02).applies(weighed)).as("nor card-nearest").isFalse();
        assertThat(reading(false, false, false, 0.1, NONE, 0.02).heldBack(weighed)).as("which still keeps quotes out").isTrue();
        assertThat(reading(false, false, false, 0.1, NONE, NONE).heldBack(weighed)).isFalse();
        assertThat(reading(true, false, false, 0, NONE, NONE).applies(weighed)).as("a pattern still brings it").isTrue();
    }

    @Test
    void theFeaturesAreLogOddsWithTheEdgesHeld() {
        double[] x = reading(false, false, true, 0.5, NONE, 0.012).features();
        assertThat(x[0]).isZero();
        assertThat(x[1]).as("no sentence with the words: as unlikely as can be").isCloseTo(Math.log(1e-6 / (1 - 1e-6)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(x[2]).as("nearest in tenths").isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(x[3]).isEqualTo(1);
        assertThat(x[4]).isZero();
        double[] edges = reading(false, false, false, 1.0, 0.0, NONE).features();
        assertThat(edges[0]).isFinite().isCloseTo(Math.log((1 - 1e-6) / 1e-6), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(edges[1]).isFinite();
        assertThat(edges[2]).as("not measured").isZero();
        assertThat(edges[3]).isZero();
        assertThat(edges[4]).as("without the words").isZero();
    }

    @Test
    void theSecondViewIsTheNinthFeature_weighedWhenTheWeightsGiveIt_and0WithoutIt() {
        CardReading viewed = new CardReading(CARD, false, false, true, 0.5, NONE, NONE, 1.0, 1.0, NONE, 2.5);
        CardReading unviewed = reading(false, false, true, 0.5, NONE, NONE);

        assertThat(viewed.features()).hasSize(11);
        assertThat(viewed.features()[8]).isEqualTo(2.5);
        assertThat(viewed.features()[9]).as("no third view").isZero();
        assertThat(unviewed.secondView()).as("no second view").isNaN();
        assertThat(unviewed.features()[8]).isZero();
        // Shown when the second view's log-odds is above 2: only the second reading counts.
        MeaningMargins.CardWeights weights = new MeaningMargins.CardWeights(0, 0, 0, 0, 0, 0, 0, 0, 1, -2);
        MeaningMargins.CardMargins weighed = new MeaningMargins.CardMargins(0.5, 0.9, 0.7, 0.01, 0.03, weights, 1);
        assertThat(viewed.applies(weighed)).isTrue();
        assertThat(unviewed.applies(weighed)).isFalse();
    }

    @Test
    void theThirdViewIsTheTenthFeature_weighedWhenTheWeightsGiveIt() {
        CardReading viewed = new CardReading(CARD, false, false, true, 0.5, NONE, NONE, 1.0, 1.0, NONE, 0.5, 3.0);

        assertThat(viewed.features()[9]).isEqualTo(3.0);
        // Shown when the third view's log-odds is above 2: only the third reading counts.
        MeaningMargins.CardWeights weights = new MeaningMargins.CardWeights(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -2);
        MeaningMargins.CardMargins weighed = new MeaningMargins.CardMargins(0.5, 0.9, 0.7, 0.01, 0.03, weights, 1);
        assertThat(viewed.applies(weighed)).isTrue();
        CardReading lower = new CardReading(CARD, false, false, true, 0.5, NONE, NONE, 1.0, 1.0, NONE, 5.0, 1.0);
        assertThat(lower.applies(weighed)).as("the second view does not count for the third's weight").isFalse();
    }

    @Test
    void theWordingIsTheEleventhFeature_weighedWhenTheWeightsGiveIt_and0WithoutIt() {
        CardReading worded = new CardReading(CARD, false, false, true, 0.5, NONE, NONE, 1.0, 1.0, NONE, 0.5, 0.5, 3.0);
        CardReading unworded = new CardReading(CARD, false, false, true, 0.5, NONE, NONE, 1.0, 1.0, NONE, 5.0, 5.0);

        assertThat(worded.features()[10]).isEqualTo(3.0);
        assertThat(unworded.wording()).isNaN();
        assertThat(unworded.features()[10]).isZero();
        // Shown when the wording's log-odds is above 2: only the wording counts.
        MeaningMargins.CardWeights weights = new MeaningMargins.CardWeights(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -2);
        MeaningMargins.CardMargins weighed = new MeaningMargins.CardMargins(0.5, 0.9, 0.7, 0.01, 0.03, weights, 1);
        assertThat(worded.applies(weighed)).isTrue();
        assertThat(unworded.applies(weighed)).as("the views do not count for the wording's weight").isFalse();
    }
}
