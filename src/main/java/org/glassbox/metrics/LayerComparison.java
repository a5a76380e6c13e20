package org.glassbox.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Recovered neurons of one layer against the true ones, after removing what no black-box attack
 * can see: the order of the neurons and a positive scale per neuron (and, while signs are not yet
 * recovered, the sign). Each neuron's row (w, b) is divided by ‖w‖; the rows are matched by the
 * assignment of least total 1 − |cos(ŵ, w)|; then, per pair, the recovered row is multiplied by
 * s = sign(cos) and compared entry by entry with the true row.
 *
 * @param matches          one per matched pair, in true-neuron order
 * @param trueNeurons      neurons in the true layer
 * @param recoveredNeurons neurons the attack reported
 */
public record LayerComparison(List<NeuronMatch> matches, int trueNeurons, int recoveredNeurons) {

    /** Below this 1 − |cos| a matched neuron counts as recovered. */
    public static final double RECOVERED = 1e-6;

    /**
     * One recovered neuron against its matched true one.
     *
     * @param cosine   cos(ŵ, w), its sign telling whether the recovered sign agrees
     * @param maxError max |s·(ŵ, b̂)/‖ŵ‖ − (w, b)/‖w‖| over the row's entries, bias included
     */
    public record NeuronMatch(int recovered, int truth, double cosine, double maxError) {

        public boolean recoveredWell() {
            return 1 - Math.abs(cosine) < RECOVERED;
        }

        /** −log2 of the error: the bits of the row that are right. */
        public double bits() {
            return maxError == 0 ? 64 : -Math.log(maxError) / Math.log(2);
        }
    }

    public static LayerComparison compare(double[][] trueWeights, double[] trueBiases, double[][] recoveredWeights,
                                          double[] recoveredBiases) {
        int n = trueWeights.length;
        int m = recoveredWeights.length;
        double[][] t = normalised(trueWeights, trueBiases);
        double[][] r = normalised(recoveredWeights, recoveredBiases);
        int inputs = trueWeights.length == 0 ? 0 : trueWeights[0].length;
        List<NeuronMatch> matches = new ArrayList<>();
        if (n > 0 && m > 0) {
            double[][] cost = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    cost[i][j] = 1 - Math.abs(cosine(t[i], r[j], inputs));
                }
            }
            int[] match = LinearAssignment.minimumCost(cost);
            for (int i = 0; i < n; i++) {
                int j = match[i];
                if (j < 0) {
                    continue;
                }
                double cos = cosine(t[i], r[j], inputs);
                double s = cos >= 0 ? 1 : -1;
                double error = 0;
                for (int k = 0; k <= inputs; k++) {
                    error = Math.max(error, Math.abs(s * r[j][k] - t[i][k]));
                }
                matches.add(new NeuronMatch(j, i, cos, error));
            }
        }
        return new LayerComparison(List.copyOf(matches), n, m);
    }

    /** The fraction of the true neurons matched by a recovered one with 1 − |cos| below {@link #RECOVERED}. */
    public double fractionRecovered() {
        return trueNeurons == 0 ? 1 : matches.stream().filter(NeuronMatch::recoveredWell).count() / (double) trueNeurons;
    }

    /** The largest entry error over the well-recovered neurons (NaN if none). */
    public double maxError() {
        return matches.stream().filter(NeuronMatch::recoveredWell).mapToDouble(NeuronMatch::maxError).max().orElse(Double.NaN);
    }

    /** Rows (w, b)/‖w‖: the first entries the weights, the last the bias. */
    private static double[][] normalised(double[][] w, double[] b) {
        double[][] rows = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            double norm = 0;
            for (double x : w[i]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            rows[i] = new double[w[i].length + 1];
            for (int k = 0; k < w[i].length; k++) {
                rows[i][k] = norm == 0 ? 0 : w[i][k] / norm;
            }
            rows[i][w[i].length] = norm == 0 ? 0 : b[i] / norm;
        }
        return rows;
    }

    private static double cosine(double[] a, double[] b, int length) {
        double dot = 0;
        for (int k = 0; k < length; k++) {
            dot += a[k] * b[k];
        }
        return dot;
    }
}
