package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.sga.core.yaml.YamlProblem;

class SearchTuningTest {

    private static final String VALID = """
            models:
              e5-small:
                lexical-weight: 0.04
                not-covered-margin: -0.01
                confidence:
                  coverage-floor: 0.15
                  strong-similarity: 0.88
                  min-similarity: 0.84
                  min-coverage: 0.40
                  min-coverage-one-word: 0.70
              minilm:
                lexical-weight: 0.2
                not-covered-margin: -0.04
                confidence:
                  coverage-floor: 0.10
                  strong-similarity: 2
                  min-similarity: 0.44
                  min-coverage: 0.30
                  min-coverage-one-word: 0.9
            lexical:
              min-coverage: 0.5
              min-coverage-one-word: 0.9
            """;

    @Test
    void givenEveryModel_thenEachHasItsWeightsAndLexicalSearchItsCoverageThresholds() {
        SearchTuning tuning = SearchTuning.parse(new StringReader(VALID), "tuning.yml");

        assertThat(tuning.weights(EmbeddingModel.E5_SMALL))
                .isEqualTo(new HybridWeights(0.04, -0.01, new Confidence(0.15, 0.88, 0.84, 0.40, 0.70)));
        assertThat(tuning.weights(EmbeddingModel.MINILM).confidence().strongSimilarity()).isEqualTo(2);
        assertThat(tuning.lexical()).isEqualTo(Confidence.coverageOnly(0.5, 0.9));
    }

    @Test
    void theShippedFileHasWeightsForEveryModel() {
        SearchTuning shipped = SearchTuning.shipped();
        for (EmbeddingModel model : EmbeddingModel.forSearch()) {
            assertThat(shipped.weights(model).lexicalWeight()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void whatTunePrintsReadsBackAsTheSameWeights() {
        SearchTuning tuning = SearchTuning.parse(new StringReader(VALID), "tuning.yml");
        String printed = "models:\n" + SearchTuning.format(EmbeddingModel.E5_SMALL, tuning.weights(EmbeddingModel.E5_SMALL))
                + SearchTuning.format(EmbeddingModel.MINILM, tuning.weights(EmbeddingModel.MINILM))
                + "lexical:\n  min-coverage: 0.5\n  min-coverage-one-word: 0.9\n";

        assertThat(SearchTuning.parse(new StringReader(printed), "tuning.yml")).isEqualTo(tuning);
    }

    @Test
    void aValueThatIsNotANumberIsNamedWithTheFileLineAndKey() {
        String bad = VALID.replace("min-similarity: 0.84", "min-similarity: high");
        assertThatThrownBy(() -> SearchTuning.parse(new StringReader(bad), "tuning.yml")).isInstanceOf(YamlProblem.class)
                .hasMessage("tuning.yml:8: models.e5-small.confidence.min-similarity: 'high' is not a number");
    }

    @Test
    void aCoverageOutsideZeroToOneIsRefusedWithItsLine() {
        String bad = VALID.replace("min-coverage: 0.40", "min-coverage: 40");
        assertThatThrownBy(() -> SearchTuning.parse(new StringReader(bad), "tuning.yml"))
                .hasMessage("tuning.yml:9: models.e5-small.confidence.min-coverage: 40 is out of range: expected 0 to 1");
    }

    @Test
    void aMissingModelAMisspeltKeyAndAnUnknownModelAreRefused() {
        String withoutMinilm = VALID.substring(0, VALID.indexOf("  minilm:")) + VALID.substring(VALID.indexOf("lexical:\n"));
        assertThatThrownBy(() -> SearchTuning.parse(new StringReader(withoutMinilm), "tuning.yml"))
                .hasMessageContaining("tuning.yml:2: models: no weights for minilm");
        assertThatThrownBy(() -> SearchTuning.parse(new StringReader(VALID.replace("lexical-weight: 0.2", "lexical-wieght: 0.2")), "tuning.yml"))
                .hasMessageContaining("tuning.yml:12: models.minilm.lexical-wieght: unknown key");
        assertThatThrownBy(() -> SearchTuning.parse(new StringReader(VALID.replace("  minilm:", "  bert:")), "tuning.yml"))
                .hasMessageContaining("tuning.yml:12: models.bert: unknown embedding model 'bert'");
    }
}
