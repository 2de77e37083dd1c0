package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;

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

    /** A stand-in model: each text's vector is drawn near one of the two sides by the text's first word. */
    private static Embedder model() {
        return text -> around(text.contains("about") ? ABOUT : NOT_ABOUT, 1, text.hashCode()).getFirst();
    }

    @Test
    void isLearnedOnceAndKeptWithTheContentsVectors(@TempDir Path dir) {
        List<String> yes = List.of("about one", "about two", "about three");
        List<String> no = List.of("other one", "other two", "other three", "other four");
        CachedEmbedder cache = new CachedEmbedder("test-model", CardClassifierTest::model, dir.resolve("cache.bin"));
        CardClassifier first = CardClassifier.learned(cache, Phrasings.of(yes).embedded(cache), List.of(Phrasings.of(no).embedded(cache)));
        assertThat(cache.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", CardClassifierTest::model, dir.resolve("cache.bin"));
        CardClassifier again = CardClassifier.learned(new Embedder() {
            @Override
            public float[] embed(String text) {
                return reopened.embed(text);
            }

            @Override
            public float[] embedContent(String text) {
                return reopened.embedContent(text);
            }

            @Override
            public float[] derived(String key, Supplier<float[]> learn) {
                return reopened.derived(key, () -> {
                    throw new AssertionError("learned again although the cache has it");
                });
            }
        }, Phrasings.of(yes).embedded(reopened), List.of(Phrasings.of(no).embedded(reopened)));

        float[] message = around(ABOUT, 1, 9).getFirst();
        assertThat(again.probability(message)).isCloseTo(first.probability(message), within(1e-6));
    }

    @Test
    void aChangedExampleIsLearnedAnew(@TempDir Path dir) {
        CachedEmbedder cache = new CachedEmbedder("test-model", CardClassifierTest::model, dir.resolve("cache.bin"));
        List<String> no = List.of("other one", "other two");
        CardClassifier.learned(cache, Phrasings.of(List.of("about one")).embedded(cache), List.of(Phrasings.of(no).embedded(cache)));
        AtomicInteger learnt = new AtomicInteger();
        Embedder counting = new Embedder() {
            @Override
            public float[] embed(String text) {
                return cache.embed(text);
            }

            @Override
            public float[] embedContent(String text) {
                return cache.embedContent(text);
            }

            @Override
            public float[] derived(String key, Supplier<float[]> learn) {
                return cache.derived(key, () -> {
                    learnt.incrementAndGet();
                    return learn.get();
                });
            }
        };

        CardClassifier.learned(counting, Phrasings.of(List.of("about one", "about more")).embedded(cache), List.of(Phrasings.of(no).embedded(cache)));

        assertThat(learnt).hasValue(1);
    }

    @Test
    void aSideWithoutPhrasingsIsRefused() {
        assertThatThrownBy(() -> CardClassifier.train(List.of(), around(NOT_ABOUT, 5, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
