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
import org.sga.content.ContentException;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.SectionGuidance;
import org.sga.core.yaml.YamlProblem;
import org.sga.app.store.StoreFactory;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;

/**
 * Where the content comes from: the folder in {@code SGA_CONTENT_DIR} when set, laid out as the shipped content or
 * flat (procedures, and optionally {@code synonyms.txt}, {@code danger.yml}, {@code cards.yml}, {@code sections.yml}
 * and the other search files); otherwise what is shipped in the jar. A file the folder lacks is the shipped one.
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
        SectionIndex index = SectionIndex.build(library, synonyms, searchTuning().options(embeddingModel(), embedder, notCovered));
        embedder.save();
        return index;
    }

    public static Reader synonyms() {
        return resource("synonyms.txt");
    }

    /** A search file from {@code SGA_CONTENT_DIR} when it has one, otherwise the one shipped under {@code search/}. */
    private static Reader resource(String name) {
        return resource("search", name);
    }

    /**
     * A content file from {@code SGA_CONTENT_DIR} ({@code DIR/name}, or {@code DIR/folder/name} as shipped) when it has
     * one, otherwise the one shipped under {@code folder/}.
     */
    private static Reader resource(String folder, String name) {
        String dir = System.getenv("SGA_CONTENT_DIR");
        try {
            if (dir != null && !dir.isBlank()) {
                for (Path file : java.util.List.of(Path.of(dir, name), Path.of(dir, folder, name))) {
                    if (Files.exists(file)) {
                        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        var in = Content.class.getClassLoader().getResourceAsStream(folder + "/" + name);
        if (in == null) {
            throw new IllegalStateException("classpath:" + folder + "/" + name + " is missing");
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
        try (Reader reader = resource("conversation", name)) {
            return PrivateTopics.parse(reader, name);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the content files, as problems name them. */
    public static final String DANGER_FILE = "danger.yml";
    public static final String CARDS_FILE = "cards.yml";
    public static final String SECTIONS_FILE = "sections.yml";

    /**
     * The danger check by patterns only, from {@code danger.yml} ({@code SGA_CONTENT_DIR} or the jar): for tools and
     * tests that run without the embedding model. The bot uses {@link #dangerSignals(Library, CachedEmbedder)}.
     */
    public static DangerSignals dangerSignals() {
        return read("search", DANGER_FILE, DangerSignals::parse);
    }

    /**
     * The danger check by meaning and patterns, with the embedder the index uses; the guidance cards' phrasings count
     * as calm. Example phrasings are embedded in the background and the cache saved.
     */
    public static DangerSignals dangerSignals(Library library, CachedEmbedder embedder) {
        GuidanceCards cards = guidanceCards(library);
        DangerSignals danger = dangerSignals();
        java.util.List<String> problems = danger.problems(cards.cards().stream().map(c -> c.id()).toList(), library, DANGER_FILE);
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("; ", problems));
        }
        return danger.withMeaning(embedder, margins(), cards.phrasings(), embedder::save);
    }

    /** The guidance cards ({@code cards.yml}), recognised by patterns only; checked against the library's sections. */
    public static GuidanceCards guidanceCards(Library library) {
        GuidanceCards cards = read("guidance", CARDS_FILE, GuidanceCards::parse);
        java.util.List<String> problems = cards.problems(library, CARDS_FILE);
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("; ", problems));
        }
        return cards;
    }

    /** What the bot knows about sections ({@code sections.yml}), without reading concerns by meaning. */
    public static SectionGuidance sectionGuidance(Library library) {
        SectionGuidance sections = read("guidance", SECTIONS_FILE, SectionGuidance::parse);
        java.util.List<String> problems = sections.problems(library, SECTIONS_FILE);
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("; ", problems));
        }
        return sections;
    }

    /**
     * How replies are composed: guidance cards and section guidance by meaning with {@code embedder}, or by patterns
     * only when it is null.
     */
    public static Answers answers(Library library, CachedEmbedder embedder) {
        GuidanceCards cards = guidanceCards(library);
        SectionGuidance sections = sectionGuidance(library);
        if (embedder == null) {
            return new Answers(library, cards, sections, null);
        }
        return new Answers(library, cards.withMeaning(embedder, margins(), library, embedder::save),
                sections.withMeaning(embedder, margins(), embedder::save), embedder);
    }

    private static MeaningMargins margins() {
        return MeaningMargins.of(embeddingModel());
    }

    /** Reads a content file; a problem in it is a content error naming the file and line. */
    private static <T> T read(String folder, String name, java.util.function.BiFunction<Reader, String, T> parse) {
        try (Reader reader = resource(folder, name)) {
            return parse.apply(reader, name);
        } catch (YamlProblem e) {
            throw new ContentException(e.getMessage(), e);
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
                return SectionIndex.build(library, synonyms, SearchOptions.lexical(searchTuning().lexical()));
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
     * The search's weights and thresholds for each embedding model ({@code tuning.yml}); from {@code SGA_CONTENT_DIR}
     * when it has the file, else the jar's {@code search/tuning.yml}. A bad value is a content error naming its line.
     */
    public static SearchTuning searchTuning() {
        return read("search", SearchTuning.FILE, SearchTuning::parse);
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
