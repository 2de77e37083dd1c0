package org.sga.app.content;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.sga.content.ContentException;
import org.sga.content.ContentFolder;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.SectionGuidance;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;
import org.sga.core.yaml.YamlProblem;

/**
 * Where the content comes from: {@code folder} when set, laid out as the shipped content or flat (procedures, and
 * optionally {@code synonyms.txt}, {@code tuning.yml}, {@code danger.yml}, {@code cards.yml}, {@code sections.yml}, {@code margins.yml} and the other search
 * files); otherwise what is shipped in the jar. A file the folder lacks is the shipped one. The embedding model is the
 * one {@code modelName} names, with its cache of the content's vectors in {@code cacheDir}.
 */
public final class ContentSource {

    /** The environment variable that chooses the embedding model, as messages name it. */
    public static final String EMBEDDING_MODEL_ENV = "SGA_EMBEDDING_MODEL";
    /** Names of the content files, as problems name them. */
    public static final String DANGER_FILE = "danger.yml";
    public static final String CARDS_FILE = "cards.yml";
    public static final String SECTIONS_FILE = "sections.yml";

    private final Optional<Path> folder;
    private final String modelName;
    private final Path cacheDir;
    /**
     * {@code cards.yml} as read once: with its labelled staff messages it is the largest content file, and reading it
     * builds a tree of nodes many times its size, so the danger check and the replies share one reading. Once the
     * replies' cards have learned from its labelled staff messages, only the cards without those texts are kept.
     */
    private GuidanceCards cards;
    /** The second views' models, each loaded once with a cache of its own, whether the danger check or the cards ask. */
    private final java.util.Map<EmbeddingModel, CachedEmbedder> seconds = new java.util.EnumMap<>(EmbeddingModel.class);

    /** {@code modelName} null or blank is the default model; it is checked when the model is first asked for. */
    public ContentSource(Optional<Path> folder, String modelName, Path cacheDir) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.modelName = modelName;
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** The shipped content and the default model, caching vectors in {@code cacheDir}. */
    public static ContentSource shipped(Path cacheDir) {
        return new ContentSource(Optional.empty(), null, cacheDir);
    }

    public Library library() {
        return folder.map(dir -> ProcedureLoader.fromDirectory(new ContentFolder(dir).procedures()))
                .orElseGet(ProcedureLoader::fromClasspath);
    }

    public Reader synonyms() {
        return resource("search", "synonyms.txt");
    }

    /**
     * A content file from the folder ({@code DIR/name}, or {@code DIR/folder/name} as shipped) when it has one,
     * otherwise the one shipped under {@code shippedFolder/}.
     */
    private Reader resource(String shippedFolder, String name) {
        if (folder.isPresent()) {
            for (Path file : List.of(folder.get().resolve(name), folder.get().resolve(shippedFolder).resolve(name))) {
                if (Files.exists(file)) {
                    try {
                        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        var in = ContentSource.class.getClassLoader().getResourceAsStream(shippedFolder + "/" + name);
        if (in == null) {
            throw new IllegalStateException("classpath:" + shippedFolder + "/" + name + " is missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Words that move a message written where others can read it to the person's private chat; from the folder when it
     * has {@code private-topics.txt}, else the jar's {@code conversation/private-topics.txt}.
     */
    public PrivateTopics privateTopics() {
        String name = "private-topics.txt";
        try (Reader reader = resource("conversation", name)) {
            return PrivateTopics.parse(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The danger check by patterns only, from {@code danger.yml}: for tools and tests that run without the embedding
     * model. The bot uses {@link #dangerSignals(Library, CachedEmbedder)}.
     */
    public DangerSignals dangerSignals() {
        return read("search", DANGER_FILE, DangerSignals::parse);
    }

    /**
     * The danger check by meaning and patterns, with the embedder the index uses; the guidance cards' phrasings count
     * as calm. Example phrasings are embedded in the background, a step of preparing the content
     * ({@link CachedEmbedder#startStep}). When the margins name models for the check's second or third view, they load
     * too, each with a cache of its own, shared with the cards' views of the same model ({@link #secondEmbedder}).
     */
    public DangerSignals dangerSignals(Library library, CachedEmbedder embedder) {
        GuidanceCards cards = cardsAsRead(library, false);
        DangerSignals danger = dangerSignals();
        stopOn(danger.problems(cards.cards().stream().map(c -> c.id()).toList(), library, DANGER_FILE));
        MeaningMargins margins = margins();
        CachedEmbedder second = margins.dangerSecondModel() == null ? null : secondEmbedder(margins.dangerSecondModel(), embedder);
        CachedEmbedder third = margins.dangerThirdModel() == null ? null : secondEmbedder(margins.dangerThirdModel(), embedder);
        Runnable step = embedder.startStep();
        return danger.withMeaning(embedder, second, third, margins, cards.phrasings(), savingViews(embedder, step, second, third));
    }

    /**
     * What runs once a check or the cards are prepared: each view other than {@code embedder} keeps what it learned in its
     * own cache file, then the step of preparing the content ends.
     */
    private static Runnable savingViews(CachedEmbedder embedder, Runnable step, CachedEmbedder... views) {
        return () -> {
            for (CachedEmbedder view : views) {
                if (view != null && view != embedder) {
                    view.save();
                }
            }
            step.run();
        };
    }

    /**
     * The embedder of a second (or third) view's {@code model}: {@code embedder} when it is the model the index uses
     * (never loaded twice), else one loaded once for the danger check and the cards alike, with a cache file of its own.
     */
    public synchronized CachedEmbedder secondEmbedder(EmbeddingModel model, CachedEmbedder embedder) {
        if (model == embeddingModel()) {
            return embedder;
        }
        return seconds.computeIfAbsent(model, m -> new CachedEmbedder(m.id(), m::load, cacheFile(m)));
    }

    /**
     * The guidance cards ({@code cards.yml}), recognised by patterns only, with their labelled staff messages (to learn
     * from by meaning, or to leave some out); checked against the library's sections.
     */
    public GuidanceCards guidanceCards(Library library) {
        return cardsAsRead(library, true);
    }

    /**
     * The cards as read once; read again when {@code learnable} asks for the labelled staff messages after the
     * replies' cards have let them go.
     */
    private GuidanceCards cardsAsRead(Library library, boolean learnable) {
        GuidanceCards read;
        synchronized (this) {
            if (cards == null || learnable && !cards.learnable()) {
                cards = read("guidance", CARDS_FILE, GuidanceCards::parse);
            }
            read = cards;
        }
        stopOn(read.problems(library, CARDS_FILE));
        return read;
    }

    /** What the bot knows about sections ({@code sections.yml}), without reading concerns by meaning. */
    public SectionGuidance sectionGuidance(Library library) {
        SectionGuidance sections = read("guidance", SECTIONS_FILE, SectionGuidance::parse);
        stopOn(sections.problems(library, SECTIONS_FILE));
        return sections;
    }

    /** A content file that names what the procedures lack stops the bot (or the tool), naming every problem. */
    private static void stopOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("; ", problems));
        }
    }

    /**
     * How replies are composed: guidance cards and section guidance by meaning with {@code embedder}, or by patterns
     * only when it is null.
     */
    public Answers answers(Library library, CachedEmbedder embedder) {
        GuidanceCards cards = guidanceCards(library);
        SectionGuidance sections = sectionGuidance(library);
        if (embedder == null) {
            return new Answers(library, cards, sections, null);
        }
        MeaningMargins margins = margins();
        stopOn(margins.problems(cards.cards().stream().map(c -> c.id()).toList(), MeaningMargins.FILE));
        CachedEmbedder second = margins.cardsSecondModel() == null ? null : secondEmbedder(margins.cardsSecondModel(), embedder);
        CachedEmbedder third = margins.cardsThirdModel() == null ? null : secondEmbedder(margins.cardsThirdModel(), embedder);
        Runnable step = embedder.startStep();
        GuidanceCards byMeaning = cards.withMeaning(embedder, second, third, margins, library, savingViews(embedder, step, second, third));
        synchronized (this) {
            if (this.cards == cards) {
                this.cards = cards.withoutLabelledTexts();
            }
        }
        return new Answers(library, byMeaning,
                sections.withMeaning(embedder, margins, embedder.startStep()), embedder);
    }

    /**
     * How the danger check, the cards and the choice of quote read meaning, for the configured model
     * ({@code margins.yml}); from the folder when it has the file, else the jar's {@code guidance/margins.yml}.
     */
    public MeaningMargins margins() {
        return read("guidance", MeaningMargins.FILE, MeaningMargins::parse).get(embeddingModel());
    }

    /** Reads a content file; a problem in it is a content error naming the file and line. */
    private <T> T read(String shippedFolder, String name, BiFunction<Reader, String, T> parse) {
        try (Reader reader = resource(shippedFolder, name)) {
            return parse.apply(reader, name);
        } catch (YamlProblem e) {
            throw new ContentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search's weights and thresholds for each embedding model ({@code tuning.yml}); from the folder when it has
     * the file, else the jar's {@code search/tuning.yml}. A bad value is a content error naming its line.
     */
    public SearchTuning searchTuning() {
        return read("search", SearchTuning.FILE, SearchTuning::parse);
    }

    /** Topics the loaded procedures don't cover; from the folder's {@code not-covered.yml} or the jar. */
    public NotCovered notCovered() {
        try (Reader reader = resource("search", "not-covered.yml")) {
            return NotCovered.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hybrid index (BM25 with synonyms fused with sentence embeddings) that the bot uses. */
    public SectionIndex index(Library library) {
        return index(library, true);
    }

    /** The hybrid index, or with {@code hybrid} false the lexical one, which needs no model. */
    public SectionIndex index(Library library, boolean hybrid) {
        if (!hybrid) {
            try (Reader synonyms = synonyms()) {
                return SectionIndex.build(library, synonyms, SearchOptions.lexical(searchTuning().lexical()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index(library, embedder());
    }

    /** The hybrid index with an embedder already loading (see {@link #embedder()}). */
    public SectionIndex index(Library library, CachedEmbedder embedder) {
        return index(library, embedder, notCovered());
    }

    /** The hybrid index over {@code library} with {@code notCovered}, its vectors saved to the cache. */
    public SectionIndex index(Library library, CachedEmbedder embedder, NotCovered notCovered) {
        try (Reader synonyms = synonyms()) {
            SectionIndex index = SectionIndex.build(library, synonyms, searchTuning().options(embeddingModel(), embedder, notCovered));
            embedder.save();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedding model named; an unknown name stops start-up (or the tool) with the accepted ones. */
    public EmbeddingModel embeddingModel() {
        try {
            return EmbeddingModel.namedForSearch(modelName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(EMBEDDING_MODEL_ENV + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedding model, loading on a thread of its own from this call on, with the content cache (one file per
     * model) in the cache folder. Call it first: loading the model is the longest part of start-up.
     */
    public CachedEmbedder embedder() {
        EmbeddingModel model = embeddingModel();
        return new CachedEmbedder(model.id(), model::load, cacheFile(model));
    }

    /** The cache file of {@code model}'s vectors of the content. */
    public Path cacheFile(EmbeddingModel model) {
        return cacheDir.resolve("embeddings-" + model.id() + ".bin");
    }
}
