package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingModelTest {

    @Test
    void nothingSetIsE5() {
        assertThat(EmbeddingModel.named(null)).isEqualTo(EmbeddingModel.E5_SMALL);
        assertThat(EmbeddingModel.named(" ")).isEqualTo(EmbeddingModel.DEFAULT);
    }

    @Test
    void aModelIsNamedByItsSettingOrItsId() {
        assertThat(EmbeddingModel.named("e5-small")).isEqualTo(EmbeddingModel.E5_SMALL);
        assertThat(EmbeddingModel.named(" E5-Small-v2-q ")).isEqualTo(EmbeddingModel.E5_SMALL);
        assertThat(EmbeddingModel.named("all-minilm-l6-v2-q")).isEqualTo(EmbeddingModel.MINILM);
    }

    @Test
    void anUnknownNameIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> EmbeddingModel.named("bge-large")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bge-large").hasMessageContaining("minilm").hasMessageContaining("e5-small");
    }

    @Test
    void e5TellsQuestionsFromPassagesAndRanksTheRelevantPassageFirst() {
        Embedder e5 = EmbeddingModel.E5_SMALL.load();
        float[] question = e5.embed("a pupil's nudes are going round school, what do I do?");
        float[] relevant = e5.embedPassage("Sexting. When a nude or semi-nude image of a pupil is shared, tell the designated safeguarding lead.");
        float[] unrelated = e5.embedPassage("Annual leave is booked through the HR portal.");
        assertThat(Vectors.dot(question, question)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Vectors.dot(question, relevant)).isGreaterThan(Vectors.dot(question, unrelated));
        // The prefix is part of what the model sees: the same words as a passage are not the same vector.
        assertThat(e5.embedPassage("what is sexting")).isNotEqualTo(e5.embedContent("what is sexting"));
    }

    @Test
    void everyModelLoadedFromFilesGivesTheVectorsOfTheLibrarysOwnLoader() {
        // Loaded without ONNX Runtime's memory arena: the same numbers, pooled as each model's own class pools them
        // (bge-small by its first token).
        String text = "query: a pupil's nudes are going round school, what do I do?";
        float[] e5 = new dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel().embed(text).content().vector();
        float[] miniLm = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content().vector();
        float[] bge = new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel().embed(text).content().vector();

        assertThat(EmbeddingModel.E5_SMALL.load().embed(text.substring("query: ".length()))).containsExactly(Vectors.normalise(e5));
        assertThat(EmbeddingModel.MINILM.load().embed(text)).containsExactly(Vectors.normalise(miniLm));
        assertThat(EmbeddingModel.BGE_SMALL.load().embed(text)).containsExactly(Vectors.normalise(bge));
    }

    @Test
    void aModelThatServesNoSearchIsNamedButNotForSearch() {
        assertThat(EmbeddingModel.named("bge-small")).isEqualTo(EmbeddingModel.BGE_SMALL);
        assertThat(EmbeddingModel.namedForSearch("e5-small")).isEqualTo(EmbeddingModel.E5_SMALL);
        assertThatThrownBy(() -> EmbeddingModel.namedForSearch("bge-small")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not serve search").hasMessageContaining("minilm, e5-small");
    }

    @Test
    void awaitLoadingReturnsOnceTheModelHasLoaded_soTheJvmNeverExitsUnderIt(@TempDir Path dir) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean loaded = new java.util.concurrent.atomic.AtomicBoolean();
        new CachedEmbedder("slow-model", () -> {
            try {
                release.await();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loaded.set(true);
            return text -> new float[] {1, 0};
        }, dir.resolve("embeddings.bin"));
        // Still loading: the wait ends at its limit.
        long started = System.nanoTime();
        CachedEmbedder.awaitLoading(java.time.Duration.ofMillis(100));
        assertThat(loaded).isFalse();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        release.countDown();
        CachedEmbedder.awaitLoading(java.time.Duration.ofSeconds(30));
        assertThat(loaded).isTrue();
    }

    @Test
    void theContentCacheKeepsModelsAndKindsOfTextApart(@TempDir Path dir) {
        Path file = dir.resolve("embeddings.bin");
        List<String> seen = new ArrayList<>();
        Embedder fake = new Embedder() {
            @Override
            public float[] embed(String text) {
                seen.add("query " + text);
                return new float[] {1, 0};
            }

            @Override
            public float[] embedPassage(String text) {
                seen.add("passage " + text);
                return new float[] {0, 1};
            }
        };
        CachedEmbedder first = new CachedEmbedder("model-a", () -> fake, file);
        assertThat(first.embedContent("text")).containsExactly(1, 0);
        assertThat(first.embedPassage("text")).containsExactly(0, 1);
        assertThat(first.save()).isTrue();
        assertThat(Files.exists(file)).isTrue();

        seen.clear();
        CachedEmbedder sameModel = new CachedEmbedder("model-a", () -> fake, file);
        assertThat(sameModel.embedContent("text")).containsExactly(1, 0);
        assertThat(sameModel.embedPassage("text")).containsExactly(0, 1);
        assertThat(seen).isEmpty();

        CachedEmbedder otherModel = new CachedEmbedder("model-b", () -> fake, file);
        assertThat(otherModel.size()).isZero();
        otherModel.embedPassage("text");
        assertThat(seen).containsExactly("passage text");
    }
}
