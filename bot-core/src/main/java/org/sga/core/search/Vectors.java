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

    /** As {@link #closeness(float[], float[][], int)}, with phrasings held in half precision ({@link #half}). */
    static double closeness(float[] q, short[][] phrases, int count) {
        Closest closest = new Closest(Math.min(count, phrases.length));
        for (short[] phrase : phrases) {
            closest.offer(dot(q, phrase));
        }
        return closest.mean();
    }

    /**
     * {@code v} in half precision (IEEE 754 binary16 bits), as the content's embeddings are held: half the heap of
     * floats, and a unit vector's similarities move by about 1e-5, far below any margin the bot decides by.
     */
    static short[] half(float[] v) {
        short[] out = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToFloat16(v[i]);
        }
        return out;
    }

    /** The floats of a vector held in half precision: exactly the values {@link #half} kept. */
    static float[] floats(short[] h) {
        float[] out = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            out[i] = Float.float16ToFloat(h[i]);
        }
        return out;
    }

    /**
     * The similarity of a question and a phrasing held in half precision, decoded element by element and summed four
     * ways at once (independent sums the processor can overlap); both are of the same length.
     */
    static double dot(float[] q, short[] h) {
        int n = q.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += q[i] * Float.float16ToFloat(h[i]);
            s1 += q[i + 1] * Float.float16ToFloat(h[i + 1]);
            s2 += q[i + 2] * Float.float16ToFloat(h[i + 2]);
            s3 += q[i + 3] * Float.float16ToFloat(h[i + 3]);
        }
        for (; i < n; i++) {
            s0 += q[i] * Float.float16ToFloat(h[i]);
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /**
     * Whether {@code v} is of unit length, as an embedding is (the model's vectors are normalised); numbers learned
     * from embeddings, such as a classifier's, are not.
     */
    static boolean isUnitLength(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        return Math.abs(norm - 1) < 1e-3;
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
