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

    /** The recovered label from a flat parameter gradient of the model (DL4J layout: per layer W in 'f' order [nIn, nOut], then b). */
    public static int fromGradient(ModelHandle model, INDArray flatGradient) {
        int last = model.numLayers() - 1;
        long offset = 0;
        for (int l = 0; l < last; l++) {
            offset += model.network().getLayer(l).numParams();
        }
        FeedForwardLayer conf = (FeedForwardLayer) model.network().getLayerWiseConfigurations().getConf(last).getLayer();
        long nIn = conf.getNIn();
        long nOut = conf.getNOut();
        INDArray g = flatGradient.reshape(flatGradient.length());
        int best = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < nOut; j++) {
            double sum = 0;
            for (long i = 0; i < nIn; i++) {
                sum += g.getDouble(offset + j * nIn + i);
            }
            if (sum < lowest) {
                lowest = sum;
                best = j;
            }
        }
        return best;
    }
}
