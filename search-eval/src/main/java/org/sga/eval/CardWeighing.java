package org.sga.eval;

import java.util.List;
import org.sga.core.guidance.CardReading;
import org.sga.core.guidance.MeaningMargins;

/**
 * Learns one card's weights ({@link MeaningMargins.CardWeights}) from readings of messages it did not learn from: a
 * logistic regression of whether the message needs the card on its readings ({@link CardReading#features}), then the
 * bias moved so that the card is missed as rarely as it can be while it is spurious in no more cases than with the
 * shipped margins. Readings a pattern or a danger situation already decides are left out of both.
 */
final class CardWeighing {

    /** The penalty on the weights (not the bias), so that a reading seldom seen is not given a weight it cannot bear. */
    static final double PENALTY = 1.0;
    private static final int MAX_STEPS = 100;

    /** One message's reading of the card and what its set says of the card. */
    record Row(CardReading reading, boolean needed, boolean allowed) {

        boolean decided() {
            return reading.matched() || reading.brought();
        }

        boolean spuriousIfShown() {
            return !needed && !allowed;
        }
    }

    private CardWeighing() {
    }

    /**
     * The weights learned from {@code rows}, with the bias chosen so that the card is spurious in at most
     * {@code spuriousAllowed} of them (counting those a pattern or danger situation brings), missing as few as that allows.
     */
    static MeaningMargins.CardWeights learn(List<Row> rows, int spuriousAllowed) {
        List<Row> open = rows.stream().filter(r -> !r.decided()).toList();
        double[] w = fit(open);
        int alwaysSpurious = (int) rows.stream().filter(r -> r.decided() && r.spuriousIfShown()).count();
        int room = spuriousAllowed - alwaysSpurious;
        double[] scores = open.stream().mapToDouble(r -> score(w, r)).sorted().toArray();
        double[] spurious = open.stream().filter(Row::spuriousIfShown).mapToDouble(r -> score(w, r)).sorted().toArray();
        double threshold;
        if (spurious.length == 0 || room >= spurious.length) {
            // Every message may show the card.
            threshold = scores.length == 0 ? 0 : scores[0] - 1;
        } else {
            // The bias lets exactly `room` of the spurious rows through: the line lies halfway between the highest
            // spurious score kept out and the next score above it, so that rounding the weights does not move it.
            double kept = spurious[spurious.length - 1 - Math.max(room, 0)];
            double next = java.util.Arrays.stream(scores).filter(v -> v > kept).min().orElse(kept + 2);
            threshold = (kept + next) / 2;
        }
        w[w.length - 1] -= threshold;
        return MeaningMargins.CardWeights.of(w);
    }

    /** A score above 0 shows the card; before the bias is moved, the log-odds that the message needs it. */
    static double score(double[] w, Row r) {
        double[] x = r.reading().features();
        double s = w[w.length - 1];
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** Penalised logistic regression by Newton's method: the weights of the features, then the bias. */
    static double[] fit(List<Row> rows) {
        int n = MeaningMargins.CardWeights.KEYS.size();
        double[] w = new double[n];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[][] h = new double[n][n];
            double[] g = new double[n];
            for (Row r : rows) {
                double[] x = withBias(r.reading().features());
                double p = 1 / (1 + Math.exp(-dot(w, x)));
                double y = r.needed() ? 1 : 0;
                double v = p * (1 - p);
                for (int i = 0; i < n; i++) {
                    g[i] += (p - y) * x[i];
                    for (int j = 0; j < n; j++) {
                        h[i][j] += v * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < n - 1; i++) {
                g[i] += PENALTY * w[i];
                h[i][i] += PENALTY;
            }
            double[] d = solve(h, g);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                w[i] -= d[i];
                largest = Math.max(largest, Math.abs(d[i]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return w;
    }

    private static double[] withBias(double[] x) {
        double[] out = java.util.Arrays.copyOf(x, x.length + 1);
        out[x.length] = 1;
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is positive definite here). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double ty = y[col];
            y[col] = y[pivot];
            y[pivot] = ty;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
                y[r] -= f * y[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = y[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
