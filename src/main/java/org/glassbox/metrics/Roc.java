package org.glassbox.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver operating characteristic of a score that should be higher for positives: the curve,
 * its area, and the true-positive rate reachable at a bounded false-positive rate.
 */
public final class Roc {

    /** One threshold's operating point: scores strictly above it are called positive. */
    public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    private final double[] positives;
    private final double[] negatives;

    public Roc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("a ROC needs positives and negatives, got " + positives.length + " and "
                    + negatives.length);
        }
        this.positives = positives.clone();
        this.negatives = negatives.clone();
        Arrays.sort(this.positives);
        Arrays.sort(this.negatives);
    }

    /** P(score of a positive > score of a negative) + ½ P(equal): the Mann–Whitney form of the area. */
    public double auc() {
        double wins = 0;
        for (double p : positives) {
            int below = lowerBound(negatives, p);
            int notAbove = upperBound(negatives, p);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives.length * negatives.length);
    }

    /** Share of scores strictly above the threshold. */
    public static double rateAbove(double[] sortedScores, double threshold) {
        return (double) (sortedScores.length - upperBound(sortedScores, threshold)) / sortedScores.length;
    }

    public double truePositiveRate(double threshold) {
        return rateAbove(positives, threshold);
    }

    public double falsePositiveRate(double threshold) {
        return rateAbove(negatives, threshold);
    }

    /**
     * The highest TPR among thresholds whose FPR is at most {@code fpr}; NaN when the negatives are
     * too few to resolve that rate (fewer than 1/fpr).
     */
    public double truePositiveRateAt(double fpr) {
        if (negatives.length * fpr < 1 - 1e-9) {
            return Double.NaN;
        }
        int allowed = (int) Math.floor(fpr * negatives.length + 1e-9);
        double threshold = negatives[negatives.length - 1 - allowed];
        return truePositiveRate(threshold);
    }

    /** The curve from (0, 0) to (1, 1), one point per distinct score. */
    public List<Point> curve() {
        double[] all = new double[positives.length + negatives.length];
        System.arraycopy(positives, 0, all, 0, positives.length);
        System.arraycopy(negatives, 0, all, positives.length, negatives.length);
        double[] thresholds = Arrays.stream(all).distinct().sorted().toArray();
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        for (int i = thresholds.length - 1; i >= 0; i--) {
            double t = Math.nextDown(thresholds[i]);
            points.add(new Point(t, falsePositiveRate(t), truePositiveRate(t)));
        }
        return points;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
