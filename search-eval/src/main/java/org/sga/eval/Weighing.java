package org.sga.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Learns weights for readings of messages a check did not learn from: a penalised logistic regression of whether a
 * message wants the check to fire (a card shown, the 999 line) on the reading's features, learned from the messages that
 * want it and those where it is unwanted (a message that only allows it counts for neither), then the bias moved so that
 * the check misses as few as it can while firing where it is unwanted in no more messages than allowed. Readings a
 * pattern already decides are left out of the learning and count as they are decided.
 */
final class Weighing {

    /** The penalty on the weights (not the bias), so that a reading seldom seen is not given a weight it cannot bear. */
    static final double PENALTY = 1.0;
    private static final int MAX_STEPS = 100;

    /**
     * One message's features, whether it wants the check to fire and whether firing is unwanted (a case may be
     * neither: a card it allows), and what a pattern decides ({@code null}: the weights decide).
     */
    record Row(double[] features, boolean wanted, boolean unwanted, Boolean decided) {
    }

    /**
     * How the regression reads the rows that neither want the check nor find it unwanted (a card a case allows): left
     * out, as the bias's choice ignores them (decisions 71 and 73), or read as not wanting it (as the cards' weights
     * were learned from decision 62 to 70; kept to compare with).
     */
    enum Neutral { LEFT_OUT, AS_UNWANTED }

    private Weighing() {
    }

    /**
     * The weights (those of the features, then the bias) learned from {@code rows}, with the bias chosen so that the
     * check fires where it is unwanted in at most {@code unwantedAllowed} of them (counting those a pattern decides),
     * missing as few as that allows.
     */
    static double[] learn(List<Row> rows, int unwantedAllowed) {
        return learn(rows, unwantedAllowed, Neutral.LEFT_OUT);
    }

    /** As {@link #learn(List, int)}, with the rows neither wanted nor unwanted read in the regression as {@code neutral} says. */
    static double[] learn(List<Row> rows, int unwantedAllowed, Neutral neutral) {
        List<Row> open = rows.stream().filter(r -> r.decided() == null).toList();
        double[] w = fit(neutral == Neutral.LEFT_OUT ? open.stream().filter(r -> r.wanted() || r.unwanted()).toList() : open);
        int alwaysUnwanted = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.decided()) && r.unwanted()).count();
        int room = unwantedAllowed - alwaysUnwanted;
        double[] scores = open.stream().mapToDouble(r -> score(w, r.features())).sorted().toArray();
        double[] unwanted = open.stream().filter(Row::unwanted).mapToDouble(r -> score(w, r.features())).sorted().toArray();
        double threshold;
        if (unwanted.length == 0 || room >= unwanted.length) {
            // It may fire for every message.
            threshold = scores.length == 0 ? 0 : scores[0] - 1;
        } else {
            // The bias lets exactly `room` of the unwanted rows through: the line lies halfway between the highest
            // unwanted score kept out and the next score above it, so that rounding the weights does not move it.
            double kept = unwanted[unwanted.length - 1 - Math.max(room, 0)];
            double next = Arrays.stream(scores).filter(v -> v > kept).min().orElse(kept + 2);
            threshold = (kept + next) / 2;
        }
        w[w.length - 1] -= threshold;
        return w;
    }

    /** The weighted sum with the bias (the last weight); before the bias is moved, the log-odds the message wants it. */
    static double score(double[] w, double[] x) {
        double s = w[w.length - 1];
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** Penalised logistic regression by Newton's method: the weights of the features, then the bias. */
    static double[] fit(List<Row> rows) {
        int n = rows.isEmpty() ? 1 : rows.getFirst().features().length + 1;
        double[] w = new double[n];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[][] h = new double[n][n];
            double[] g = new double[n];
            for (Row r : rows) {
                double[] x = Arrays.copyOf(r.features(), n);
                x[n - 1] = 1;
                double p = 1 / (1 + Math.exp(-score(w, r.features())));
                double y = r.wanted() ? 1 : 0;
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
            if (rows.isEmpty()) {
                break;
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
