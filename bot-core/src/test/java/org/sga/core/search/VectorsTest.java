package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void aVectorInHalfPrecisionKeepsEachElementToAboutThreeSignificantDigits() {
        float[] v = StandInModel.unit(new Random(1), 384);

        float[] back = Vectors.floats(Vectors.half(v));

        for (int i = 0; i < v.length; i++) {
            // binary16 keeps 11 significant bits: half a unit in the last place is 2^-11 of the value.
            assertThat(back[i]).isCloseTo(v[i], within(Math.abs(v[i]) / 2048 + 1e-7f));
        }
        assertThat(Vectors.half(back)).as("held again, the same bits").containsExactly(Vectors.half(v));
        assertThat(Vectors.floats(Vectors.half(new float[] {1, 0, -0.5f}))).as("exact where binary16 is")
                .containsExactly(1, 0, -0.5f);
    }

    @Test
    void theDotProductWithAHalfVectorIsThatOfTheFloatsWithinAFewHundredThousandths() {
        Random random = new Random(2);
        for (int n = 0; n < 200; n++) {
            float[] question = StandInModel.unit(random, 384);
            float[] phrasing = StandInModel.unit(random, 384);
            short[] half = Vectors.half(phrasing);

            assertThat(Vectors.dot(question, half)).isCloseTo(Vectors.dot(question, phrasing), within(1e-4));
            assertThat(Vectors.dot(question, half)).as("exactly the floats held")
                    .isCloseTo(Vectors.dot(question, Vectors.floats(half)), within(1e-6));
        }
        float[] itself = StandInModel.unit(random, 384);
        assertThat(Vectors.dot(itself, Vectors.half(itself))).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void theDotProductCountsEveryElementWhateverTheLength() {
        for (int length : new int[] {0, 1, 3, 4, 5, 7, 9}) {
            float[] q = new float[length];
            float[] v = new float[length];
            double expected = 0;
            for (int i = 0; i < length; i++) {
                q[i] = i + 1;
                v[i] = 0.5f * (i % 3) - 0.25f;
                expected += q[i] * v[i];
            }

            assertThat(Vectors.dot(q, Vectors.half(v))).as("length " + length).isEqualTo(expected);
        }
    }

    @Test
    void theClosenessOfHalfPhrasingsIsThatOfTheFloats() {
        Random random = new Random(3);
        float[][] phrasings = new float[40][];
        short[][] halves = new short[phrasings.length][];
        for (int i = 0; i < phrasings.length; i++) {
            phrasings[i] = StandInModel.unit(random, 384);
            halves[i] = Vectors.half(phrasings[i]);
        }
        float[] question = StandInModel.unit(random, 384);

        for (int k : new int[] {1, 3, 40, 50}) {
            assertThat(Vectors.closeness(question, halves, k)).isCloseTo(Vectors.closeness(question, phrasings, k), within(1e-4));
        }
        assertThat(Vectors.closeness(question, new short[0][], 3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void anEmbeddingIsOfUnitLengthAndAClassifiersNumbersAreNot() {
        assertThat(Vectors.isUnitLength(StandInModel.unit(new Random(4), 384))).isTrue();
        assertThat(Vectors.isUnitLength(new float[] {0, 1})).isTrue();
        assertThat(Vectors.isUnitLength(new float[] {0.5f, 0.5f})).isFalse();
        assertThat(Vectors.isUnitLength(new float[] {3, 4, 0.2f})).isFalse();
    }
}
