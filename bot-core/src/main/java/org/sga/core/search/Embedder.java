package org.sga.core.search;

/**
 * Turns text into a unit-length vector whose dot product with another measures closeness of meaning. Models that are
 * trained with instructions (e5: "query: ", "passage: ") are told what kind of text they are given. Called from
 * several threads at once: content is embedded on every core.
 */
@FunctionalInterface
public interface Embedder {

    /** A question as asked. */
    float[] embed(String text);

    /**
     * Procedure content that is phrased like a question: alternate phrasings, phrasings of topics not covered.
     * Separate from {@link #embed} so that content, which is public, may be cached on disk while questions, which
     * may hold personal details, never are.
     */
    default float[] embedContent(String text) {
        return embed(text);
    }

    /**
     * {@link #embedContent} in half precision (IEEE 754 binary16 bits, see {@link Float#float16ToFloat}), as the
     * content's many example phrasings are held for as long as the bot runs. An embedder that holds its vectors so
     * ({@link CachedEmbedder}) gives its own array, not a copy: the caller must not change it.
     */
    default short[] embedContentHalf(String text) {
        return Vectors.half(embedContent(text));
    }

    /** A section of procedure text (heading and body); content too, so cacheable. */
    default float[] embedPassage(String text) {
        return embedContent(text);
    }

    /**
     * Numbers learned from content with this model's vectors (e.g. a guidance card's classifier), named by {@code key}
     * (which must change whenever what they are learned from changes); content too, so a cache keeps them.
     */
    default float[] derived(String key, java.util.function.Supplier<float[]> learn) {
        return learn.get();
    }
}
