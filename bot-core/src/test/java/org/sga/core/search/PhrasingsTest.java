package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhrasingsTest {

    private static final Embedder MODEL = StandInModel.EMBEDDER;

    private static final List<String> TEXTS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight");

    /** What the phrasings' closeness was before they were held in half precision: floats throughout. */
    private static double floatCloseness(float[] question, List<String> texts, int k) {
        return Vectors.closeness(question, texts.stream().map(MODEL::embedContent).toArray(float[][]::new), k);
    }

    @Test
    void theClosenessOfPhrasingsHeldInHalfPrecisionIsThatOfTheirFloats() {
        Phrasings phrasings = Phrasings.of(TEXTS).embedded(MODEL);
        Random random = new Random(5);
        for (int n = 0; n < 50; n++) {
            // A question near one of the phrasings, as a message near an example is.
            float[] near = MODEL.embed(TEXTS.get(n % TEXTS.size()));
            float[] noise = StandInModel.unit(random, 384);
            float[] question = new float[384];
            for (int i = 0; i < question.length; i++) {
                question[i] = near[i] + 0.8f * noise[i];
            }
            question = Vectors.normalise(question);

            for (int k : new int[] {1, 3, 8}) {
                assertThat(phrasings.closeness(question, k)).isCloseTo(floatCloseness(question, TEXTS, k), within(1e-4));
            }
            assertThat(phrasings.closestTo(question)).isEqualTo(n % TEXTS.size());
        }
    }

    @Test
    void manyPhrasingsAreEmbeddedOnEveryCoreAndKeepTheirOrderAndVectors() {
        List<String> many = java.util.stream.IntStream.range(0, Phrasings.IN_PARALLEL_FROM * 4).mapToObj(i -> "phrasing " + i)
                .toList();
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // With more than one core, each text waits until a second thread embeds too (or a minute has passed).
        int wanted = Math.min(2, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(wanted);
        Embedder watched = text -> {
            if (threads.add(Thread.currentThread())) {
                second.countDown();
            }
            try {
                second.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MODEL.embed(text);
        };

        List<float[]> vectors = Phrasings.of(many).embedded(watched).vectors();

        assertThat(threads).hasSizeGreaterThanOrEqualTo(wanted);
        assertThat(vectors).hasSize(many.size());
        for (int i = 0; i < many.size(); i++) {
            assertThat(vectors.get(i)).containsExactly(Vectors.floats(Vectors.half(MODEL.embedContent(many.get(i)))));
        }
        // A few phrasings (a quoted section's sentences) are embedded on the thread that asks.
        threads.clear();
        Phrasings.of(many.subList(0, 3)).embedded(text -> {
            threads.add(Thread.currentThread());
            return MODEL.embed(text);
        });
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void theVectorsAreTheHalvesDecoded() {
        Phrasings phrasings = Phrasings.of(TEXTS).embedded(MODEL);

        List<float[]> vectors = phrasings.vectors();

        assertThat(vectors).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] exact = MODEL.embedContent(TEXTS.get(i));
            assertThat(vectors.get(i)).containsExactly(Vectors.floats(Vectors.half(exact)));
            assertThat(Vectors.dot(vectors.get(i), exact)).isCloseTo(1.0, within(1e-4));
        }
        List<float[]> both = Phrasings.vectors(List.of(phrasings, Phrasings.of(List.of("nine")).embedded(MODEL)));
        assertThat(both).hasSize(TEXTS.size() + 1);
        assertThat(both.get(2)).containsExactly(vectors.get(2));
        assertThat(both.get(TEXTS.size())).containsExactly(Vectors.floats(Vectors.half(MODEL.embedContent("nine"))));
    }

    @Test
    void phrasingsHoldTheCachesOwnArrays(@TempDir Path dir) {
        CachedEmbedder cache = new CachedEmbedder("test-model", () -> MODEL, dir.resolve("cache.bin"));

        Phrasings once = Phrasings.of(TEXTS).embedded(cache);
        Phrasings again = Phrasings.of(TEXTS).embedded(cache);

        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(again.halves().get(i)).as("held once").isSameAs(once.halves().get(i));
            assertThat(cache.embedContent(TEXTS.get(i))).containsExactly(Vectors.floats(once.halves().get(i)));
        }
    }
}
