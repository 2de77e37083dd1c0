package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CardClassifierTest {

    /** Unit vectors around {@code centre}, as sentence embeddings lie around what they mean. */
    private static List<float[]> around(float[] centre, int count, long seed) {
        Random random = new Random(seed);
        List<float[]> vectors = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] v = new float[centre.length];
            double norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = centre[i] + (float) (random.nextGaussian() * 0.05);
                norm += v[i] * v[i];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        return vectors;
    }

    private static final float[] ABOUT = {0.9f, 0.3f, 0.2f, 0.1f, 0.2f, 0.1f};
    private static final float[] NOT_ABOUT = {0.8f, 0.1f, 0.4f, 0.3f, 0.2f, 0.2f};

    @Test
    void tellsApartMessagesNearEachSideItHasNeverSeen() {
        CardClassifier classifier = CardClassifier.train(around(ABOUT, 40, 1), around(NOT_ABOUT, 200, 2));

        assertThat(around(ABOUT, 20, 3)).allSatisfy(v -> assertThat(classifier.probability(v)).isGreaterThan(0.9));
        assertThat(around(NOT_ABOUT, 20, 4)).allSatisfy(v -> assertThat(classifier.probability(v)).isLessThan(0.1));
    }

    @Test
    void theSameFileGivesTheSameAnswers() {
        float[] message = around(ABOUT, 1, 5).getFirst();

        double once = CardClassifier.train(around(ABOUT, 30, 1), around(NOT_ABOUT, 60, 2)).probability(message);
        double again = CardClassifier.train(around(ABOUT, 30, 1), around(NOT_ABOUT, 60, 2)).probability(message);

        assertThat(again).isEqualTo(once);
    }

    @Test
    void aSideWithoutPhrasingsIsRefused() {
        assertThatThrownBy(() -> CardClassifier.train(List.of(), around(NOT_ABOUT, 5, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
