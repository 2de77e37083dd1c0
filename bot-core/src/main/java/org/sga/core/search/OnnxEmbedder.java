package org.sga.core.search;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A quantised model shipped in its Maven jar, run in-process with ONNX Runtime, so nothing is downloaded at run time.
 * Models trained with prefixes (e5: "query: " for what finds text and for either side of a comparison of like with
 * like, "passage: " for text to be found) are given them: questions, alternate phrasings (written as staff ask) and
 * not-covered phrasings are queries, and only section text is a passage.
 */
record OnnxEmbedder(AbstractInProcessEmbeddingModel model, String queryPrefix, String passagePrefix) implements Embedder {

    /**
     * Loads {@code id}{@code .onnx} and its tokenizer, {@code id}{@code -tokenizer.json}, from the jar of {@code owner},
     * mean-pooled. The model's own class is only named to find its jar: creating it would load the model on the heap.
     */
    static OnnxEmbedder load(Class<?> owner, String id, String queryPrefix, String passagePrefix) {
        return load(owner, id, PoolingMode.MEAN, queryPrefix, passagePrefix);
    }

    /** As above, pooled as the model was trained to be ({@code pooling}: bge-small reads its first token, CLS). */
    static OnnxEmbedder load(Class<?> owner, String id, PoolingMode pooling, String queryPrefix, String passagePrefix) {
        return new OnnxEmbedder(OnnxModelFiles.load(owner, id + ".onnx", id + "-tokenizer.json", pooling), queryPrefix,
                passagePrefix);
    }

    @Override
    public float[] embed(String text) {
        return vector(queryPrefix + text);
    }

    @Override
    public float[] embedPassage(String text) {
        return vector(passagePrefix + text);
    }

    private float[] vector(String text) {
        return Vectors.normalise(model.embed(text).content().vector());
    }
}
