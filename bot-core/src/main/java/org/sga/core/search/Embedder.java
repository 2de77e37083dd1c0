package org.sga.core.search;

/** Turns a sentence into a unit-length vector whose dot product with another measures closeness of meaning. */
@FunctionalInterface
public interface Embedder {
    float[] embed(String text);
}
