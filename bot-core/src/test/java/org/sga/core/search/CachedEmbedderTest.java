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
    void theSameContentGivesTheSameFileInWhateverOrderItWasEmbedded(@TempDir Path dir) throws Exception {
        java.util.List<String> texts = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "phrasing " + i).toList();
        java.util.List<String> shuffled = new java.util.ArrayList<>(texts);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        Path inOrder = dir.resolve("in-order.bin");
        Path atOnce = dir.resolve("at-once.bin");
        CachedEmbedder first = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, inOrder);
        CachedEmbedder second = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, atOnce);

        texts.forEach(first::embedContentHalf);
        first.derived("a classifier", LEARNED::clone);
        second.derived("a classifier", LEARNED::clone);
        shuffled.parallelStream().forEach(second::embedContentHalf);

        assertThat(first.save()).isTrue();
        assertThat(second.save()).isTrue();
        assertThat(java.nio.file.Files.readAllBytes(atOnce)).isEqualTo(java.nio.file.Files.readAllBytes(inOrder));
        assertThat(java.nio.file.Files.size(inOrder)).isGreaterThan(500L * 384 * 4);
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
        CachedEmbedder after = counting(file, embedded);
        assertThat(after.size()).isEqualTo(2);
        after.embedContent("a phrasing kept");
        after.embedContent("a phrasing added");
        assertThat(embedded).as("both read from the file").hasValue(0);
    }

    @Test
    void aModelThatReadsOnlyWhatWasLearnedShipsTheClassifierAndNoVector(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        CachedEmbedder before = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        before.derived("a classifier since retrained", LEARNED::clone);
        assertThat(before.save()).isTrue();

        CachedEmbedder build = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        build.derived("the classifier", () -> {
            build.embedContent("a phrasing it learns from");
            build.embedContent("another");
            return LEARNED.clone();
        });
        assertThat(build.saveDerivedOnly()).isTrue();

        AtomicInteger embedded = new AtomicInteger();
        CachedEmbedder after = counting(file, embedded);
        assertThat(after.size()).as("the classifier alone").isEqualTo(1);
        assertThat(after.derived("the classifier", () -> new float[] {0})).containsExactly(LEARNED);
        assertThat(embedded).hasValue(0);
    }

    @Test
    void onceEveryStepOfARunningBotIsDoneTheFileAndHeapKeepOnlyWhatTheContentAskedFor(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        written(file, "a card phrasing kept", "a danger phrasing kept", "a phrasing since edited");

        CachedEmbedder running = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        Runnable cards = running.startStep();
        Runnable danger = running.startStep();
        running.embedContent("a card phrasing kept");
        cards.run();
        running.allStepsStarted();
        assertThat(reopenedSize(file)).as("one step still preparing: nothing dropped yet").isEqualTo(3);

        running.embedContent("a danger phrasing kept");
        running.embedContent("the phrasing as edited");
        danger.run();

        assertThat(running.size()).as("held").isEqualTo(3);
        assertThat(reopenedSize(file)).as("in the file").isEqualTo(3);
        AtomicInteger embedded = new AtomicInteger();
        CachedEmbedder after = counting(file, embedded);
        after.embedContent("a card phrasing kept");
        after.embedContent("a danger phrasing kept");
        after.embedContent("the phrasing as edited");
        assertThat(embedded).as("all read from the file").hasValue(0);
        assertThat(after.size()).isEqualTo(3);
    }

    @Test
    void stepsDoneBeforeEveryStepHasStartedOnlySave(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        written(file, "a section", "a card phrasing");

        CachedEmbedder running = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        Runnable index = running.startStep();
        running.embedContent("a section");
        index.run();
        index.run();

        assertThat(reopenedSize(file)).as("the cards' step has not started: their vector stays").isEqualTo(2);
        Runnable cards = running.startStep();
        running.embedContent("a card phrasing");
        running.allStepsStarted();
        assertThat(running.size()).isEqualTo(2);
        cards.run();
        assertThat(reopenedSize(file)).isEqualTo(2);
    }

    @Test
    void aStepThatFailsDropsNothing(@TempDir Path dir) {
        Path file = dir.resolve("cache.bin");
        written(file, "a phrasing the failed step would have asked for");

        CachedEmbedder running = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        Runnable index = running.startStep();
        running.startStep(); // a step whose preparation throws never runs its action
        running.embedContent("a section");
        index.run();
        running.allStepsStarted();

        assertThat(reopenedSize(file)).isEqualTo(2);
    }

    private static int reopenedSize(Path file) {
        return new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file).size();
    }

    /** A cache file that holds the vectors of {@code phrasings}, as an earlier run left it. */
    private static void written(Path file, String... phrasings) {
        CachedEmbedder earlier = new CachedEmbedder("test-model", () -> StandInModel.EMBEDDER, file);
        for (String phrasing : phrasings) {
            earlier.embedContent(phrasing);
        }
        assertThat(earlier.save()).isTrue();
    }

    /** An embedder on {@code file} whose model counts the texts it embeds. */
    private static CachedEmbedder counting(Path file, AtomicInteger embedded) {
        return new CachedEmbedder("test-model", () -> text -> {
            embedded.incrementAndGet();
            return StandInModel.EMBEDDER.embed(text);
        }, file);
    }
}
