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
        int k = Math.min(count, phrases.length);
        if (k == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] top = new double[k];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (float[] phrase : phrases) {
            double sim = dot(q, phrase);
            if (sim > top[k - 1]) {
                int i = k - 1;
                while (i > 0 && top[i - 1] < sim) {
                    top[i] = top[i - 1];
                    i--;
                }
                top[i] = sim;
            }
        }
        double sum = 0;
        for (double v : top) {
            sum += v;
        }
        return sum / k;
    }
}
