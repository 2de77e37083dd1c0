package org.sga.core.search;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.sga.core.yaml.LinedYaml;

/**
 * The search's tuned weights and thresholds, content data ({@code search/tuning.yml}) since they depend on the content
 * as much as on the model: for each embedding model its {@link HybridWeights}, and for search without embeddings the
 * coverage thresholds. Chosen by {@code ./sga tune} on the tuning sets, which prints its best setting in this format.
 */
public record SearchTuning(Map<EmbeddingModel, HybridWeights> models, Confidence lexical) {

    /** The file's name, as problems name it. */
    public static final String FILE = "tuning.yml";

    private static final Set<String> ROOT_KEYS = Set.of("models", "lexical");
    private static final Set<String> MODEL_KEYS = Set.of("lexical-weight", "not-covered-margin", "confidence");
    private static final Set<String> CONFIDENCE_KEYS = Set.of("coverage-floor", "strong-similarity", "min-similarity",
            "min-coverage", "min-coverage-one-word");
    private static final Set<String> LEXICAL_KEYS = Set.of("min-coverage", "min-coverage-one-word");

    public SearchTuning {
        models = Map.copyOf(models);
    }

    /** The weights chosen for a model. */
    public HybridWeights weights(EmbeddingModel model) {
        HybridWeights weights = models.get(model);
        if (weights == null) {
            throw new IllegalStateException(FILE + " has no weights for the embedding model " + model.setting());
        }
        return weights;
    }

    /** How an index searches with {@code embedder} (of {@code model}), or lexically when it is null. */
    public SearchOptions options(EmbeddingModel model, Embedder embedder, NotCovered notCovered) {
        return embedder == null ? SearchOptions.lexical(lexical) : SearchOptions.hybrid(embedder, weights(model), notCovered);
    }

    /** The tuning shipped with the content ({@code search/tuning.yml} on the class path). */
    public static SearchTuning shipped() {
        var in = SearchTuning.class.getClassLoader().getResourceAsStream("search/" + FILE);
        if (in == null) {
            throw new IllegalStateException("classpath:search/" + FILE + " is missing");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), FILE);
    }

    /**
     * Reads {@code models: {MODEL: {lexical-weight, not-covered-margin, confidence: {...}}}, lexical: {...}}; every
     * model the bot can use must be given. A bad value is a problem naming {@code source}, the line and the key.
     */
    public static SearchTuning parse(Reader reader, String source) {
        LinedYaml root = LinedYaml.parse(reader, source).allowOnly(ROOT_KEYS);
        Map<EmbeddingModel, HybridWeights> models = EmbeddingModel.perModel(root.get("models"), "weights", node -> {
            LinedYaml m = node.allowOnly(MODEL_KEYS);
            return new HybridWeights(m.get("lexical-weight").number(0, 10), m.get("not-covered-margin").number(-1, 1),
                    confidence(m.get("confidence")));
        });
        LinedYaml lexical = root.get("lexical");
        if (!lexical.isPresent()) {
            throw lexical.problem("missing");
        }
        lexical.allowOnly(LEXICAL_KEYS);
        return new SearchTuning(models, Confidence.coverageOnly(lexical.get("min-coverage").number(0, 1),
                lexical.get("min-coverage-one-word").number(0, 1)));
    }

    private static Confidence confidence(LinedYaml node) {
        if (!node.isPresent()) {
            throw node.problem("missing");
        }
        node.allowOnly(CONFIDENCE_KEYS);
        // A strong similarity above 1 (any cosine is at most 1) means never on similarity alone.
        return new Confidence(node.get("coverage-floor").number(0, 1), node.get("strong-similarity").number(-1, 2),
                node.get("min-similarity").number(-1, 2), node.get("min-coverage").number(0, 1),
                node.get("min-coverage-one-word").number(0, 1));
    }

    public static String format(EmbeddingModel model, HybridWeights w) {
        Confidence c = w.confidence();
        return String.format(java.util.Locale.ROOT, """
                  %s:
                    lexical-weight: %s
                    not-covered-margin: %s
                    confidence:
                      coverage-floor: %s
                      strong-similarity: %s
                      min-similarity: %s
                      min-coverage: %s
                      min-coverage-one-word: %s
                """, model.setting(), n(w.lexicalWeight()), n(w.notCoveredMargin()), n(c.coverageFloor()), n(c.strongSimilarity()),
                n(c.minSimilarity()), n(c.minCoverage()), n(c.minCoverageOneWord()));
    }

    private static String n(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
