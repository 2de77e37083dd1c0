package org.sga.core.search;

/** Small vector helpers; vectors are kept unit-length so cosine is a dot product. */
final class Vectors {

    private Vectors() {
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The mean similarity of the question's {@code count} closest phrasings; negative infinity when there are none. */
    static double closeness(float[] q, float[][] phrases, int count) {
        Closest closest = new Closest(Math.min(count, phrases.length));
        for (float[] phrase : phrases) {
            closest.offer(dot(q, phrase));
        }
        return closest.mean();
    }

    /** The {@code k} highest similarities offered, and their mean (negative infinity when {@code k} is 0). */
    static final class Closest {
        private final double[] top;

        Closest(int k) {
            top = new double[k];
            java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        }

        void offer(double similarity) {
            int k = top.length;
            if (k > 0 && similarity > top[k - 1]) {
                int i = k - 1;
                while (i > 0 && top[i - 1] < similarity) {
                    top[i] = top[i - 1];
                    i--;
                }
                top[i] = similarity;
            }
        }

        double mean() {
            if (top.length == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double sum = 0;
            for (double v : top) {
                sum += v;
            }
            return sum / top.length;
        }
    }
}
