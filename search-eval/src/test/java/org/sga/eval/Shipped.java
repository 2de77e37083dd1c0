package org.sga.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.sga.app.content.Content;
import org.sga.content.Library;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.HybridWeights;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SectionIndex;

/** The shipped content as the tools load it, with one embedder per test JVM (loading the model takes a second or two). */
final class Shipped {

    static final Library LIBRARY = Content.library();
    static final CachedEmbedder EMBEDDER = Content.embedder();
    static final NotCovered NOT_COVERED = Content.notCovered();
    static final HybridWeights WEIGHTS = Content.searchTuning().weights(Content.embeddingModel());
    static final SectionIndex HYBRID = index(WEIGHTS);

    private Shipped() {
    }

    /** The shipped content's hybrid index with other weights. */
    static SectionIndex index(HybridWeights weights) {
        try (Reader synonyms = Content.synonyms()) {
            return SectionIndex.build(LIBRARY, synonyms, SearchOptions.hybrid(EMBEDDER, weights, NOT_COVERED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
