package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The in-process embedding models the bot can use; the weights chosen for each model that serves search are content
 * data ({@link SearchTuning}). A model that does not serve search only gives a check a view of its own (the cards'
 * third view, in {@code margins.yml}).
 */
public enum EmbeddingModel {

    /**
     * all-MiniLM-L6-v2: faster than e5-small-v2 (6 layers against 12) but answers worse (eval/DECISIONS.md, decision 1);
     * loading takes about a second.
     */
    MINILM("minilm", "all-minilm-l6-v2-q", "all-MiniLM-L6-v2 (quantised)", true,
            id -> OnnxEmbedder.load(AllMiniLmL6V2QuantizedEmbeddingModel.class, id, "", "")),
    /** e5-small-v2, trained with the prefixes "query: " and "passage: ". */
    E5_SMALL("e5-small", "e5-small-v2-q", "e5-small-v2 (quantised)", true,
            id -> OnnxEmbedder.load(E5SmallV2QuantizedEmbeddingModel.class, id, "query: ", "passage: ")),
    /**
     * bge-small-en-v1.5: read without its retrieval instruction, as messages are compared with messages; it does not
     * serve search (eval/DECISIONS.md, decision 1 measured it worse there) and gives the cards a third view (decision
     * 88).
     */
    BGE_SMALL("bge-small", "bge-small-en-v1.5-q", "bge-small-en-v1.5 (quantised)", false,
            id -> OnnxEmbedder.load(BgeSmallEnV15QuantizedEmbeddingModel.class, id,
                    dev.langchain4j.model.embedding.onnx.PoolingMode.CLS, "", ""));

    /**
     * The one used when nothing is set: e5-small-v2, which on the held-out set answered more questions right at rank 1
     * and abstained falsely less often than MiniLM (eval/DECISIONS.md, decision 1).
     */
    public static final EmbeddingModel DEFAULT = E5_SMALL;

    private final String setting;
    private final String id;
    private final String description;
    private final boolean searches;
    private final Function<String, Embedder> loader;

    EmbeddingModel(String setting, String id, String description, boolean searches, Function<String, Embedder> loader) {
        this.setting = setting;
        this.id = id;
        this.description = description;
        this.searches = searches;
        this.loader = loader;
    }

    /** Whether it can serve search (and so has search weights and margins of its own). */
    public boolean searches() {
        return searches;
    }

    /** The models that can serve search. */
    public static java.util.List<EmbeddingModel> forSearch() {
        return Arrays.stream(values()).filter(EmbeddingModel::searches).toList();
    }

    /** The value that selects it, e.g. {@code e5-small}. */
    public String setting() {
        return setting;
    }

    /** Names the model in cache files and keys, so a model change never reuses old vectors; e.g. {@code e5-small-v2-q}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Loads the model (about a second; the model is read from its jar). */
    public Embedder load() {
        return loader.apply(id);
    }

    /**
     * The model a setting names: its short name or its id, case-insensitive; blank or null is {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EmbeddingModel named(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (EmbeddingModel m : values()) {
            if (m.setting.equals(v) || m.id.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown embedding model '" + value.strip() + "'; expected one of "
                + Arrays.stream(values()).map(EmbeddingModel::setting).collect(Collectors.joining(", ")));
    }

    /**
     * The model a setting names for search: as {@link #named}, and one that serves search.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EmbeddingModel namedForSearch(String value) {
        EmbeddingModel model = named(value);
        if (!model.searches) {
            throw new IllegalArgumentException("embedding model '" + value.strip() + "' does not serve search; expected one of "
                    + forSearch().stream().map(EmbeddingModel::setting).collect(Collectors.joining(", ")));
        }
        return model;
    }

    /**
     * Reads a content file's {@code models:} node, one entry per model by its setting name, with {@code read}; every
     * model that serves search must be given, and no other ({@code what}: what the file gives each, for the problem).
     */
    public static <T> java.util.Map<EmbeddingModel, T> perModel(org.sga.core.yaml.LinedYaml models, String what,
                                                             java.util.function.Function<org.sga.core.yaml.LinedYaml, T> read) {
        if (!models.isPresent()) {
            throw models.problem("missing");
        }
        java.util.Map<EmbeddingModel, T> given = new java.util.EnumMap<>(EmbeddingModel.class);
        for (java.util.Map.Entry<String, org.sga.core.yaml.LinedYaml> e : models.entries().entrySet()) {
            EmbeddingModel model;
            try {
                model = namedForSearch(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw e.getValue().problem(unknown.getMessage());
            }
            given.put(model, read.apply(e.getValue()));
        }
        java.util.List<EmbeddingModel> missing = forSearch().stream().filter(m -> !given.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            throw models.problem("no " + what + " for " + String.join(", ", missing.stream().map(EmbeddingModel::setting).toList()));
        }
        return given;
    }
}
