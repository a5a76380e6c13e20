package org.glassbox.regions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected network with ReLU or leaky-ReLU hidden layers and an identity or softmax
 * output, copied into double precision: {@code f(x) = W_L σ(… σ(W_1 x + b_1) …) + b_L}. It is
 * continuous and piecewise linear (before the softmax, which does not move the decision).
 *
 * @param weights      per layer, [out][in]
 * @param biases       per layer, [out]
 * @param leakySlope   σ(z) = z for z > 0, leakySlope·z otherwise (0 for ReLU)
 * @param softmaxOutput whether the last layer is followed by a softmax
 */
public record PiecewiseLinearNetwork(List<double[][]> weights, List<double[]> biases, double leakySlope,
                                     boolean softmaxOutput) {

    public PiecewiseLinearNetwork {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        if (weights.isEmpty() || weights.size() != biases.size()) {
            throw new IllegalArgumentException("need one weight matrix and one bias vector per layer");
        }
    }

    public int inputs() {
        return weights.get(0)[0].length;
    }

    public int outputs() {
        return weights.get(weights.size() - 1).length;
    }

    /** Number of layers with an activation (all but the last). */
    public int hiddenLayers() {
        return weights.size() - 1;
    }

    public int width(int layer) {
        return weights.get(layer).length;
    }

    public int hiddenNeurons() {
        int n = 0;
        for (int l = 0; l < hiddenLayers(); l++) {
            n += width(l);
        }
        return n;
    }

    /** The network's output before any softmax (the logits), in double precision. */
    public double[] logits(double[] x) {
        return layer(weights.size() - 1, activations(x, hiddenLayers()), false);
    }

    /** The activations after the first {@code layers} hidden layers (x itself for 0). */
    public double[] activations(double[] x, int layers) {
        double[] a = x;
        for (int l = 0; l < layers; l++) {
            a = layer(l, a, true);
        }
        return a;
    }

    /** Layer l applied to its input a: W a + b, then the activation when {@code activate}. */
    private double[] layer(int l, double[] a, boolean activate) {
        double[][] w = weights.get(l);
        double[] b = biases.get(l);
        double[] z = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = b[i];
            for (int j = 0; j < a.length; j++) {
                s += w[i][j] * a[j];
            }
            z[i] = activate && s <= 0 ? leakySlope * s : s;
        }
        return z;
    }

    /** The activation pattern at x: for each hidden layer, which neurons have a positive pre-activation. */
    public boolean[][] pattern(double[] x) {
        boolean[][] pattern = new boolean[hiddenLayers()][];
        double[] a = x;
        for (int l = 0; l < hiddenLayers(); l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            double[] z = new double[w.length];
            pattern[l] = new boolean[w.length];
            for (int i = 0; i < w.length; i++) {
                double s = b[i];
                for (int j = 0; j < a.length; j++) {
                    s += w[i][j] * a[j];
                }
                pattern[l][i] = s > 0;
                z[i] = s > 0 ? s : leakySlope * s;
            }
            a = z;
        }
        return pattern;
    }

    /**
     * Copies a DL4J network of dense layers. Anything else (convolutions, other activations) is
     * refused with a message saying what is supported.
     */
    public static PiecewiseLinearNetwork of(ModelHandle model, Path source) throws ModelLoadException {
        MultiLayerNetwork net = model.network();
        int n = net.getnLayers();
        List<double[][]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        Double slope = null;
        boolean softmax = false;
        for (int l = 0; l < n; l++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayerWiseConfigurations().getConf(l).getLayer();
            if (!(conf instanceof DenseLayer || conf instanceof OutputLayer)) {
                throw new ModelLoadException(source, "layer " + l + " is a " + conf.getClass().getSimpleName()
                        + "; the region map needs dense layers only.", "Pick a fully connected ReLU network (an MLP).");
            }
            IActivation act = ((BaseLayer) conf).getActivationFn();
            boolean last = l == n - 1;
            if (last) {
                if (act instanceof ActivationSoftmax) {
                    softmax = true;
                } else if (!(act instanceof ActivationIdentity)) {
                    throw new ModelLoadException(source, "the output layer's activation is " + act
                            + "; the region map needs identity or softmax there.", "Pick a network with a linear or softmax output.");
                }
            } else {
                double s;
                if (act instanceof ActivationReLU) {
                    s = 0;
                } else if (act instanceof ActivationLReLU leaky) {
                    s = leaky.getAlpha();
                } else {
                    throw new ModelLoadException(source, "layer " + l + " uses " + act
                            + "; a region map needs ReLU or leaky ReLU hidden layers (piecewise linear).",
                            "Pick a ReLU network.");
                }
                if (slope != null && slope != s) {
                    throw new ModelLoadException(source, "hidden layers mix ReLU slopes.", "Use one activation throughout.");
                }
                slope = s;
            }
            INDArray w = net.getLayer(l).getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            INDArray b = net.getLayer(l).getParam("b").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            long in = ((FeedForwardLayer) conf).getNIn();
            long out = ((FeedForwardLayer) conf).getNOut();
            double[][] wt = new double[(int) out][(int) in];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    wt[i][j] = w.getDouble(j, i); // DL4J stores W as [nIn, nOut]
                }
            }
            ws.add(wt);
            bs.add(b.reshape(out).toDoubleVector());
        }
        return new PiecewiseLinearNetwork(ws, bs, slope == null ? 0 : slope, softmax);
    }
}
