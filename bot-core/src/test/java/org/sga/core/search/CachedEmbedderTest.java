package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedEmbedderTest {

    /** Numbers as a classifier learns them: not of unit length, with more digits than half precision keeps. */
    private static final float[] LEARNED = {0.123456789f, -3.14159265f, 2718.28182f, 1e-7f, 65519.9f};

    @Test
    void contentIsHeldInHalfPrecisionAndReadBackTheSame(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        CachedEmbedder first = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        float[] exact = StandInModel.EMBEDDER.embedContent("a phrasing");

        short[] half = first.embedContentHalf("a phrasing");

        assertThat(half).containsExactly(Vectors.half(exact));
        assertThat(first.embedContentHalf("a phrasing")).as("the array held, not a copy").isSameAs(half);
        assertThat(first.embedContent("a phrasing")).containsExactly(Vectors.floats(half));
        assertThat(first.embedPassage("a passage")).containsExactly(Vectors.floats(Vectors.half(StandInModel.EMBEDDER.embedPassage("a passage"))));
        assertThat(first.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", () -> text -> {
            throw new AssertionError("embedded again although the file has it");
        }, file);
        assertThat(reopened.embedContentHalf("a phrasing")).containsExactly(half);
        assertThat(reopened.embedContent("a phrasing")).containsExactly(first.embedContent("a phrasing"));
        assertThat(reopened.embedPassage("a passage")).containsExactly(first.embedPassage("a passage"));
    }

    @Test
    void derivedNumbersAreKeptExactly(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        CachedEmbedder first = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);

        assertThat(first.derived("a classifier", LEARNED::clone)).containsExactly(LEARNED);
        first.embedContent("a phrasing");
        assertThat(first.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        assertThat(reopened.derived("a classifier", () -> {
            throw new AssertionError("learned again although the file has it");
        })).containsExactly(LEARNED);
    }

    @Test
    void derivedNumbersOfUnitLengthAreExactTooThoughLearnedAgainAfterReading(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        float[] unitNumbers = Vectors.normalise(new float[] {0.123456789f, 0.987654321f, 0.333333333f});
        CachedEmbedder first = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        assertThat(first.derived("unit numbers", unitNumbers::clone)).containsExactly(unitNumbers);
        assertThat(first.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        AtomicInteger learned = new AtomicInteger();

        float[] again = reopened.derived("unit numbers", () -> {
            learned.incrementAndGet();
            return unitNumbers.clone();
        });

        assertThat(again).containsExactly(unitNumbers);
        assertThat(learned).as("read as an embedding, so not trusted as exact").hasValue(1);
    }

    @Test
    void theBuildLeavesOutWhatTheContentNoLongerAsksFor(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        CachedEmbedder before = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        before.embedContent("a phrasing kept");
        before.embedContent("a phrasing since removed");
        before.derived("a classifier since retrained", LEARNED::clone);
        assertThat(before.save()).isTrue();

        CachedEmbedder build = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        assertThat(build.size()).isEqualTo(3);
        build.embedContent("a phrasing kept");
        build.embedContent("a phrasing added");
        assertThat(build.saveAskedOnly()).isTrue();

        AtomicInteger embedded = new AtomicInteger();
        CachedEmbedder after = new CachedEmbedder("test-model", () -> text -> {
            embedded.incrementAndGet();
            return StandInModel.EMBEDDER.embed(text);
        }, file);
        assertThat(after.size()).isEqualTo(2);
        after.embedContent("a phrasing kept");
        after.embedContent("a phrasing added");
        assertThat(embedded).as("both read from the file").hasValue(0);
    }
}
