package org.glassbox.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The handle's gradients agree with central finite differences of its loss,
 * {@code (L(x + h e_i) − L(x − h e_i)) / 2h}, on small double-precision networks. The truncation
 * error of the central difference is O(h²) and the rounding error O(ε/h); h = 1e-6 puts both near
 * 1e-10 relative.
 */
class GradientTest {

    private static final double H = 1e-6;

    private static ModelHandle sigmoidMlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(7).activation(Activation.SIGMOID).build())
                .layer(new DenseLayer.Builder().nIn(7).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(6).nOut(3).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new ModelHandle("mlp", net);
    }

    private static ModelHandle sigmoidCnn() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1).nOut(3).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(6, 6, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new ModelHandle("cnn", net);
    }

    private static INDArray oneHot(int rows, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, (i * 2 + 1) % classes, 1.0);
        }
        return y;
    }

    /** Largest |analytic − numeric| over the largest |numeric|, the input gradient checked entry by entry. */
    private static double inputGradientError(ModelHandle model, INDArray x, INDArray y) {
        INDArray analytic = model.gradients(x, y).input();
        int n = (int) x.size(0);
        double maxDiff = 0;
        double maxRef = 0;
        for (long i = 0; i < x.length(); i++) {
            double v = x.getDouble(i);
            x.putScalar(i, v + H);
            double up = model.loss(x, y) * n;
            x.putScalar(i, v - H);
            double down = model.loss(x, y) * n;
            x.putScalar(i, v);
            double numeric = (up - down) / (2 * H);
            maxDiff = Math.max(maxDiff, Math.abs(numeric - analytic.getDouble(i)));
            maxRef = Math.max(maxRef, Math.abs(numeric));
        }
        return maxDiff / maxRef;
    }

    @Test
    void inputGradientOfAnMlpMatchesCentralDifferences() {
        ModelHandle model = sigmoidMlp();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 5).subi(0.5);
        double error = inputGradientError(model, x, oneHot(3, 3));
        System.out.printf("MLP input gradient: max relative error %.3e%n", error);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    @Test
    void inputGradientOfACnnMatchesCentralDifferences() {
        ModelHandle model = sigmoidCnn();
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 36);
        double error = inputGradientError(model, x, oneHot(2, 4));
        System.out.printf("CNN input gradient: max relative error %.3e%n", error);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    @Test
    void parameterGradientMatchesCentralDifferences() {
        ModelHandle model = sigmoidMlp();
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray y = oneHot(4, 3);
        INDArray analytic = model.gradients(x, y).parameters();
        INDArray params = model.parameters();
        double maxDiff = 0;
        double maxRef = 0;
        for (long i = 0; i < params.length(); i++) {
            double v = params.getDouble(i);
            params.putScalar(i, v + H);
            model.setParameters(params);
            double up = model.loss(x, y) * 4;
            params.putScalar(i, v - H);
            model.setParameters(params);
            double down = model.loss(x, y) * 4;
            params.putScalar(i, v);
            double numeric = (up - down) / (2 * H);
            maxDiff = Math.max(maxDiff, Math.abs(numeric - analytic.getDouble(i)));
            maxRef = Math.max(maxRef, Math.abs(numeric));
        }
        model.setParameters(params);
        double error = maxDiff / maxRef;
        System.out.printf("MLP parameter gradient: max relative error %.3e%n", error);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    @Test
    void parametersRoundTripThroughTheFlatVector() {
        ModelHandle model = sigmoidMlp();
        INDArray p = model.parameters();
        assertEquals(5 * 7 + 7 + 7 * 6 + 6 + 6 * 3 + 3, p.length());
        model.setParameters(p.mul(2));
        assertEquals(0, model.parameters().sub(p.mul(2)).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void activationsHaveOneEntryPerLayer() {
        ModelHandle model = sigmoidMlp();
        var acts = model.activations(Nd4j.rand(DataType.DOUBLE, 2, 5));
        assertEquals(3, acts.size());
        assertEquals(7, acts.get(0).size(1));
        assertEquals(3, acts.get(2).size(1));
    }
}
