package org.sga.core.search;

import java.util.Objects;

/**
 * How a {@link SectionIndex} ranks and decides: lexical only (no embedder: BM25 ranks and coverage decides), or hybrid
 * (BM25 fused with the embedder's similarity, with the model's weights and the topics the procedures don't cover).
 *
 * @param embedder   null for lexical search
 * @param weights    the ranking weight and the answer-or-decline thresholds
 * @param notCovered topics a question is declined for; only used with an embedder
 */
public record SearchOptions(Embedder embedder, HybridWeights weights, NotCovered notCovered) {

    public SearchOptions {
        Objects.requireNonNull(weights, "weights");
        notCovered = embedder == null || notCovered == null ? NotCovered.none() : notCovered;
    }

    /** BM25 with synonyms and alternates; the decision rests on coverage. */
    public static SearchOptions lexical(Confidence confidence) {
        return new SearchOptions(null, new HybridWeights(0, 0, confidence), NotCovered.none());
    }

    /** BM25 fused with the embedder's similarity, which also carries the decision. */
    public static SearchOptions hybrid(Embedder embedder, HybridWeights weights, NotCovered notCovered) {
        return new SearchOptions(Objects.requireNonNull(embedder, "embedder"), weights, notCovered);
    }
}
