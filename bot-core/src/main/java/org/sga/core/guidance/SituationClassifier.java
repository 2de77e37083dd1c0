package org.sga.core.guidance;

import java.util.List;

/**
 * How likely a message is about a situation (a guidance card, a child in danger now), learned from the content: a
 * logistic regression over sentence embeddings, trained on the situation's examples against the messages that are not
 * about it. Unlike the distance to the closest examples, it weighs what in a message's meaning tells the situation
 * apart, not how alike two messages are in length or style. Training is deterministic (full-batch gradient descent
 * from zero), so the same file always gives the same answers.
 */
public final class SituationClassifier {

    /** Passes over the training phrasings; the loss has flattened well before this on the shipped cards. */
    static final int PASSES = 400;
    private static final double STEP = 0.5;
    private static final double RIDGE = 0.01;

    private final float[] mean;
    private final float[] spread;
    private final double[] weights;

    private SituationClassifier(float[] mean, float[] spread, double[] weights) {
        this.mean = mean;
        this.spread = spread;
        this.weights = weights;
    }

    /**
     * Learns from vectors about the card ({@code about}) and vectors not about it ({@code notAbout}); each side weighs
     * the same in total, however many phrasings it has. Features are centred and scaled over both sides first: the
     * embeddings lie in a narrow cone, and unscaled the descent would barely move.
     */
    static SituationClassifier train(List<float[]> about, List<float[]> notAbout) {
        if (about.isEmpty() || notAbout.isEmpty()) {
            throw new IllegalArgumentException("a situation needs examples and messages that are not about it");
        }
        int dimensions = about.getFirst().length;
        int n = about.size() + notAbout.size();
        float[] mean = new float[dimensions];
        float[] spread = new float[dimensions];
        for (List<float[]> side : List.of(about, notAbout)) {
            for (float[] x : side) {
                for (int i = 0; i < dimensions; i++) {
                    mean[i] += x[i] / n;
                }
            }
        }
        for (List<float[]> side : List.of(about, notAbout)) {
            for (float[] x : side) {
                for (int i = 0; i < dimensions; i++) {
                    spread[i] += (x[i] - mean[i]) * (x[i] - mean[i]) / n;
                }
            }
        }
        for (int i = 0; i < dimensions; i++) {
            spread[i] = (float) Math.sqrt(spread[i]) + 1e-6f;
        }
        float[][] yes = scaled(about, mean, spread);
        float[][] no = scaled(notAbout, mean, spread);
        double[] w = new double[dimensions + 1];
        double[] gradient = new double[dimensions + 1];
        for (int pass = 0; pass < PASSES; pass++) {
            java.util.Arrays.fill(gradient, 0);
            accumulate(w, yes, 1.0, 1.0 / yes.length, gradient);
            accumulate(w, no, 0.0, 1.0 / no.length, gradient);
            for (int i = 0; i < dimensions; i++) {
                w[i] -= STEP * (gradient[i] + RIDGE * w[i]);
            }
            w[dimensions] -= STEP * gradient[dimensions];
        }
        return new SituationClassifier(mean, spread, w);
    }

    private static float[][] scaled(List<float[]> vectors, float[] mean, float[] spread) {
        float[][] out = new float[vectors.size()][];
        for (int v = 0; v < out.length; v++) {
            float[] x = vectors.get(v);
            float[] z = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                z[i] = (x[i] - mean[i]) / spread[i];
            }
            out[v] = z;
        }
        return out;
    }

    private static void accumulate(double[] w, float[][] xs, double label, double weight, double[] gradient) {
        int dimensions = w.length - 1;
        for (float[] x : xs) {
            double error = (sigmoid(score(w, x)) - label) * weight;
            for (int i = 0; i < dimensions; i++) {
                gradient[i] += error * x[i];
            }
            gradient[dimensions] += error;
        }
    }

    private static double score(double[] w, float[] z) {
        double s = w[w.length - 1];
        for (int i = 0; i < z.length; i++) {
            s += w[i] * z[i];
        }
        return s;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * The classifier for these phrasings (embedded), learned once: {@code embedder} keeps it with the content's vectors, named by
     * everything it is learned from (texts, sides and how it learns), so a changed card file learns anew.
     */
    public static SituationClassifier learned(org.sga.core.search.Embedder embedder, org.sga.core.search.Phrasings about,
                                  List<org.sga.core.search.Phrasings> notAbout) {
        // Decoded from half precision as training reads them, not copied first: training scales a copy of its own, and
        // a card's other side is nearly every labelled message.
        return fromNumbers(embedder.derived(name(about, notAbout),
                () -> train(about.vectors(), org.sga.core.search.Phrasings.vectors(notAbout)).numbers()));
    }

    /**
     * As {@link #learned}, from phrasings not embedded yet: they are embedded only when the classifier is not already
     * kept (a {@code CachedEmbedder} keeps their vectors as content then); the classifier holds none of them.
     */
    public static SituationClassifier learnedEmbedding(org.sga.core.search.Embedder embedder, org.sga.core.search.Phrasings about,
                                                       List<org.sga.core.search.Phrasings> notAbout) {
        return fromNumbers(embedder.derived(name(about, notAbout), () -> train(about.embedded(embedder).vectors(),
                org.sga.core.search.Phrasings.vectors(notAbout.stream().map(side -> side.embedded(embedder)).toList())).numbers()));
    }

    /** The name a classifier is kept by: everything it is learned from (texts, sides and how it learns). */
    private static String name(org.sga.core.search.Phrasings about, List<org.sga.core.search.Phrasings> notAbout) {
        // The texts are named by their digest, taken text by text: written out whole, the name of a card's classifier
        // (every labelled message) would be megabytes of heap while the bot starts.
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        about.texts().forEach(t -> digest.update(("\n+" + t).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        notAbout.forEach(side -> side.texts().forEach(t -> digest.update(("\n-" + t).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return "situation-classifier passes=" + PASSES + " step=" + STEP + " ridge=" + RIDGE + " texts-sha256="
                + java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** mean, spread and weights (with the bias last) in one array, as a cache keeps vectors. */
    private float[] numbers() {
        int d = mean.length;
        float[] out = new float[3 * d + 1];
        System.arraycopy(mean, 0, out, 0, d);
        System.arraycopy(spread, 0, out, d, d);
        for (int i = 0; i <= d; i++) {
            out[2 * d + i] = (float) weights[i];
        }
        return out;
    }

    private static SituationClassifier fromNumbers(float[] numbers) {
        int d = (numbers.length - 1) / 3;
        double[] w = new double[d + 1];
        for (int i = 0; i <= d; i++) {
            w[i] = numbers[2 * d + i];
        }
        return new SituationClassifier(java.util.Arrays.copyOfRange(numbers, 0, d), java.util.Arrays.copyOfRange(numbers, d, 2 * d), w);
    }

    /** The likelihood, between 0 and 1, that a message with this vector is about the situation. */
    public double probability(float[] vector) {
        double s = weights[weights.length - 1];
        for (int i = 0; i < vector.length; i++) {
            s += weights[i] * (vector[i] - mean[i]) / spread[i];
        }
        return sigmoid(s);
    }
}
