package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * e5-small-v2 (quantised), run in-process with ONNX Runtime like {@link MiniLmEmbedder}; the model is inside its
 * Maven jar. E5 was trained with prefixes: "passage: " for text to be found, "query: " for what finds it and for
 * either side of a comparison of like with like, so questions, alternate phrasings (written as staff ask) and
 * not-covered phrasings are queries and only section text is a passage.
 */
public final class E5SmallEmbedder implements Embedder {

    /** Names the model in cache file names and keys, so a model change never reuses old vectors. */
    public static final String MODEL_ID = "e5-small-v2-q";

    // The model's own class is only named to find its jar: creating it would load the model on the heap.
    private final OnnxEmbeddingModel model = OnnxModelFiles.load(E5SmallV2QuantizedEmbeddingModel.class,
            "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json");

    @Override
    public float[] embed(String text) {
        return vector("query: " + text);
    }

    @Override
    public float[] embedContent(String text) {
        return vector("query: " + text);
    }

    @Override
    public float[] embedPassage(String text) {
        return vector("passage: " + text);
    }

    private float[] vector(String text) {
        return Vectors.normalise(model.embed(text).content().vector());
    }
}
