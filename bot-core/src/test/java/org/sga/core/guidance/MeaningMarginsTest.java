package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.yaml.YamlProblem;

class MeaningMarginsTest {

    private static final String E5 = """
              e5-small:
                closest: 3
                danger: -0.03
                danger-likelihood: 0.2
                without-cue: 0.03
                sentence: 0.01
                card: 0.5
                card-without-words: 0.9
                concern-spread: 0.03
                same-answer: 0.0
            """;

    @Test
    void theShippedFileGivesEveryModelItsMargins() {
        for (EmbeddingModel model : EmbeddingModel.values()) {
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
    void anUnknownKeyIsAProblem() {
        String file = "models:\n" + E5.replace("closest: 3", "closest: 3\n    nearest: 4") + E5.replace("e5-small", "minilm");
        assertThatThrownBy(() -> MeaningMargins.parse(new StringReader(file), "margins.yml"))
                .isInstanceOf(YamlProblem.class).hasMessageContaining("nearest");
    }
}
