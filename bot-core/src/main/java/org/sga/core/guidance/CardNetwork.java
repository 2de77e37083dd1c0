package org.sga.core.guidance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.sga.core.search.Embedder;

/**
 * How likely a message is about each guidance card, read by one small network learned from every labelled staff
 * message at once: one hidden layer of rectified units over the message's embedding, one output per card. Where
 * {@link SituationClassifier} draws one straight line through the embedding for a card, the hidden layer lets a card
 * be recognised by several combinations of meaning (a meeting arranged online, a man outside now). For each card a
 * message that needs it counts as about it, one that neither needs it nor may show it as not, and one that may show it
 * does not count. Learning is seeded and runs on one thread, so the same labelled messages always give the same
 * network.
 */
public final class CardNetwork {

    static final int HIDDEN = 128;
    /** Passes over the labelled messages, in batches; more barely changed the missed cards (decision 65). */
    static final int PASSES = 20;
    private static final int BATCH = 256;
    private static final float RATE = 1e-3f;
    private static final float DECAY = 1e-3f;
    private static final long SEED = 65;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    /** A label: the message needs the card. */
    public static final byte ABOUT = 1;
    /** A label: the message neither needs the card nor may show it. */
    public static final byte NOT_ABOUT = 0;
    /** A label: the message may show the card; it does not count for that card. */
    public static final byte NOT_COUNTED = -1;

    private final int dimensions;
    private final int hidden;
    private final int cards;
    private final float[] mean;
    private final float[] spread;
    private final float[] inner;
    private final float[] innerBias;
    private final float[] outer;
    private final float[] outerBias;

    private CardNetwork(int dimensions, int hidden, int cards, float[] mean, float[] spread, float[] inner, float[] innerBias,
                        float[] outer, float[] outerBias) {
        this.dimensions = dimensions;
        this.hidden = hidden;
        this.cards = cards;
        this.mean = mean;
        this.spread = spread;
        this.inner = inner;
        this.innerBias = innerBias;
        this.outer = outer;
        this.outerBias = outerBias;
    }

    /** The number of cards it reads, in the order of the labels it learned from. */
    public int cards() {
        return cards;
    }

    /**
     * Learns from {@code vectors} (one per message) and {@code labels} ({@code labels[m][c]}: {@link #ABOUT}, {@link
     * #NOT_ABOUT} or {@link #NOT_COUNTED} for message {@code m} and card {@code c}). Features are centred and scaled
     * first; each card's messages about it weigh as much as the square root of how many more are not, so a rare card
     * is not drowned. Adam steps over shuffled batches, with a small decay of the weights.
     */
    static CardNetwork train(List<float[]> vectors, byte[][] labels) {
        if (vectors.isEmpty() || vectors.size() != labels.length) {
            throw new IllegalArgumentException("a network needs one label row for each of at least one message");
        }
        int n = vectors.size();
        int d = vectors.getFirst().length;
        int k = labels[0].length;
        float[] mean = new float[d];
        float[] spread = new float[d];
        float[][] x = new float[n][];
        for (int m = 0; m < n; m++) {
            x[m] = vectors.get(m).clone();
            for (int i = 0; i < d; i++) {
                mean[i] += x[m][i] / n;
            }
        }
        for (float[] v : x) {
            for (int i = 0; i < d; i++) {
                spread[i] += (v[i] - mean[i]) * (v[i] - mean[i]) / n;
            }
        }
        for (int i = 0; i < d; i++) {
            spread[i] = (float) Math.sqrt(spread[i]) + 1e-6f;
        }
        for (float[] v : x) {
            for (int i = 0; i < d; i++) {
                v[i] = (v[i] - mean[i]) / spread[i];
            }
        }
        float[] aboutWeight = new float[k];
        for (int c = 0; c < k; c++) {
            int about = 0;
            int not = 0;
            for (byte[] row : labels) {
                about += row[c] == ABOUT ? 1 : 0;
                not += row[c] == NOT_ABOUT ? 1 : 0;
            }
            aboutWeight[c] = (float) Math.sqrt((double) not / Math.max(about, 1));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int h = HIDDEN;
        float[] inner = new float[d * h];
        float[] outer = new float[h * k];
        double innerScale = Math.sqrt(2.0 / d);
        double outerScale = Math.sqrt(1.0 / h);
        for (int i = 0; i < inner.length; i++) {
            inner[i] = (float) (random.nextGaussian() * innerScale);
        }
        for (int i = 0; i < outer.length; i++) {
            outer[i] = (float) (random.nextGaussian() * outerScale);
        }
        CardNetwork net = new CardNetwork(d, h, k, mean, spread, inner, new float[h], outer, new float[k]);
        net.learn(x, labels, aboutWeight, random);
        return net;
    }

    private void learn(float[][] x, byte[][] labels, float[] aboutWeight, SplittableRandom random) {
        int d = dimensions;
        int h = hidden;
        int k = cards;
        float[][] parameters = {inner, innerBias, outer, outerBias};
        float[][] gradients = new float[4][];
        float[][] first = new float[4][];
        float[][] second = new float[4][];
        for (int p = 0; p < 4; p++) {
            gradients[p] = new float[parameters[p].length];
            first[p] = new float[parameters[p].length];
            second[p] = new float[parameters[p].length];
        }
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] units = new float[h];
        float[] back = new float[h];
        float[] error = new float[k];
        int step = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(order.length, start + BATCH);
                for (float[] g : gradients) {
                    Arrays.fill(g, 0);
                }
                float share = 1f / (end - start);
                for (int b = start; b < end; b++) {
                    float[] v = x[order[b]];
                    byte[] label = labels[order[b]];
                    hiddenUnits(v, units);
                    for (int c = 0; c < k; c++) {
                        if (label[c] == NOT_COUNTED) {
                            error[c] = 0;
                            continue;
                        }
                        double s = outerBias[c];
                        for (int j = 0; j < h; j++) {
                            s += units[j] * outer[j * k + c];
                        }
                        float y = label[c] == ABOUT ? 1 : 0;
                        float weight = label[c] == ABOUT ? aboutWeight[c] : 1;
                        error[c] = (float) (sigmoid(s) - y) * weight * share;
                    }
                    for (int j = 0; j < h; j++) {
                        float sum = 0;
                        for (int c = 0; c < k; c++) {
                            gradients[2][j * k + c] += units[j] * error[c];
                            sum += error[c] * outer[j * k + c];
                        }
                        back[j] = units[j] > 0 ? sum : 0;
                    }
                    for (int c = 0; c < k; c++) {
                        gradients[3][c] += error[c];
                    }
                    float[] gInner = gradients[0];
                    for (int i = 0; i < d; i++) {
                        float xi = v[i];
                        int off = i * h;
                        for (int j = 0; j < h; j++) {
                            gInner[off + j] += xi * back[j];
                        }
                    }
                    for (int j = 0; j < h; j++) {
                        gradients[1][j] += back[j];
                    }
                }
                step++;
                float correct1 = (float) (1 - Math.pow(BETA1, step));
                float correct2 = (float) (1 - Math.pow(BETA2, step));
                for (int p = 0; p < 4; p++) {
                    float[] w = parameters[p];
                    float[] g = gradients[p];
                    float[] m1 = first[p];
                    float[] m2 = second[p];
                    boolean decays = p == 0 || p == 2;
                    for (int i = 0; i < w.length; i++) {
                        float gi = decays ? g[i] + DECAY * w[i] : g[i];
                        m1[i] = BETA1 * m1[i] + (1 - BETA1) * gi;
                        m2[i] = BETA2 * m2[i] + (1 - BETA2) * gi * gi;
                        w[i] -= (float) (RATE * (m1[i] / correct1) / (Math.sqrt(m2[i] / correct2) + 1e-8));
                    }
                }
            }
        }
    }

    /** The hidden layer's units for a centred and scaled vector. */
    private void hiddenUnits(float[] scaled, float[] units) {
        int h = hidden;
        System.arraycopy(innerBias, 0, units, 0, h);
        for (int i = 0; i < dimensions; i++) {
            float xi = scaled[i];
            int off = i * h;
            for (int j = 0; j < h; j++) {
                units[j] += xi * inner[off + j];
            }
        }
        for (int j = 0; j < h; j++) {
            units[j] = Math.max(units[j], 0);
        }
    }

    /** For each card, the log-odds that a message with this vector is about it. */
    public double[] logOdds(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("a vector of " + dimensions + " numbers expected, not " + vector.length);
        }
        float[] scaled = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            scaled[i] = (vector[i] - mean[i]) / spread[i];
        }
        float[] units = new float[hidden];
        hiddenUnits(scaled, units);
        double[] out = new double[cards];
        for (int c = 0; c < cards; c++) {
            double s = outerBias[c];
            for (int j = 0; j < hidden; j++) {
                s += units[j] * outer[j * cards + c];
            }
            out[c] = s;
        }
        return out;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /**
     * The network for these messages and labels, learned once: {@code embedder} keeps it with the content's vectors,
     * named by everything it is learned from (each message with its labels, and how it learns), so a changed card file
     * learns anew. {@code vectors} embeds the messages, and is called only when the network must be learned.
     */
    public static CardNetwork learned(Embedder embedder, List<String> messages, byte[][] labels,
                                      java.util.function.Supplier<List<float[]>> vectors) {
        String name = "card-network hidden=" + HIDDEN + " passes=" + PASSES + " batch=" + BATCH + " rate=" + RATE + " decay="
                + DECAY + " seed=" + SEED + " texts-sha256=" + digest(messages, labels);
        return fromNumbers(embedder.derived(name, () -> train(vectors.get(), labels).numbers()));
    }

    /** The SHA-256 of every message with its labels, in hex: what names a model learned from them in a cache. */
    static String digest(List<String> messages, byte[][] labels) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int m = 0; m < messages.size(); m++) {
            digest.update(("\n" + messages.get(m)).getBytes(StandardCharsets.UTF_8));
            digest.update(labels[m]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Its sizes, then the centring, scaling and weights, in one array, as a cache keeps vectors. */
    float[] numbers() {
        float[][] parts = {mean, spread, inner, innerBias, outer, outerBias};
        int length = 3;
        for (float[] p : parts) {
            length += p.length;
        }
        float[] out = new float[length];
        out[0] = dimensions;
        out[1] = hidden;
        out[2] = cards;
        int at = 3;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static CardNetwork fromNumbers(float[] numbers) {
        int d = (int) numbers[0];
        int h = (int) numbers[1];
        int k = (int) numbers[2];
        int[] sizes = {d, d, d * h, h, h * k, k};
        if (d < 1 || h < 1 || k < 1 || 3L + 2L * d + (long) d * h + h + (long) h * k + k != numbers.length) {
            throw new IllegalArgumentException("not the numbers of a card network");
        }
        float[][] parts = new float[sizes.length][];
        int at = 3;
        for (int p = 0; p < sizes.length; p++) {
            parts[p] = Arrays.copyOfRange(numbers, at, at + sizes[p]);
            at += sizes[p];
        }
        return new CardNetwork(d, h, k, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }
}
