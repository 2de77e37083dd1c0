package org.sga.core.search;

/** Turns a sentence into a unit-length vector whose dot product with another measures closeness of meaning. */
@FunctionalInterface
public interface Embedder {

    float[] embed(String text);

    /**
     * Embeds procedure content (section text, alternate phrasings). Separate from {@link #embed} so that content,
     * which is public, may be cached on disk while questions, which may hold personal details, never are.
     */
    default float[] embedContent(String text) {
        return embed(text);
    }
}
