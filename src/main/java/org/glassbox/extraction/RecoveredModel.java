package org.glassbox.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.engine.UserFacingException;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The recovered network as a DL4J model zip that the Model lab opens: dense ReLU, then dense
 * output, softmax with cross-entropy for several outputs (the box answered logits), identity with
 * squared error for one.
 */
public final class RecoveredModel {

    private RecoveredModel() {
    }

    public static MultiLayerNetwork network(OneHiddenLayerSolution s) throws UserFacingException {
        if (!s.signsKnown()) {
            throw new UserFacingException("The recovered network's signs are not known: it computes the right function only with"
                    + " an affine skip term, which a plain dense network has no place for.",
                    "Export the neurons as CSV instead, or attack a network with no more hidden neurons than inputs.");
        }
        int d = s.w()[0].length;
        int n = s.w().length;
        int k = s.c().length;
        boolean classifier = k > 1;
        MultiLayerConfiguration conf = SampleModels.mlp(0, d, new int[] {n}, k, classifier ? LossFunction.MCXENT : LossFunction.MSE,
                classifier ? Activation.SOFTMAX : Activation.IDENTITY, 1e-3);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        double[][] w1 = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                w1[j][i] = s.w()[i][j];
            }
        }
        double[][] w2 = new double[n][k];
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < n; i++) {
                w2[i][o] = s.a()[o][i];
            }
        }
        DataType type = net.getLayer(0).getParam("W").dataType();
        net.getLayer(0).setParam("W", Nd4j.create(w1).castTo(type));
        net.getLayer(0).setParam("b", Nd4j.create(new double[][] {s.b()}).castTo(type));
        net.getLayer(1).setParam("W", Nd4j.create(w2).castTo(type));
        net.getLayer(1).setParam("b", Nd4j.create(new double[][] {s.c()}).castTo(type));
        return net;
    }

    public static void write(OneHiddenLayerSolution s, Path file) throws UserFacingException, IOException {
        MultiLayerNetwork net = network(s);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ModelSerializer.writeModel(net, file.toFile(), false);
    }
}
