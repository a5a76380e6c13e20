package org.glassbox.metrics;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * ROC curves on log-log axes, the way membership-inference results are read (Carlini et al. 2022):
 * both rates from one in N to 1, so that the low false-positive rates where an attack is confidently
 * right are not squeezed into a corner. The dashed diagonal is chance. Drawn as a {@link Plot}, so
 * the page and the PNG show the same chart.
 */
public final class RocChart {

    /** One curve and its legend text. */
    public record Curve(String label, Roc roc) {
    }

    private static final String CHANCE = "chance";

    private RocChart() {
    }

    /** A plot for ROC curves of {@code positives} members against {@code negatives} non-members (which set the axes' lower ends). */
    public static Plot plot(String title, int positives, int negatives) {
        return new Plot(title + " · " + positives + " members, " + negatives + " non-members", "false-positive rate",
                "true-positive rate")
                .logX(1.0 / Math.max(1, negatives), 1)
                .logY(1.0 / Math.max(1, positives), 1);
    }

    /** Puts the curves into the plot, each as the staircase its thresholds make, with chance as the first, dashed. */
    public static void show(Plot plot, List<Curve> curves, int positives, int negatives) {
        plot.clear();
        double low = Math.min(1.0 / Math.max(1, negatives), 1.0 / Math.max(1, positives));
        plot.series(CHANCE, new double[] {low, 1}, new double[] {low, 1}, true);
        for (Curve c : curves) {
            List<double[]> points = new ArrayList<>();
            double lastY = -1;
            for (Roc.Point p : c.roc().curve()) {
                if (p.falsePositiveRate() <= 0 || p.truePositiveRate() <= 0) {
                    continue;
                }
                if (lastY > 0) {
                    points.add(new double[] {p.falsePositiveRate(), lastY});
                }
                points.add(new double[] {p.falsePositiveRate(), p.truePositiveRate()});
                lastY = p.truePositiveRate();
            }
            plot.series(c.label(), points.stream().mapToDouble(q -> q[0]).toArray(), points.stream().mapToDouble(q -> q[1]).toArray());
        }
    }

    /** The chart as a picture (for a results folder or a report). */
    public static BufferedImage render(String title, List<Curve> curves, int positives, int negatives, int width, int height) {
        Plot plot = plot(title, positives, negatives);
        show(plot, curves, positives, negatives);
        return plot.image(width, height);
    }
}
