package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.yaml.YamlProblem;

class MeaningMarginsTest {

    /** The e5 margins, as the file gives a model's. */
    static final String E5 = org.sga.core.testkit.CardFixtures.E5_MARGINS;
    /** One card's weights, under the model's margins. */
    private static final String CARD_ONE_WEIGHTS = """
                cards:
                  CARD_ONE:
                    card-weights:
                      likelihood: 0.5
                      sentence: 0.04
                      nearest: 6.6
                      words: 1
                      likelihood-with-words: -0.06
                      network: 0.3
                      network-sentence: 0.2
                      nearest-sentence: 1.5
                      bias: -2.3
            """;

    @Test
    void theShippedFileGivesEveryModelItsMargins() {
        for (EmbeddingModel model : EmbeddingModel.forSearch()) {
            MeaningMargins m = MeaningMargins.of(model);
            assertThat(m.closest()).isPositive();
            assertThat(m.card()).isBetween(0.0, 1.0);
            assertThat(m.dangerLikelihood()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aModelWithoutMarginsIsAProblem() {
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader("models:\n" + E5), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml").hasMessageContaining("no margins for minilm");
    }

    @Test
    void aBadValueNamesItsLineAndKey() {
        String file = "models:\n" + E5.replace("card: 0.5", "card: 1.5") + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(file), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:8").hasMessageContaining("card")
                .hasMessageContaining("out of range");
    }

    @Test
    void theNearestLabelledMessagesSectionsNeverToQuoteAreGivenBothOrNeither() {
        String minilm = E5.replace("e5-small", "minilm");
        MeaningMargins given = MeaningMargins.parse(new StringReader("models:\n" + E5 + "    never-quote-nearest: 10\n"
                + "    never-quote-share: 0.5\n" + minilm), "margins.yml").get(EmbeddingModel.E5_SMALL);
        MeaningMargins absent = MeaningMargins.parse(new StringReader("models:\n" + E5 + minilm), "margins.yml").get(EmbeddingModel.E5_SMALL);

        assertThat(given.neverQuoted()).isEqualTo(new MeaningMargins.NeverQuoted(10, 0.5));
        assertThat(given.neverQuoted().on()).isTrue();
        assertThat(absent.neverQuoted().on()).as("not given: never").isFalse();
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader("models:\n" + E5 + "    never-quote-nearest: 10\n" + minilm),
                "margins.yml")).isInstanceOf(YamlProblem.class).hasMessageContaining("both never-quote-nearest and never-quote-share");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader("models:\n" + E5 + "    never-quote-nearest: 2.5\n"
                + "    never-quote-share: 0.5\n" + minilm), "margins.yml")).isInstanceOf(YamlProblem.class).hasMessageContaining("whole number");
    }

    @Test
    void anUnknownKeyIsAProblem() {
        String file = "models:\n" + E5.replace("closest: 3", "closest: 3\n    nearest: 4") + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(file), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("nearest");
    }

    @Test
    void aCardsOwnMarginsReplaceTheModelsAndTheRestComeFromIt() {
        String own = E5 + """
                cards:
                  CARD_ONE:
                    card: 0.2
                    card-sentence: 1.01
                  CARD_TWO:
                    card-without-words: 0.7
                    card-nearest: 0.02
                    card-far: 0.03
            """;
        MeaningMargins m = MeaningMargins.parse(new StringReader("models:\n" + own + E5.replace("e5-small", "minilm")), "margins.yml")
                .get(EmbeddingModel.E5_SMALL);

        assertThat(m.forCard("CARD_ONE")).isEqualTo(new MeaningMargins.CardMargins(0.2, 0.9, 1.01, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 14));
        assertThat(m.forCard("CARD_TWO")).isEqualTo(new MeaningMargins.CardMargins(0.5, 0.7, 0.5, 0.02, 0.03, 17));
        assertThat(m.forCard("CARD_THREE")).isEqualTo(new MeaningMargins.CardMargins(0.5, 0.9, 0.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        assertThat(m.problems(java.util.List.of("CARD_ONE", "CARD_THREE"), "margins.yml"))
                .containsExactly("margins.yml:17: margins for card CARD_TWO, which the card file does not declare (cards: CARD_ONE, CARD_THREE)");
    }

    @Test
    void aCardsUnknownKeyOrBadValueIsAProblem() {
        String file = "models:\n" + E5 + "    cards:\n      CARD_ONE:\n        likely: 0.2\n" + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(file), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("likely");
        String bad = "models:\n" + E5 + "    cards:\n      CARD_ONE:\n        card: 2\n" + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(bad), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:14").hasMessageContaining("out of range");
        String far = "models:\n" + E5 + "    cards:\n      CARD_ONE:\n        card-nearest: 1.5\n" + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(far), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:14").hasMessageContaining("card-nearest")
                .hasMessageContaining("out of range");
    }

    @Test
    void aCardsWeightsAreReadWhole_andAMissingOneIsAProblemNamingItsLine() {
        String weights = "models:\n" + E5 + CARD_ONE_WEIGHTS.replace("    CARD_ONE:\n", "    CARD_ONE:\n        card: 0.2\n")
                + E5.replace("e5-small", "minilm");
        MeaningMargins m = MeaningMargins.parse(new StringReader(weights), "margins.yml").get(EmbeddingModel.E5_SMALL);

        assertThat(m.forCard("CARD_ONE").weights()).isEqualTo(new MeaningMargins.CardWeights(0.5, 0.04, 6.6, 1, -0.06, 0.3, 0.2, 1.5, -2.3));
        assertThat(MeaningMargins.CardWeights.of(m.forCard("CARD_ONE").weights().values())).isEqualTo(m.forCard("CARD_ONE").weights());
        assertThat(m.forCard("CARD_ONE").likely()).isEqualTo(0.2);
        assertThat(m.forCard("CARD_TWO").weights()).as("a card without weights decides by its likelihoods").isNull();

        String missing = "models:\n" + E5 + "    cards:\n      CARD_ONE:\n        card-weights:\n          likelihood: 0.5\n"
                + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(missing), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:15").hasMessageContaining("sentence is missing");
        String unknown = "models:\n" + E5 + "    cards:\n      CARD_ONE:\n        card-weights:\n          likelyhood: 0.5\n"
                + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(unknown), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("likelyhood");
    }

    @Test
    void aCardBesideAStrongerOne_isHeldBackOnlyWhereTheFileSaysHowFarAboveItsThresholdItMustBe() {
        String beside = "models:\n" + E5 + CARD_ONE_WEIGHTS + "        card-beside-stronger: 0.5\n      CARD_TWO:\n        card: 0.3\n"
                + E5.replace("e5-small", "minilm");
        MeaningMargins m = MeaningMargins.parse(new StringReader(beside), "margins.yml").get(EmbeddingModel.E5_SMALL);
        assertThat(m.forCard("CARD_ONE").besideStronger()).isEqualTo(0.5);
        assertThat(m.forCard("CARD_TWO").besideStronger()).as("not given: never held back").isZero();
        assertThat(m.forCard("CARD_THREE").besideStronger()).as("the model's own margins").isZero();

        String unweighed = "models:\n" + E5 + "    cards:\n      CARD_TWO:\n        card: 0.3\n        card-beside-stronger: 0.5\n"
                + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(unweighed), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:15").hasMessageContaining("needs card-weights");
        String negative = beside.replace("card-beside-stronger: 0.5", "card-beside-stronger: -1");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(negative), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("card-beside-stronger").hasMessageContaining("out of range");
    }

    @Test
    void theDangerWeightsAreReadWhole_andAMissingOneIsAProblem() {
        String weights = "models:\n" + E5 + "    danger-weights:\n      margin: 0.9\n      likelihood: 0.4\n      words: 1.5\n"
                + "      over: -3\n      second-view: 0\n      bias: -2\n" + E5.replace("e5-small", "minilm");
        assertThat(MeaningMargins.parse(new StringReader(weights), "margins.yml").get(EmbeddingModel.E5_SMALL).dangerWeights())
                .isEqualTo(new MeaningMargins.DangerWeights(0.9, 0.4, 1.5, -3, 0, -2, null));
        assertThat(MeaningMargins.parse(new StringReader(weights), "margins.yml").get(EmbeddingModel.MINILM).dangerWeights())
                .as("not given: the margins decide").isNull();
        String missing = "models:\n" + E5 + "    danger-weights:\n      margin: 0.9\n" + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(missing), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("danger-weights needs").hasMessageContaining("likelihood is missing");
    }

    @Test
    void aSecondViewNamesItsModel_andAWeightWithoutOneIsAProblem() {
        String named = "models:\n" + E5 + "    danger-weights:\n      second-model: minilm\n      margin: 0.9\n      likelihood: 0.4\n"
                + "      words: 1.5\n      over: -3\n      second-view: 0.7\n      bias: -2\n" + E5.replace("e5-small", "minilm");
        MeaningMargins.DangerWeights read = MeaningMargins.parse(new StringReader(named), "margins.yml").get(EmbeddingModel.E5_SMALL)
                .dangerWeights();
        assertThat(read).isEqualTo(new MeaningMargins.DangerWeights(0.9, 0.4, 1.5, -3, 0.7, -2, EmbeddingModel.MINILM));
        assertThat(read.score(new double[] {0, 0, 0, 0, 2})).as("the second view's log-odds, weighed").isCloseTo(-2 + 1.4, within(1e-9));
        assertThat(read.score(new double[] {0, 0, 0, 0})).as("a reading without it").isEqualTo(-2);

        String unnamed = named.replace("      second-model: minilm\n", "");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(unnamed), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:").hasMessageContaining("needs second-model");
        String unknown = named.replace("second-model: minilm", "second-model: bert");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(unknown), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("unknown embedding model 'bert'");
        String empty = named.replace("second-model: minilm", "second-model: ''");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(empty), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("second-model: empty");
    }

    @Test
    void theDangerChecksThirdViewNamesAModelOfItsOwn_andAWeightWithoutOneIsAProblemNamingItsLine() {
        String named = "models:\n" + E5 + "    danger-weights:\n      second-model: minilm\n      third-model: bge-small\n"
                + "      margin: 0.9\n      likelihood: 0.4\n      words: 1.5\n      over: -3\n      second-view: 0.7\n"
                + "      third-view: 0.5\n      bias: -2\n" + E5.replace("e5-small", "minilm");
        MeaningMargins m = e5(named);
        MeaningMargins.DangerWeights read = m.dangerWeights();

        assertThat(m.dangerThirdModel()).isEqualTo(EmbeddingModel.BGE_SMALL);
        assertThat(read).isEqualTo(new MeaningMargins.DangerWeights(0.9, 0.4, 1.5, -3, 0.7, 0.5, 0, -2, EmbeddingModel.MINILM,
                EmbeddingModel.BGE_SMALL));
        assertThat(MeaningMargins.DangerWeights.of(read.values(), EmbeddingModel.MINILM, EmbeddingModel.BGE_SMALL)).isEqualTo(read);
        assertThat(read.score(new double[] {0, 0, 0, 0, 0, 2})).as("the third view's log-odds, weighed, as the sixth")
                .isCloseTo(-2 + 1.0, within(1e-9));
        assertThat(read.score(new double[] {0, 0, 0, 0, 2})).as("a reading without it").isCloseTo(-2 + 1.4, within(1e-9));

        MeaningMargins withoutThird = e5(named.replace("      third-model: bge-small\n", "").replace("      third-view: 0.5\n", ""));
        assertThat(withoutThird.dangerThirdModel()).as("not given: no third view").isNull();
        assertThat(withoutThird.dangerWeights().thirdView()).as("third-view left out: 0").isZero();

        String unnamed = named.replace("      third-model: bge-small\n", "");
        int line = (int) unnamed.lines().takeWhile(l -> !l.contains("third-view")).count() + 1;
        assertThatThrownBy(() -> e5(unnamed)).isInstanceOf(YamlProblem.class)
                .hasMessageContaining("margins.yml:" + line).hasMessageContaining("needs third-model");
        String same = named.replace("third-model: bge-small", "third-model: minilm");
        assertThatThrownBy(() -> e5(same)).isInstanceOf(YamlProblem.class)
                .hasMessageContaining("third-model must name a model other than second-model's");
        assertThatThrownBy(() -> new MeaningMargins.DangerWeights(0, 0, 0, 0, 0, 0.5, 0, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a third-model");
    }

    @Test
    void theDangerChecksWordingIsAnOptionalSeventhReading_weighedWithoutAModel() {
        String file = "models:\n" + E5 + "    danger-weights:\n      second-model: minilm\n"
                + "      margin: 0.9\n      likelihood: 0.4\n      words: 1.5\n      over: -3\n      second-view: 0.7\n"
                + "      wording: 0.25\n      bias: -2\n" + E5.replace("e5-small", "minilm");
        MeaningMargins.DangerWeights read = e5(file).dangerWeights();

        assertThat(read.wording()).isEqualTo(0.25);
        assertThat(read.thirdView()).as("no third view").isZero();
        assertThat(MeaningMargins.DangerWeights.of(read.values(), EmbeddingModel.MINILM, null)).isEqualTo(read);
        assertThat(read.score(new double[] {0, 0, 0, 0, 0, 0, 4})).as("the wording's log-odds, weighed, as the seventh")
                .isCloseTo(-2 + 1.0, within(1e-9));
        assertThat(read.score(new double[] {0, 0, 0, 0, 0, 0})).as("a reading without it").isCloseTo(-2, within(1e-9));
        assertThat(e5(file.replace("      wording: 0.25\n", "")).dangerWeights().wording()).as("left out: 0").isZero();
        String bad = file.replace("wording: 0.25", "wording: lots");
        int line = (int) bad.lines().takeWhile(l -> !l.contains("wording")).count() + 1;
        assertThatThrownBy(() -> e5(bad)).isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:" + line);
    }

    /** A file whose CARD_ONE weighs {@code view} at {@code weight}, with {@code modelLine} (may be empty) under e5-small. */
    private static String withView(String view, double weight, String modelLine) {
        return "models:\n" + E5 + modelLine + CARD_ONE_WEIGHTS.replace("          bias:", "          " + view + ": " + weight
                + "\n          bias:") + E5.replace("e5-small", "minilm");
    }

    private static MeaningMargins e5(String file) {
        return MeaningMargins.parse(new StringReader(file), "margins.yml").get(EmbeddingModel.E5_SMALL);
    }

    /** A view's weight without the model it reads is a problem naming the weight's line and the setting it needs. */
    private static void refusedWithoutItsModel(String view, String setting) {
        String unnamed = withView(view, 0.5, "");
        int line = (int) unnamed.lines().takeWhile(l -> !l.contains(view)).count() + 1;
        assertThatThrownBy(() -> e5(unnamed)).isInstanceOf(YamlProblem.class)
                .hasMessageContaining("margins.yml:" + line).hasMessageContaining("needs " + setting);
    }

    @Test
    void theCardsSecondViewNamesItsModel_andAWeightForItWithoutOneIsAProblemNamingItsLine() {
        String named = withView("second-view", 0.8, "    cards-second-model: minilm\n");
        MeaningMargins m = e5(named);

        assertThat(m.cardsSecondModel()).isEqualTo(EmbeddingModel.MINILM);
        MeaningMargins.CardWeights w = m.forCard("CARD_ONE").weights();
        assertThat(w.secondView()).isEqualTo(0.8);
        assertThat(MeaningMargins.CardWeights.of(w.values())).isEqualTo(w);
        assertThat(w.score(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 2})).as("the second view's log-odds, weighed")
                .isCloseTo(-2.3 + 1.6, within(1e-9));
        assertThat(MeaningMargins.parse(new StringReader(named), "margins.yml").get(EmbeddingModel.MINILM).cardsSecondModel())
                .as("not given: no second view").isNull();

        String withoutView = "models:\n" + E5 + CARD_ONE_WEIGHTS + E5.replace("e5-small", "minilm");
        assertThat(e5(withoutView).forCard("CARD_ONE").weights().secondView()).as("second-view left out: 0").isZero();

        refusedWithoutItsModel("second-view", "cards-second-model");
        String unknown = named.replace("cards-second-model: minilm", "cards-second-model: bert");
        assertThatThrownBy(() -> e5(unknown)).isInstanceOf(YamlProblem.class).hasMessageContaining("unknown embedding model 'bert'");
    }

    @Test
    void theCardsThirdViewNamesItsModel_andAWeightForItWithoutOneIsAProblemNamingItsLine() {
        MeaningMargins m = e5(withView("third-view", 0.5, "    cards-third-model: bge-small\n"));

        assertThat(m.cardsThirdModel()).isEqualTo(EmbeddingModel.BGE_SMALL);
        MeaningMargins.CardWeights w = m.forCard("CARD_ONE").weights();
        assertThat(w.thirdView()).isEqualTo(0.5);
        assertThat(w.secondView()).as("left out: 0").isZero();
        assertThat(MeaningMargins.CardWeights.of(w.values())).isEqualTo(w);
        assertThat(w.score(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 2})).as("the third view's log-odds, weighed")
                .isCloseTo(-2.3 + 1.0, within(1e-9));
        refusedWithoutItsModel("third-view", "cards-third-model");
    }

    @Test
    void theCardsWordingNeedsNoModel_andIsZeroWhenLeftOut() {
        MeaningMargins.CardWeights w = e5(withView("wording", 0.3, "")).forCard("CARD_ONE").weights();

        assertThat(w.wording()).isEqualTo(0.3);
        assertThat(w.secondView()).as("left out: 0").isZero();
        assertThat(MeaningMargins.CardWeights.of(w.values())).isEqualTo(w);
        assertThat(w.score(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2})).as("the wording's log-odds, weighed")
                .isCloseTo(-2.3 + 0.6, within(1e-9));
        String withoutIt = "models:\n" + E5 + CARD_ONE_WEIGHTS + E5.replace("e5-small", "minilm");
        assertThat(e5(withoutIt).forCard("CARD_ONE").weights().wording()).isZero();
    }

    @Test
    void aModelThatServesNoSearchNeedsNoMargins_andGivenMarginsIsAProblem() {
        assertThat(EmbeddingModel.forSearch()).doesNotContain(EmbeddingModel.BGE_SMALL);
        String given = "models:\n" + E5 + E5.replace("e5-small", "minilm") + E5.replace("e5-small", "bge-small");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(given), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("margins.yml:")
                .hasMessageContaining("'bge-small' does not serve search");
        assertThatThrownBy(() -> EmbeddingModel.namedForSearch("bge-small"))
                .hasMessageContaining("expected one of minilm, e5-small");
    }

    @Test
    void theShippedCardsReadAThirdViewOverBgeSmall() {
        MeaningMargins shipped = MeaningMargins.of(EmbeddingModel.E5_SMALL);
        assertThat(shipped.cardsThirdModel()).isEqualTo(EmbeddingModel.BGE_SMALL);
        assertThat(shipped.forCard("ADULT_SOLICITING").weights().thirdView()).isPositive();
    }

    @Test
    void theShippedCardsWeighTheirWording() {
        MeaningMargins shipped = MeaningMargins.of(EmbeddingModel.E5_SMALL);
        for (String card : java.util.List.of("SEXTORTION", "ADULT_SOLICITING", "IMAGES_DO_NOT_SHARE", "DO_NOT_SEARCH", "DO_NOT_TIP_OFF",
                "NO_SECRECY")) {
            assertThat(shipped.forCard(card).weights().wording()).as(card).isPositive();
        }
    }
}
