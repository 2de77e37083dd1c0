package org.sga.core.search;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;

/** The real shipped content indexed once per test JVM: loading the embedding model takes a second or two. */
public final class ShippedIndex {

    public static final Library LIBRARY = ProcedureLoader.fromClasspath();
    /**
     * The default embedding model, as the bot runs it: the shipped content's vectors come from the build, so only
     * what a test adds is embedded, once per run.
     */
    public static final Embedder EMBEDDER = new CachedEmbedder(EmbeddingModel.DEFAULT.id(), EmbeddingModel.DEFAULT::load,
            java.nio.file.Path.of("target", "test-data", "embeddings-" + EmbeddingModel.DEFAULT.id() + ".bin"));
    /** The shipped weights and thresholds ({@code search/tuning.yml}). */
    public static final SearchTuning TUNING = SearchTuning.shipped();
    public static final SectionIndex HYBRID = SectionIndex.build(LIBRARY, synonyms(), SearchOptions.hybrid(EMBEDDER,
            TUNING.weights(EmbeddingModel.DEFAULT), NotCovered.parse(resource("search/not-covered.yml"))));
    /** As {@link #HYBRID} without the topics not covered: for testing a rule that topics would otherwise pre-empt. */
    public static final SectionIndex HYBRID_WITHOUT_TOPICS = SectionIndex.build(LIBRARY, synonyms(), SearchOptions.hybrid(EMBEDDER,
            TUNING.weights(EmbeddingModel.DEFAULT), NotCovered.none()));
    public static final SectionIndex LEXICAL = lexical(LIBRARY, synonyms());

    private ShippedIndex() {
    }

    /** A lexical index of {@code library} with the shipped thresholds. */
    public static SectionIndex lexical(Library library, Reader synonyms) {
        return SectionIndex.build(library, synonyms, SearchOptions.lexical(TUNING.lexical()));
    }

    public static Reader synonyms() {
        return new InputStreamReader(ShippedIndex.class.getClassLoader().getResourceAsStream("search/synonyms.txt"), StandardCharsets.UTF_8);
    }

    public static Reader resource(String name) {
        return new InputStreamReader(ShippedIndex.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8);
    }
}
