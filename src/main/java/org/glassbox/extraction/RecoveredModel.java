package org.glassbox.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The recovered network as a DL4J model zip that the Model lab opens: dense ReLU layers, then a dense
 * output, softmax with cross-entropy for several outputs (the box answered logits), identity with
 * squared error for one.
 */
public final class RecoveredModel {

    private RecoveredModel() {
    }

    /**
     * The network as DL4J layers. While the last hidden layer's signs are open, the skip term goes
     * through extra neurons of that layer, exactly: ReLU(h) = h for the activations h ≥ 0 of the
     * layer below, and x = ReLU(x) − ReLU(−x) for the inputs of a one-hidden-layer network.
     */
    public static MultiLayerNetwork network(RecoveredNetwork s) {
        List<double[][]> weights = new ArrayList<>(s.weights());
        List<double[]> biases = new ArrayList<>(s.biases());
        int hidden = s.hiddenLayers();
        if (!s.signsKnown()) {
            double[][] last = weights.get(hidden - 1);
            double[][] out = weights.get(hidden);
            double[][] skip = s.skip();
            int below = skip[0].length;
            int copies = hidden == 1 ? 2 * below : below;
            double[][] wider = new double[last.length + copies][];
            double[] widerBias = Arrays.copyOf(biases.get(hidden - 1), last.length + copies);
            System.arraycopy(last, 0, wider, 0, last.length);
            double[][] widerOut = new double[out.length][];
            for (int o = 0; o < out.length; o++) {
                widerOut[o] = Arrays.copyOf(out[o], last.length + copies);
            }
            for (int i = 0; i < below; i++) {
                for (int sign = 0; sign < (hidden == 1 ? 2 : 1); sign++) {
                    int row = last.length + (hidden == 1 ? 2 * i + sign : i);
                    wider[row] = new double[below];
                    wider[row][i] = sign == 0 ? 1 : -1;
                    for (int o = 0; o < out.length; o++) {
                        widerOut[o][row] = sign == 0 ? skip[o][i] : -skip[o][i];
                    }
                }
            }
            weights.set(hidden - 1, wider);
            biases.set(hidden - 1, widerBias);
            weights.set(hidden, widerOut);
        }
        int d = weights.get(0)[0].length;
        int[] widths = new int[hidden];
        for (int l = 0; l < hidden; l++) {
            widths[l] = weights.get(l).length;
        }
        int k = weights.get(hidden).length;
        boolean classifier = k > 1;
        MultiLayerConfiguration conf = SampleModels.mlp(0, d, widths, k, classifier ? LossFunction.MCXENT : LossFunction.MSE,
                classifier ? Activation.SOFTMAX : Activation.IDENTITY, 1e-3);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataType type = net.getLayer(0).getParam("W").dataType();
        for (int l = 0; l <= hidden; l++) {
            double[][] w = weights.get(l);
            double[][] transposed = new double[w[0].length][w.length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    transposed[j][i] = w[i][j];
                }
            }
            net.getLayer(l).setParam("W", Nd4j.create(transposed).castTo(type));
            net.getLayer(l).setParam("b", Nd4j.create(new double[][] {biases.get(l)}).castTo(type));
        }
        return net;
    }

    public static void write(RecoveredNetwork s, Path file) throws IOException {
        MultiLayerNetwork net = network(s);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ModelSerializer.writeModel(net, file.toFile(), false);
    }
}
