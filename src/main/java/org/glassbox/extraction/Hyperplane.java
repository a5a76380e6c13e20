package org.glassbox.extraction;

/**
 * A neuron's boundary {x : w·x + b = 0} as far as a black box shows it: w of unit length, and the
 * sign fixed so that w's largest-magnitude entry is positive, because the boundaries of
 * ReLU(w·x + b) and ReLU(−w·x − b) are the same set.
 */
public record Hyperplane(double[] w, double b) {

    /** The canonical form of (w, b): scaled to unit ‖w‖, largest |w_j| positive. */
    public static Hyperplane of(double[] w, double b) {
        double norm = 0;
        int largest = 0;
        for (int j = 0; j < w.length; j++) {
            norm += w[j] * w[j];
            if (Math.abs(w[j]) > Math.abs(w[largest])) {
                largest = j;
            }
        }
        norm = Math.sqrt(norm);
        double s = (w[largest] >= 0 ? 1 : -1) / norm;
        double[] unit = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            unit[j] = w[j] * s;
        }
        return new Hyperplane(unit, b * s);
    }

    /** w·x + b: the signed distance of x from the plane. */
    public double value(double[] x) {
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    /** Whether the two are the same plane to within the given tolerance on w and b. */
    public boolean sameAs(Hyperplane other, double tolerance) {
        double dot = 0;
        for (int j = 0; j < w.length; j++) {
            dot += w[j] * other.w[j];
        }
        double s = dot >= 0 ? 1 : -1;
        return 1 - Math.abs(dot) < tolerance && Math.abs(b - s * other.b) < Math.sqrt(tolerance) * (1 + Math.abs(b));
    }
}
