package org.glassbox.regions;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The DL4J network with a {@link PiecewiseLinearNetwork}'s weights (ReLU only), for batched forward passes. */
public final class Dl4jNetworks {

    private Dl4jNetworks() {
    }

    public static MultiLayerNetwork of(PiecewiseLinearNetwork net, DataType type) {
        if (net.leakySlope() != 0) {
            throw new IllegalArgumentException("only plain ReLU networks are converted");
        }
        int[] hidden = new int[net.hiddenLayers()];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = net.width(l);
        }
        MultiLayerNetwork dl4j = new MultiLayerNetwork(SampleModels.mlp(0, net.inputs(), hidden, net.outputs(),
                LossFunction.MSE, Activation.IDENTITY, 1e-3));
        dl4j.init();
        dl4j = dl4j.convertDataType(type);
        for (int l = 0; l < net.weights().size(); l++) {
            double[][] w = net.weights().get(l);
            INDArray wt = Nd4j.create(type, w[0].length, w.length);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    wt.putScalar(j, i, w[i][j]);
                }
            }
            dl4j.getLayer(l).setParam("W", wt);
            dl4j.getLayer(l).setParam("b", Nd4j.create(net.biases().get(l)).castTo(type).reshape(1, w.length));
        }
        return dl4j;
    }
}
