package org.sga.app.content;

import java.io.Reader;
import org.sga.app.settings.Settings;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;

/**
 * The content as the process environment configures it, for the evaluation, tuning and benchmark tools, which read it
 * through these static methods; everything else is given a {@link ContentSource} built from the bound settings.
 */
public final class Content {

    /** Bound on first use, from the same settings the bot and the other tools bind. */
    private static final class Configured {
        static final ContentSource SOURCE = Settings.bind(Settings.toolEnvironment()).contentSource();
    }

    private Content() {
    }

    private static ContentSource source() {
        return Configured.SOURCE;
    }

    public static Library library() {
        return source().library();
    }

    public static Reader synonyms() {
        return source().synonyms();
    }

    public static DangerSignals dangerSignals(Library library, CachedEmbedder embedder) {
        return source().dangerSignals(library, embedder);
    }

    public static Answers answers(Library library, CachedEmbedder embedder) {
        return source().answers(library, embedder);
    }

    public static NotCovered notCovered() {
        return source().notCovered();
    }

    public static SectionIndex index(Library library) {
        return source().index(library);
    }

    public static SectionIndex index(Library library, boolean hybrid) {
        return source().index(library, hybrid);
    }

    /** Names the setting that chooses the embedding model ({@code e5-small}, the default, or {@code minilm}). */
    public static final String EMBEDDING_MODEL_ENV = ContentSource.EMBEDDING_MODEL_ENV;

    public static EmbeddingModel embeddingModel() {
        return source().embeddingModel();
    }

    public static CachedEmbedder embedder() {
        return source().embedder();
    }

    /** The search's weights and thresholds for each embedding model ({@code tuning.yml}). */
    public static SearchTuning searchTuning() {
        return source().searchTuning();
    }

    /** The content's source itself, for what the static methods do not cover. */
    public static ContentSource contentSource() {
        return source();
    }

    public static SectionIndex index(Library library, CachedEmbedder embedder) {
        return source().index(library, embedder);
    }
}
