package org.glassbox.inversion;

import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * iDLG's analytic label recovery (Zhao, Mopuri and Bilen 2020): for one example trained with
 * softmax cross-entropy, ∂ℓ/∂z_c = p_c − y_c is negative only for the true class, and the last
 * layer's inputs are non-negative after a sigmoid or ReLU, so the row of the last layer's weight
 * gradient that belongs to the true class is the one whose sum is most negative.
 */
public final class LabelRecovery {

    private LabelRecovery() {
    }

    /**
     * The labels of a batch of {@code count} examples with distinct labels: the {@code count} rows
     * with the most negative sums, in increasing class order. With repeated labels in the batch
     * this finds fewer distinct classes than there are examples and is only a guess.
     */
    public static int[] fromGradient(ModelHandle model, INDArray flatGradient, int count) {
        double[] sums = rowSums(model, flatGradient);
        Integer[] order = new Integer[sums.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> sums[i]));
        int[] labels = new int[Math.min(count, sums.length)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = order[i];
        }
        java.util.Arrays.sort(labels);
        return labels;
    }

    /** The recovered label from a flat parameter gradient of the model (DL4J layout: per layer W in 'f' order [nIn, nOut], then b). */
    public static int fromGradient(ModelHandle model, INDArray flatGradient) {
        double[] sums = rowSums(model, flatGradient);
        int best = 0;
        for (int j = 1; j < sums.length; j++) {
            if (sums[j] < sums[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Per class j, the sum of the last layer's weight-gradient entries into output j. */
    private static double[] rowSums(ModelHandle model, INDArray flatGradient) {
        int last = model.numLayers() - 1;
        long offset = 0;
        for (int l = 0; l < last; l++) {
            offset += model.network().getLayer(l).numParams();
        }
        FeedForwardLayer conf = (FeedForwardLayer) model.network().getLayerWiseConfigurations().getConf(last).getLayer();
        long nIn = conf.getNIn();
        long nOut = conf.getNOut();
        INDArray g = flatGradient.reshape(flatGradient.length());
        double[] sums = new double[(int) nOut];
        for (int j = 0; j < nOut; j++) {
            for (long i = 0; i < nIn; i++) {
                sums[j] += g.getDouble(offset + j * nIn + i);
            }
        }
        return sums;
    }
}
