package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.content.ContentSource;
import org.sga.core.guidance.Background;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;

/** The cache of content vectors keeps no vector the content no longer asks for once every part is prepared. */
class AskLinesCacheTest {

    /** Not any text's embedding: a vector that could only be in the file because it was written there. */
    private static final float[] STALE = stale();

    @Test
    void onceTheContentIsPrepared_aVectorOfAPhrasingSinceRemovedIsNoLongerInTheCacheFile(@TempDir Path cacheDir) throws IOException {
        ContentSource content = ContentSource.shipped(cacheDir);
        Path file = content.cacheFile(content.embeddingModel());
        CachedEmbedder earlier = new CachedEmbedder(EmbeddingModel.DEFAULT.id(), () -> text -> STALE.clone(), file);
        earlier.embedContent("an invented phrasing since removed from the cards");
        assertThat(earlier.save()).isTrue();
        assertThat(vectors(file)).anySatisfy(v -> assertThat(v).containsExactly(STALE));

        String reply = AskLines.answers(content).apply("can I forward the pic to the DSL?");
        Background.awaitAll(Duration.ofMinutes(5));

        assertThat(reply).contains("IMAGES_DO_NOT_SHARE");
        assertThat(vectors(file)).noneSatisfy(v -> assertThat(v).containsExactly(STALE));
    }

    /** Of unit length, as an embedding is, and exactly as half precision holds it (1/16 in 256 of 384 places). */
    private static float[] stale() {
        float[] v = new float[384];
        Arrays.fill(v, 0, 256, 0.0625f);
        return v;
    }

    /** The vectors in a cache file as written: a magic number, the model, a count, then each key and its floats. */
    private static List<float[]> vectors(Path file) throws IOException {
        List<float[]> read = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            in.readInt();
            in.readUTF();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                read.add(v);
            }
        }
        return read;
    }
}
