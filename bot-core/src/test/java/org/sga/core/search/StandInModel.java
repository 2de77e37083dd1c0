package org.sga.core.search;

import java.util.Random;

/** A stand-in for an embedding model in tests: random unit vectors in float32, as sentence embeddings are. */
final class StandInModel {

    /** Each text's vector is drawn from the text, so the same text always has the same vector. */
    static final Embedder EMBEDDER = text -> unit(new Random(text.hashCode()), 384);

    private StandInModel() {
    }

    /** A random unit vector: its elements mostly a few hundredths, as an embedding's are. */
    static float[] unit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalise(v);
    }
}
