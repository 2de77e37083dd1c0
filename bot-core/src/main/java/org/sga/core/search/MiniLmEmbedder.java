package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantised), run in-process with ONNX Runtime; the model is inside its Maven jar, so nothing is
 * downloaded at run time. Faster than e5-small-v2 (6 layers against 12) but answers worse (eval/DECISIONS.md,
 * decision 1); loading takes about a second.
 */
public final class MiniLmEmbedder implements Embedder {

    /** Names the model in cache file names, so a model change never reuses old vectors. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";

    // The model's own class is only named to find its jar: creating it would load the model on the heap.
    private final OnnxEmbeddingModel model = OnnxModelFiles.load(AllMiniLmL6V2QuantizedEmbeddingModel.class,
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json");

    @Override
    public float[] embed(String text) {
        float[] v = model.embed(text).content().vector();
        return Vectors.normalise(v);
    }
}
