package org.glassbox.extraction;

import java.util.List;

/**
 * The network the attack recovered: dense ReLU layers, then a linear output layer, plus (while the
 * last hidden layer's signs are open) a skip term from the layer below the last hidden one (the
 * input, for one hidden layer) to the output. ReLU(−z) = ReLU(z) − z makes that exact.
 *
 * @param weights    per layer, [out][in], the last the output layer
 * @param biases     per layer
 * @param skip       [outputs][width of the layer below the last hidden one]; all zero when the signs are known
 * @param signsKnown whether every layer's signs were recovered
 * @param queries    the queries spent on the last layer
 */
public record RecoveredNetwork(List<double[][]> weights, List<double[]> biases, double[][] skip, boolean signsKnown, long queries) {

    public RecoveredNetwork {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
    }

    public int hiddenLayers() {
        return weights.size() - 1;
    }

    /** f̂(x): the outputs before any softmax. */
    public double[] apply(double[] x) {
        double[] a = x;
        double[] below = x;
        int layers = weights.size();
        for (int l = 0; l < layers; l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double s = b[i];
                for (int j = 0; j < a.length; j++) {
                    s += w[i][j] * a[j];
                }
                z[i] = l < layers - 1 ? Math.max(0, s) : s;
            }
            if (l == layers - 1) {
                for (int o = 0; o < z.length; o++) {
                    for (int i = 0; i < below.length; i++) {
                        z[o] += skip[o][i] * below[i];
                    }
                }
            }
            if (l < layers - 2) {
                below = z;
            }
            a = z;
        }
        return a;
    }
}
