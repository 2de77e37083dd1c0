package org.sga.app.content;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sga.content.ContentFolder;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateTopics;
import org.sga.app.store.StoreFactory;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SectionIndex;

/**
 * Where the content comes from: the folder in {@code SGA_CONTENT_DIR} when set, laid out as the shipped content or
 * flat (see {@link ContentFolder}); otherwise the content shipped in the jar. A search file the folder lacks is the
 * shipped one.
 */
public final class Content {

    private Content() {
    }

    public static Library library() {
        String dir = System.getenv("SGA_CONTENT_DIR");
        return dir == null || dir.isBlank() ? ProcedureLoader.fromClasspath()
                : ProcedureLoader.fromDirectory(new ContentFolder(Path.of(dir)).procedures());
    }

    private static SectionIndex index(Library library, Reader synonyms, CachedEmbedder embedder, NotCovered notCovered) {
        SectionIndex index = SectionIndex.build(library, synonyms, embedder, embeddingModel().weights(), notCovered);
        embedder.save();
        return index;
    }

    public static Reader synonyms() {
        return resource("synonyms.txt");
    }

    /** A search file from {@code SGA_CONTENT_DIR} when it has one, otherwise the one shipped under {@code search/}. */
    private static Reader resource(String name) {
        String dir = System.getenv("SGA_CONTENT_DIR");
        try {
            java.util.Optional<Path> file = dir == null || dir.isBlank() ? java.util.Optional.empty()
                    : new ContentFolder(Path.of(dir)).searchFile(name);
            if (file.isPresent()) {
                return Files.newBufferedReader(file.get(), StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        var in = Content.class.getClassLoader().getResourceAsStream("search/" + name);
        if (in == null) {
            throw new IllegalStateException("classpath:search/" + name + " is missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Words that move a message written where others can read it to the person's private chat; from the
     * {@code SGA_CONTENT_DIR} folder when it has {@code private-topics.txt}, else the jar's
     * {@code conversation/private-topics.txt}.
     */
    public static PrivateTopics privateTopics() {
        String name = "private-topics.txt";
        String dir = System.getenv("SGA_CONTENT_DIR");
        try {
            java.util.Optional<Path> file = dir == null || dir.isBlank() ? java.util.Optional.empty()
                    : new ContentFolder(Path.of(dir)).conversationFile(name);
            Reader reader;
            if (file.isPresent()) {
                reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8);
            } else {
                var in = Content.class.getClassLoader().getResourceAsStream("conversation/" + name);
                if (in == null) {
                    throw new IllegalStateException("classpath:conversation/" + name + " is missing");
                }
                reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            }
            try (reader) {
                return PrivateTopics.parse(reader, name);
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Phrases that put the 999 line first; from {@code SGA_CONTENT_DIR/danger-phrases.txt} or the jar. */
    public static DangerSignals dangerSignals() {
        try (Reader reader = resource("danger-phrases.txt")) {
            return DangerSignals.parse(reader);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topics the loaded procedures don't cover; from {@code SGA_CONTENT_DIR/not-covered.yml} or the jar. */
    public static NotCovered notCovered() {
        try (Reader reader = resource("not-covered.yml")) {
            return NotCovered.parse(reader);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hybrid index (BM25 with synonyms fused with sentence embeddings) that the bot uses. */
    public static SectionIndex index(Library library) {
        return index(library, true);
    }

    public static SectionIndex index(Library library, boolean hybrid) {
        try (Reader synonyms = synonyms()) {
            if (!hybrid) {
                return SectionIndex.build(library, synonyms);
            }
            return index(library, synonyms, embedder(), notCovered());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names the setting that chooses the embedding model ({@code e5-small}, the default, or {@code minilm}). */
    public static final String EMBEDDING_MODEL_ENV = "SGA_EMBEDDING_MODEL";

    /** The embedding model named by {@code SGA_EMBEDDING_MODEL}; an unknown name stops start-up with the accepted ones. */
    public static EmbeddingModel embeddingModel() {
        try {
            return EmbeddingModel.named(System.getenv(EMBEDDING_MODEL_ENV));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(EMBEDDING_MODEL_ENV + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedding model, loading on a thread of its own from this call on, with the content cache (one file per
     * model) under {@code SGA_DATA_DIR}. Call it first: loading the model is the longest part of start-up.
     */
    public static CachedEmbedder embedder() {
        EmbeddingModel model = embeddingModel();
        return new CachedEmbedder(model.id(), model::load, StoreFactory.defaultDataDir().resolve("embeddings-" + model.id() + ".bin"));
    }

    /**
     * The index (hybrid with {@code embedder}, lexical when it is null) without the phrasings, of sections and of
     * topics not covered, that are one of {@code questions}: for measuring those questions, never for answering.
     */
    public static SectionIndex indexWithout(Library library, java.util.Collection<String> questions, CachedEmbedder embedder) {
        Library searched = library.withoutPhrasings(questions);
        try (Reader synonyms = synonyms()) {
            if (embedder == null) {
                return SectionIndex.build(searched, synonyms);
            }
            return index(searched, synonyms, embedder, notCovered().without(questions));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many phrasings, of sections and of topics not covered, are one of {@code questions}. */
    public static int phrasingsAmong(Library library, java.util.Collection<String> questions) {
        return library.phrasingsAmong(questions) + notCovered().phrasingsAmong(questions);
    }

    /** The hybrid index with an embedder already loading (see {@link #embedder()}). */
    public static SectionIndex index(Library library, CachedEmbedder embedder) {
        try (Reader synonyms = synonyms()) {
            return index(library, synonyms, embedder, notCovered());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
