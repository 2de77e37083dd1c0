package org.sga.core.guidance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.sga.core.search.Embedder;

/**
 * How likely a message is about each of a few labels (each guidance card, or a child in danger now), read from its
 * wording rather than its meaning: its single words and pairs of neighbouring words, each known when at least two of
 * the labelled messages use it, weighed by one logistic regression for each label. The sentence embeddings read
 * "screenshot it" and "send it" close together; the words tell them apart. Each message counts, for each label, as about
 * it ({@link CardNetwork#ABOUT}), as not ({@link CardNetwork#NOT_ABOUT}) or not at all; a label's messages about it
 * weigh as much as the square root of how many more are not. Each message's words count once, scaled to unit length.
 * The weights are the one best fit (a small penalty on their squares makes it unique), found by limited-memory BFGS,
 * so the same labelled messages always give the same weights.
 */
public final class Wording {

    /** The penalty on the squared weights, for each counted message (decision 91). */
    static final double PENALTY = 1e-6;
    /** A word or pair of words is known when at least this many labelled messages use it. */
    static final int MIN_MESSAGES = 2;
    /** Learning stops when no part of the slope is steeper than this. */
    private static final double FLAT = 1e-9;
    private static final int MAX_STEPS = 3_000;
    private static final int MEMORY = 10;
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?");

    /** The hashes of the words and pairs it knows, ascending; a gram's place here is its column. */
    private final long[] grams;
    private final int cards;
    /** Weights by column, then card: {@code weights[column * cards + card]}. */
    private final float[] weights;
    private final float[] bias;

    private Wording(long[] grams, int cards, float[] weights, float[] bias) {
        this.grams = grams;
        this.cards = cards;
        this.weights = weights;
        this.bias = bias;
    }

    /** The number of labels it reads (cards, for the guidance cards), in the order of the labels it learned from. */
    public int cards() {
        return cards;
    }

    /**
     * The words of {@code text} and their neighbouring pairs, each once: lower case, letters and digits, with an
     * apostrophe's ending kept on its word ("don't", "she's"); curly apostrophes read as straight ones.
     */
    static Set<String> grams(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        Set<String> out = new LinkedHashSet<>(words);
        for (int i = 1; i < words.size(); i++) {
            out.add(words.get(i - 1) + " " + words.get(i));
        }
        return out;
    }

    /** A 64-bit FNV-1a hash of the gram's UTF-8 bytes: how a gram is known without holding its text. */
    static long hash(String gram) {
        long h = 0xcbf29ce484222325L;
        for (byte b : gram.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * The grams that at least {@link #MIN_MESSAGES} of {@code messages} use, as ascending hashes: every message's grams
     * hashed into one sorted array and counted in runs, which takes far less memory than a map of counts.
     */
    static long[] vocabulary(List<String> messages) {
        // Counted first, so the one array is made at its size: the bot reads a wording for the cards and one for the
        // danger check at start-up, side by side, in the deployed heap.
        int size = 0;
        for (String message : messages) {
            size += grams(message).size();
        }
        long[] all = new long[size];
        int n = 0;
        for (String message : messages) {
            for (String gram : grams(message)) {
                all[n++] = hash(gram);
            }
        }
        Arrays.sort(all);
        // The known hashes are written over the sorted ones in place: each run's first place is never behind the
        // place it is written to.
        int k = 0;
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && all[end] == all[start]) {
                end++;
            }
            if (end - start >= MIN_MESSAGES) {
                all[k++] = all[start];
            }
        }
        return Arrays.copyOf(all, k);
    }

    /** The columns of the known grams of {@code text}, ascending, each once. */
    private static int[] columns(long[] grams, String text) {
        return grams(text).stream().mapToInt(g -> Arrays.binarySearch(grams, hash(g))).filter(c -> c >= 0).sorted().distinct()
                .toArray();
    }

    /** For each label, the log-odds that a message with this wording is about it (the bias alone when no word is known). */
    public double[] logOdds(String text) {
        int[] known = columns(grams, text);
        double scale = known.length == 0 ? 0 : 1 / Math.sqrt(known.length);
        double[] out = new double[cards];
        for (int c = 0; c < cards; c++) {
            double s = 0;
            for (int j : known) {
                s += weights[j * cards + c];
            }
            out[c] = bias[c] + scale * s;
        }
        return out;
    }

    /**
     * Learns from {@code messages} and {@code labels} ({@code labels[m][c]}: {@link CardNetwork#ABOUT}, {@link
     * CardNetwork#NOT_ABOUT} or {@link CardNetwork#NOT_COUNTED} for message {@code m} and card {@code c}); each card is
     * learned on its own, side by side.
     */
    static Wording train(List<String> messages, byte[][] labels) {
        if (messages.isEmpty() || messages.size() != labels.length) {
            throw new IllegalArgumentException("a wording needs one label row for each of at least one message");
        }
        long[] grams = vocabulary(messages);
        int[][] rows = messages.stream().map(m -> columns(grams, m)).toArray(int[][]::new);
        int k = labels[0].length;
        double[][] fitted = IntStream.range(0, k).parallel().mapToObj(c -> fit(rows, labels, c, grams.length)).toArray(double[][]::new);
        float[] weights = new float[grams.length * k];
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < grams.length; j++) {
                weights[j * k + c] = (float) fitted[c][j];
            }
            bias[c] = (float) fitted[c][grams.length];
        }
        return new Wording(grams, k, weights, bias);
    }

    /** One card's weights, then its bias: the best fit of its weighted logistic loss with {@link #PENALTY}. */
    private static double[] fit(int[][] rows, byte[][] labels, int card, int columns) {
        List<Integer> counted = new ArrayList<>();
        int about = 0;
        int not = 0;
        for (int m = 0; m < rows.length; m++) {
            byte label = labels[m][card];
            if (label != CardNetwork.NOT_COUNTED) {
                counted.add(m);
                about += label == CardNetwork.ABOUT ? 1 : 0;
                not += label == CardNetwork.NOT_ABOUT ? 1 : 0;
            }
        }
        double aboutWeight = Math.sqrt((double) not / Math.max(about, 1));
        int n = counted.size();
        int[][] x = new int[n][];
        double[] scale = new double[n];
        double[] y = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int m = counted.get(i);
            x[i] = rows[m];
            scale[i] = x[i].length == 0 ? 0 : 1 / Math.sqrt(x[i].length);
            y[i] = labels[m][card] == CardNetwork.ABOUT ? 1 : 0;
            weight[i] = labels[m][card] == CardNetwork.ABOUT ? aboutWeight : 1;
        }
        Loss loss = w -> {
            double[] g = new double[columns + 1];
            double f = 0;
            for (int i = 0; i < n; i++) {
                double z = w[columns];
                for (int j : x[i]) {
                    z += scale[i] * w[j];
                }
                // log(1 + e^z) - y z, computed without overflow.
                f += weight[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
                double r = weight[i] * (1 / (1 + Math.exp(-z)) - y[i]) / n;
                for (int j : x[i]) {
                    g[j] += scale[i] * r;
                }
                g[columns] += r;
            }
            f /= n;
            for (int j = 0; j < columns; j++) {
                f += 0.5 * PENALTY * w[j] * w[j];
                g[j] += PENALTY * w[j];
            }
            return new double[][] {{f}, g};
        };
        return minimise(loss, new double[columns + 1]);
    }

    /** A smooth convex function: its value (alone in the first array) and its slope at {@code w}. */
    private interface Loss {
        double[][] at(double[] w);
    }

    /** Limited-memory BFGS with a backtracking line search, until the slope is flat ({@link #FLAT}). */
    private static double[] minimise(Loss loss, double[] start) {
        int d = start.length;
        double[] w = start.clone();
        double[][] at = loss.at(w);
        double f = at[0][0];
        double[] g = at[1];
        double[][] steps = new double[MEMORY][];
        double[][] turns = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        for (int iteration = 0; iteration < MAX_STEPS && maxAbs(g) > FLAT; iteration++) {
            // The direction: the slope, turned by the curvature the last steps met (two-loop recursion).
            double[] q = g.clone();
            double[] alpha = new double[MEMORY];
            for (int i = stored - 1; i >= 0; i--) {
                alpha[i] = rho[i] * dot(steps[i], q);
                axpy(-alpha[i], turns[i], q);
            }
            double gamma = stored == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : dot(steps[stored - 1], turns[stored - 1])
                    / dot(turns[stored - 1], turns[stored - 1]);
            for (int i = 0; i < d; i++) {
                q[i] *= gamma;
            }
            for (int i = 0; i < stored; i++) {
                double beta = rho[i] * dot(turns[i], q);
                axpy(alpha[i] - beta, steps[i], q);
            }
            double slope = -dot(g, q);
            if (slope >= 0) {
                // Not a way down (rounding): start the memory again from the slope itself.
                stored = 0;
                q = g.clone();
                slope = -dot(g, q);
            }
            double step = 1;
            double[] next = new double[d];
            double[][] nextAt;
            while (true) {
                for (int i = 0; i < d; i++) {
                    next[i] = w[i] - step * q[i];
                }
                nextAt = loss.at(next);
                if (nextAt[0][0] <= f + 1e-4 * step * slope || step < 1e-20) {
                    break;
                }
                step /= 2;
            }
            double[] s = new double[d];
            double[] t = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = next[i] - w[i];
                t[i] = nextAt[1][i] - g[i];
            }
            double curvature = dot(s, t);
            if (curvature > 1e-20) {
                if (stored == MEMORY) {
                    System.arraycopy(steps, 1, steps, 0, MEMORY - 1);
                    System.arraycopy(turns, 1, turns, 0, MEMORY - 1);
                    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
                    stored--;
                }
                steps[stored] = s;
                turns[stored] = t;
                rho[stored] = 1 / curvature;
                stored++;
            }
            boolean moved = nextAt[0][0] < f;
            w = next;
            f = nextAt[0][0];
            g = nextAt[1];
            if (!moved) {
                break;
            }
        }
        return w;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * The cards' wording for these messages and labels, learned once: {@code embedder} keeps its weights with the
     * content's vectors, named by everything it is learned from, so a changed card file learns anew. The words it knows
     * are found again from the messages, which is quick; only the weights are kept.
     */
    public static Wording learned(Embedder embedder, List<String> messages, byte[][] labels) {
        return learned(embedder, "card-words", messages, labels);
    }

    /**
     * As {@link #learned(Embedder, List, byte[][])}, kept under a name that starts with {@code what} (what the labels
     * are), so two wordings learned from different labels never share their weights.
     */
    public static Wording learned(Embedder embedder, String what, List<String> messages, byte[][] labels) {
        String name = what + " penalty=" + PENALTY + " min-messages=" + MIN_MESSAGES + " flat=" + FLAT + " texts-sha256="
                + CardNetwork.digest(messages, labels);
        long[] grams = vocabulary(messages);
        float[] numbers = embedder.derived(name, () -> train(messages, labels).numbers());
        return fromNumbers(grams, numbers);
    }

    /**
     * One label learned once, as {@link #learned(Embedder, String, List, byte[][])}: the messages of {@code about} are
     * about it, those of {@code not} are not (a message on both sides counts as about it, once).
     */
    public static Wording learned(Embedder embedder, String what, List<String> about, List<String> not) {
        Set<String> aboutSet = new LinkedHashSet<>(about);
        Set<String> all = new LinkedHashSet<>(aboutSet);
        all.addAll(not);
        List<String> messages = List.copyOf(all);
        byte[][] labels = new byte[messages.size()][];
        for (int m = 0; m < labels.length; m++) {
            labels[m] = new byte[] {aboutSet.contains(messages.get(m)) ? CardNetwork.ABOUT : CardNetwork.NOT_ABOUT};
        }
        return learned(embedder, what, messages, labels);
    }

    /** The number of cards, then the weights and the biases, in one array, as a cache keeps vectors. */
    float[] numbers() {
        float[] out = new float[1 + weights.length + bias.length];
        out[0] = cards;
        System.arraycopy(weights, 0, out, 1, weights.length);
        System.arraycopy(bias, 0, out, 1 + weights.length, bias.length);
        return out;
    }

    static Wording fromNumbers(long[] grams, float[] numbers) {
        int k = numbers.length == 0 ? 0 : (int) numbers[0];
        if (k < 1 || 1L + (long) grams.length * k + k != numbers.length) {
            throw new IllegalArgumentException("not the numbers of a wording over " + grams.length + " words");
        }
        return new Wording(grams, k, Arrays.copyOfRange(numbers, 1, 1 + grams.length * k),
                Arrays.copyOfRange(numbers, 1 + grams.length * k, numbers.length));
    }
}
