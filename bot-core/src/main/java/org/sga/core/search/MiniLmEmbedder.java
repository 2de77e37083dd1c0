package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantised), run in-process with ONNX Runtime; the model is inside its Maven jar, so nothing is
 * downloaded at run time. Faster than e5-small-v2 (6 layers against 12) but answers worse (eval/DECISIONS.md,
 * decision 1); loading takes about a second.
 */
public final class MiniLmEmbedder implements Embedder {

    /** Names the model in cache file names, so a model change never reuses old vectors. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        float[] v = model.embed(text).content().vector();
        return Vectors.normalise(v);
    }
}
