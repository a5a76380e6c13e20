package org.glassbox.backdoor;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Activation clustering (Chen et al. 2018, "Detecting Backdoor Attacks on Deep Neural Networks by
 * Activation Clustering"): the training images of each label, as the model's last hidden layer
 * sees them, reduced to 10 dimensions by PCA and split by 2-means; the smaller cluster of each
 * label is flagged as poison (ART's {@code cluster_analysis="smaller"}), and the flags are scored
 * against the rows that really were poisoned.
 */
public final class ActivationClustering {

    public static final int DIMENSIONS = 10;

    /** One label's split: its images, the smaller cluster's size, and how many poisoned images fell in it and in all. */
    public record ClassSplit(int label, int images, int smaller, int poisonInSmaller, int poison) {

        public double smallerShare() {
            return images == 0 ? 0 : (double) smaller / images;
        }
    }

    /** Every label's split and the flags' precision and recall against the true poison. */
    public record Result(List<ClassSplit> classes, double precision, double recall, int flagged, int poison) {
    }

    private ActivationClustering() {
    }

    /**
     * @param activations the last hidden layer's output for each training image
     * @param labels      each image's training label (the target's for a poisoned image)
     * @param poisoned    whether each image was poisoned
     */
    public static Result run(double[][] activations, int[] labels, boolean[] poisoned, int classes, long seed) {
        List<ClassSplit> splits = new ArrayList<>();
        int flagged = 0;
        int truePositives = 0;
        int poison = 0;
        for (boolean p : poisoned) {
            poison += p ? 1 : 0;
        }
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                }
            }
            int poisonHere = (int) rows.stream().filter(i -> poisoned[i]).count();
            if (rows.size() < 2) {
                splits.add(new ClassSplit(c, rows.size(), 0, 0, poisonHere));
                continue;
            }
            double[][] reduced = pca(rows.stream().map(i -> activations[i]).toArray(double[][]::new), DIMENSIONS);
            List<DoublePoint> points = new ArrayList<>();
            for (double[] r : reduced) {
                points.add(new DoublePoint(r));
            }
            JDKRandomGenerator random = new JDKRandomGenerator();
            random.setSeed(seed + c);
            List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(2, 100,
                    new org.apache.commons.math3.ml.distance.EuclideanDistance(), random).cluster(points);
            // a DoublePoint equals any other of the same values, so the clusters are mapped back by identity
            java.util.Map<DoublePoint, Integer> cluster = new java.util.IdentityHashMap<>();
            for (int k = 0; k < clusters.size(); k++) {
                for (DoublePoint p : clusters.get(k).getPoints()) {
                    cluster.put(p, k);
                }
            }
            int[] assignment = new int[points.size()];
            for (int j = 0; j < points.size(); j++) {
                assignment[j] = cluster.getOrDefault(points.get(j), 0);
            }
            int sizeZero = clusters.isEmpty() ? 0 : clusters.get(0).getPoints().size();
            int smallerCluster = clusters.size() < 2 ? -1 : (sizeZero <= points.size() - sizeZero ? 0 : 1);
            int smaller = 0;
            int poisonInSmaller = 0;
            for (int j = 0; j < points.size(); j++) {
                if (assignment[j] == smallerCluster) {
                    smaller++;
                    poisonInSmaller += poisoned[rows.get(j)] ? 1 : 0;
                }
            }
            flagged += smaller;
            truePositives += poisonInSmaller;
            splits.add(new ClassSplit(c, rows.size(), smaller, poisonInSmaller, poisonHere));
        }
        return new Result(List.copyOf(splits), flagged == 0 ? 0 : (double) truePositives / flagged,
                poison == 0 ? Double.NaN : (double) truePositives / poison, flagged, poison);
    }

    /** The rows centred and projected on the covariance's {@code k} leading eigenvectors. */
    static double[][] pca(double[][] rows, int k) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = rows[i][j] - mean[j];
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(centred, false);
        RealMatrix covariance = x.transpose().multiply(x).scalarMultiply(1.0 / Math.max(1, n - 1));
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int kept = Math.min(k, d);
        double[][] out = new double[n][kept];
        for (int c = 0; c < kept; c++) {
            double[] v = eigen.getEigenvector(order[c]).toArray();
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += centred[i][j] * v[j];
                }
                out[i][c] = dot;
            }
        }
        return out;
    }
}
