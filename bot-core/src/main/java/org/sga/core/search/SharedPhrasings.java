package org.sga.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several sets of embedded phrasings that mostly hold the same messages (each guidance card learns from nearly every
 * labelled staff message, on one side or the other), and how close a message is to each set, as
 * {@link Phrasings#closeness} measures it. Each distinct vector is held once and compared with a message once, so
 * asking about all the sets costs about as much as asking about the largest.
 */
public final class SharedPhrasings {

    /**
     * The distinct vectors in half precision, each the array the embedder gave (the cache holds them already: copying
     * 24,000 of them end to end would cost the heap about 18 MB for a few per cent of speed).
     */
    private final short[][] vectors;
    private final int dimensions;
    private final int[][] sets;

    private SharedPhrasings(List<short[]> vectors, int[][] sets) {
        this.dimensions = vectors.isEmpty() ? 0 : vectors.getFirst().length;
        for (short[] vector : vectors) {
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("phrasings embedded by different models");
            }
        }
        this.vectors = vectors.toArray(short[][]::new);
        this.sets = sets;
    }

    /** Each set is all its embedded phrasings together; a phrasing given twice in one set counts twice, as in {@link Phrasings}. */
    public static SharedPhrasings of(List<List<Phrasings>> sets) {
        Map<Key, Integer> index = new HashMap<>();
        List<short[]> vectors = new ArrayList<>();
        int[][] members = new int[sets.size()][];
        for (int s = 0; s < sets.size(); s++) {
            List<Integer> own = new ArrayList<>();
            for (Phrasings phrasings : sets.get(s)) {
                for (short[] vector : phrasings.halves()) {
                    own.add(index.computeIfAbsent(new Key(vector), k -> {
                        vectors.add(vector);
                        return vectors.size() - 1;
                    }));
                }
            }
            members[s] = own.stream().mapToInt(Integer::intValue).toArray();
        }
        return new SharedPhrasings(vectors, members);
    }

    /**
     * For each set whose {@code wanted} is true, the mean similarity of its {@code k} phrasings closest to
     * {@code question}; negative infinity for the others and for an empty set.
     */
    public double[] closeness(float[] question, int k, boolean[] wanted) {
        return compare(question, k, wanted).closeness();
    }

    /**
     * How close {@code question} is to each set whose {@code wanted} is true (as {@link #closeness}), and its similarity
     * to each distinct phrasing of those sets ({@link #members}; NaN for the others): each compared once.
     */
    public Compared compare(float[] question, int k, boolean[] wanted) {
        if (wanted.length != sets.length) {
            throw new IllegalArgumentException(wanted.length + " sets asked for, " + sets.length + " held");
        }
        if (dimensions > 0 && question.length != dimensions) {
            throw new IllegalArgumentException("a vector of " + question.length + " dimensions against " + dimensions);
        }
        int count = vectors.length;
        double[] similarity = new double[count];
        Arrays.fill(similarity, Double.NaN);
        double[] closeness = new double[sets.length];
        Arrays.fill(closeness, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < sets.length; s++) {
            if (!wanted[s] || sets[s].length == 0) {
                continue;
            }
            Vectors.Closest closest = new Vectors.Closest(Math.min(k, sets[s].length));
            for (int v : sets[s]) {
                if (Double.isNaN(similarity[v])) {
                    similarity[v] = Vectors.dot(question, vectors[v]);
                }
                closest.offer(similarity[v]);
            }
            closeness[s] = closest.mean();
        }
        return new Compared(closeness, similarity);
    }

    /** Closeness to each set, and similarity to each distinct phrasing (NaN: not compared). */
    public record Compared(double[] closeness, double[] similarity) {
    }

    /** The distinct phrasings of set {@code set}, in its order, as indices of {@link Compared#similarity}. */
    public int[] members(int set) {
        return sets[set].clone();
    }

    /** A vector compared by its values: the same phrasing embedded twice is one phrasing. */
    private record Key(short[] vector) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(vector, other.vector);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(vector);
        }

        @Override
        public String toString() {
            return "Key[" + vector.length + " dimensions]";
        }
    }
}
