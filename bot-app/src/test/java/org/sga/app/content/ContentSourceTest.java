package org.sga.app.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;

class ContentSourceTest {

    @TempDir
    Path cache;

    @Test
    void aSecondViewsModelIsLoadedOnceForTheDangerCheckAndTheCards_andTheIndexsOwnModelNeverTwice() {
        ContentSource source = ContentSource.shipped(cache);
        CachedEmbedder own = source.embedder();

        CachedEmbedder forDanger = source.secondEmbedder(EmbeddingModel.MINILM, own);
        CachedEmbedder forCards = source.secondEmbedder(EmbeddingModel.MINILM, own);

        assertThat(forCards).as("one instance, one model in memory").isSameAs(forDanger).isNotSameAs(own);
        assertThat(source.secondEmbedder(source.embeddingModel(), own)).as("the index's own model").isSameAs(own);
    }
}
