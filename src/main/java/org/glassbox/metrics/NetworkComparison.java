package org.glassbox.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A recovered ReLU network against the true one, layer by layer, after removing what no black box
 * shows: each hidden neuron's order and positive scale. Both networks are first put in a canonical
 * form: every hidden neuron's incoming weights scaled to unit length, the scale carried into the
 * next layer's column (ReLU(c·z) = c·ReLU(z) for c > 0). Hidden layer 1 is matched as
 * {@link LayerComparison} does; each later layer's columns are then put in the true order of the
 * layer below (a column for an unmatched true neuron is zero) before its rows are matched. The
 * output layer, whose rows are ordered, is compared entry by entry.
 *
 * @param hidden      per hidden layer the recovered network has, the comparison with the true one
 * @param outputError the largest entry error of the output layer (weights and biases); NaN when the
 *                    recovered network has no output layer yet or a different depth
 */
public record NetworkComparison(List<LayerComparison> hidden, double outputError) {

    public static NetworkComparison compare(List<double[][]> trueWeights, List<double[]> trueBiases,
                                            List<double[][]> recoveredWeights, List<double[]> recoveredBiases,
                                            boolean recoveredHasOutput) {
        List<double[][]> tw = copy(trueWeights);
        List<double[]> tb = copyVectors(trueBiases);
        List<double[][]> rw = copy(recoveredWeights);
        List<double[]> rb = copyVectors(recoveredBiases);
        int trueHidden = tw.size() - 1;
        int recoveredHidden = recoveredHasOutput ? rw.size() - 1 : rw.size();
        canonicalise(tw, tb, trueHidden);
        canonicalise(rw, rb, recoveredHidden);
        List<LayerComparison> layers = new ArrayList<>();
        int[] below = null;
        for (int l = 0; l < Math.min(trueHidden, recoveredHidden); l++) {
            double[][] r = below == null ? rw.get(l) : reorder(rw.get(l), below);
            LayerComparison c = LayerComparison.compare(tw.get(l), tb.get(l), r, rb.get(l));
            layers.add(c);
            below = truthToRecovered(c, tw.get(l).length);
        }
        double outputError = Double.NaN;
        if (recoveredHasOutput && recoveredHidden == trueHidden && below != null) {
            double[][] r = reorder(rw.get(recoveredHidden), below);
            double[][] t = tw.get(trueHidden);
            outputError = 0;
            for (int o = 0; o < t.length; o++) {
                for (int i = 0; i < t[o].length; i++) {
                    outputError = Math.max(outputError, Math.abs(r[o][i] - t[o][i]));
                }
                outputError = Math.max(outputError, Math.abs(rb.get(recoveredHidden)[o] - tb.get(trueHidden)[o]));
            }
        }
        return new NetworkComparison(List.copyOf(layers), outputError);
    }

    /** The share of well-recovered hidden neurons, over all layers compared, whose sign is the true one. */
    public double signsRight() {
        long right = 0;
        long all = 0;
        for (LayerComparison c : hidden) {
            for (LayerComparison.NeuronMatch m : c.matches()) {
                if (m.recoveredWell()) {
                    all++;
                    right += m.cosine() > 0 ? 1 : 0;
                }
            }
        }
        return all == 0 ? Double.NaN : right / (double) all;
    }

    /** For each true neuron of the layer, its recovered match, or −1. */
    private static int[] truthToRecovered(LayerComparison c, int trueNeurons) {
        int[] map = new int[trueNeurons];
        java.util.Arrays.fill(map, -1);
        for (LayerComparison.NeuronMatch m : c.matches()) {
            map[m.truth()] = m.recovered();
        }
        return map;
    }

    /** The rows of w with their columns in the true order of the layer below. */
    private static double[][] reorder(double[][] w, int[] truthToRecovered) {
        double[][] out = new double[w.length][truthToRecovered.length];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < truthToRecovered.length; i++) {
                int k = truthToRecovered[i];
                out[j][i] = k >= 0 && k < w[j].length ? w[j][k] : 0;
            }
        }
        return out;
    }

    /** Scales each hidden neuron's incoming weights to unit length, carrying the scale into the next layer. */
    private static void canonicalise(List<double[][]> w, List<double[]> b, int hiddenLayers) {
        for (int l = 0; l < hiddenLayers; l++) {
            double[][] layer = w.get(l);
            for (int i = 0; i < layer.length; i++) {
                double norm = 0;
                for (double x : layer[i]) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    continue;
                }
                for (int j = 0; j < layer[i].length; j++) {
                    layer[i][j] /= norm;
                }
                b.get(l)[i] /= norm;
                if (l + 1 < w.size()) {
                    for (double[] row : w.get(l + 1)) {
                        if (i < row.length) {
                            row[i] *= norm;
                        }
                    }
                }
            }
        }
    }

    private static List<double[][]> copy(List<double[][]> w) {
        List<double[][]> out = new ArrayList<>();
        for (double[][] m : w) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            out.add(c);
        }
        return out;
    }

    private static List<double[]> copyVectors(List<double[]> b) {
        List<double[]> out = new ArrayList<>();
        for (double[] v : b) {
            out.add(v.clone());
        }
        return out;
    }
}
