package org.glassbox.backdoor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Neural Cleanse's outlier test (Wang et al., S&P 2019, {@code mad_outlier_detection.py}): the
 * median absolute deviation of the classes' mask norms, scaled by the consistency constant 1.4826
 * (so that it estimates σ for normal data), the anomaly index {@code |‖m_c‖₁ − median| / MAD} of
 * each class, and the classes flagged: below the median, with index above 2. Only a small mask is
 * suspicious: a class that needs a large one is no backdoor target.
 */
public record Mad(double median, double mad, double[] anomalyIndex, List<Integer> flagged) {

    public static final double CONSISTENCY = 1.4826;
    public static final double THRESHOLD = 2;

    public static Mad of(double[] norms) {
        double median = median(norms);
        double[] deviations = new double[norms.length];
        for (int i = 0; i < norms.length; i++) {
            deviations[i] = Math.abs(norms[i] - median);
        }
        double mad = CONSISTENCY * median(deviations);
        double[] index = new double[norms.length];
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            index[i] = mad == 0 ? (deviations[i] == 0 ? 0 : Double.POSITIVE_INFINITY) : deviations[i] / mad;
            if (norms[i] < median && index[i] > THRESHOLD) {
                flagged.add(i);
            }
        }
        return new Mad(median, mad, index, List.copyOf(flagged));
    }

    /** The index of the smallest norm, the one the reference prints. */
    public double minimumIndex(double[] norms) {
        int smallest = 0;
        for (int i = 1; i < norms.length; i++) {
            smallest = norms[i] < norms[smallest] ? i : smallest;
        }
        return anomalyIndex[smallest];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
