package org.sga.core.search;

import java.util.List;

/**
 * Example phrasings of one thing (a situation, a guidance card, a kind of concern) and how close a message is to them
 * in meaning: the mean cosine similarity of its {@code k} closest phrasings, as {@link NotCovered} topics are judged.
 * Without an embedder they are only text. The vectors are held in half precision ({@link Embedder#embedContentHalf}):
 * the content has tens of thousands of phrasings, held for as long as the bot runs.
 */
public final class Phrasings {

    private final List<String> texts;
    private final short[][] vectors;

    private Phrasings(List<String> texts, short[][] vectors) {
        this.texts = List.copyOf(texts);
        this.vectors = vectors;
    }

    public static Phrasings of(List<String> texts) {
        return new Phrasings(texts, null);
    }

    public List<String> texts() {
        return texts;
    }

    /**
     * The same phrasings with their vectors; phrasings are content, so a {@link CachedEmbedder} keeps them on disk.
     * Many phrasings are embedded on every core at once: a model reads one short text on about one core, so the tens of
     * thousands of a new content are embedded in about half the time on two cores. A few (the sentences of a section
     * being quoted) are embedded in turn, on the thread that asks.
     */
    public Phrasings embedded(Embedder embedder) {
        java.util.stream.Stream<String> each = texts.size() >= IN_PARALLEL_FROM ? texts.parallelStream() : texts.stream();
        return new Phrasings(texts, each.map(embedder::embedContentHalf).toArray(short[][]::new));
    }

    /** From how many phrasings they are embedded on every core at once. */
    static final int IN_PARALLEL_FROM = 64;

    /** The vectors, in the order of {@link #texts()} (read only), each decoded from half precision when it is read. */
    public List<float[]> vectors() {
        return decoded(halves());
    }

    /** The vectors of several phrasings, one after another, as {@link #vectors()} gives them (read only). */
    public static List<float[]> vectors(List<Phrasings> all) {
        List<short[]> joined = new java.util.ArrayList<>();
        all.forEach(phrasings -> joined.addAll(phrasings.halves()));
        return decoded(joined);
    }

    private static List<float[]> decoded(List<short[]> halves) {
        return new java.util.AbstractList<>() {
            @Override
            public float[] get(int index) {
                return Vectors.floats(halves.get(index));
            }

            @Override
            public int size() {
                return halves.size();
            }
        };
    }

    /** The vectors as held, in half precision, in the order of {@link #texts()}: arrays not to be changed. */
    List<short[]> halves() {
        if (vectors == null) {
            throw new IllegalStateException("phrasings not embedded");
        }
        return java.util.Arrays.asList(vectors);
    }

    /** The mean similarity of the {@code k} phrasings closest to {@code question}; minus infinity when there are none. */
    public double closeness(float[] question, int k) {
        if (vectors == null) {
            throw new IllegalStateException("phrasings not embedded");
        }
        return Vectors.closeness(question, vectors, k);
    }

    /** The index of the phrasing closest to {@code question}, or -1 when there are none. */
    public int closestTo(float[] question) {
        if (vectors == null) {
            throw new IllegalStateException("phrasings not embedded");
        }
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            double similarity = Vectors.dot(question, vectors[i]);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = i;
            }
        }
        return best;
    }

    /** The most sentences of a message read on their own (a longer message is read whole, and for these). */
    static final int MAX_SENTENCES = 12;

    /**
     * What of a message is read for a situation: the message whole and, when it has several, each of its sentences of
     * three words or more, since a long message may hold several situations and each may call for something.
     */
    public static List<String> units(String message) {
        List<String> units = new java.util.ArrayList<>();
        units.add(message);
        String[] parts = message.split("(?<=[.!?;])\\s+|\\n+|\\s+-{1,2}\\s+");
        if (parts.length > 1) {
            for (String part : parts) {
                String sentence = part.strip();
                if (sentence.split("\\s+").length >= 3 && !units.contains(sentence) && units.size() <= MAX_SENTENCES) {
                    units.add(sentence);
                }
            }
        }
        return units;
    }

    /** A message as search embeds it (cleaned, cut to {@link SectionIndex#MAX_QUERY_CHARS}), so one vector serves both. */
    public static float[] question(Embedder embedder, String message) {
        return embedder.embed(QueryText.searched(message));
    }
}
