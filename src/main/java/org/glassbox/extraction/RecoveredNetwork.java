package org.glassbox.extraction;

import java.util.List;
import org.glassbox.regions.PiecewiseLinearNetwork;

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
        PiecewiseLinearNetwork layers = new PiecewiseLinearNetwork(weights, biases, 0, false);
        double[] y = layers.logits(x);
        if (!signsKnown) {
            double[] below = layers.activations(x, hiddenLayers() - 1);
            for (int o = 0; o < y.length; o++) {
                for (int i = 0; i < below.length; i++) {
                    y[o] += skip[o][i] * below[i];
                }
            }
        }
        return y;
    }
}
