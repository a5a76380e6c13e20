package org.glassbox.privacy;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.metrics.Curves;
import org.glassbox.engine.Seeds;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A DP-SGD run and its non-private twin, frame by frame: each step of the task runs
 * {@code stepsPerFrame} steps of both (same initial weights, same Poisson batches, same learning
 * rate; the private one clips and adds noise), then tests both on the test images and asks the
 * accountant for ε.
 */
public final class PrivacyTask implements IterativeTask<PrivacySnapshot> {

    private final PrivacySetup setup;
    private final DpSgd privateRun;
    private final DpSgd plainRun;
    private final INDArray testFeatures;
    private final int[] testLabels;
    private final int frames;
    private double[] steps = new double[0];
    private double[] epsilons = new double[0];
    private double[] privateCurve = new double[0];
    private double[] plainCurve = new double[0];

    public PrivacyTask(LabeledImages train, LabeledImages test, PrivacySetup setup, long seed) {
        if (setup.examples() > train.size()) {
            throw new IllegalArgumentException(setup.examples() + " training images asked for, " + train.size() + " shipped");
        }
        this.setup = setup;
        long init = Seeds.derive(seed, "initial-weights");
        INDArray x = train.features(0, setup.examples(), DataType.FLOAT);
        INDArray y = train.oneHot(0, setup.examples(), DataType.FLOAT);
        long batches = Seeds.derive(seed, "batches");
        privateRun = new DpSgd(network(train, setup, init), x, y, setup.privateSettings(), batches);
        plainRun = new DpSgd(network(train, setup, init), x, y, setup.plainSettings(), batches);
        testFeatures = test.features(0, test.size(), DataType.FLOAT);
        testLabels = test.labels().clone();
        frames = (setup.steps() + setup.stepsPerFrame() - 1) / setup.stepsPerFrame();
    }

    private static MultiLayerNetwork network(LabeledImages train, PrivacySetup setup, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(seed, train.pixelsPerImage(), new int[] {setup.hidden()},
                train.numClasses(), LossFunction.MCXENT, Activation.SOFTMAX, setup.learningRate()));
        net.init();
        return net;
    }

    @Override
    public int iterations() {
        return frames;
    }

    @Override
    public PrivacySnapshot step(int index) {
        int until = Math.min(setup.steps(), (index + 1) * setup.stepsPerFrame());
        DpSgd.Step last = null;
        while (privateRun.steps() < until) {
            last = privateRun.step();
            plainRun.step();
        }
        RdpAccountant.Conversion eps = privateRun.epsilon(setup.delta());
        double privateAccuracy = accuracy(privateRun.network());
        double plainAccuracy = accuracy(plainRun.network());
        steps = Curves.append(steps, until);
        epsilons = Curves.append(epsilons, eps.epsilon());
        privateCurve = Curves.append(privateCurve, privateAccuracy);
        plainCurve = Curves.append(plainCurve, plainAccuracy);
        return new PrivacySnapshot(until, eps.epsilon(), eps.order(), privateAccuracy, plainAccuracy, steps, epsilons, privateCurve,
                plainCurve, last == null ? 0 : last.sampled(), last == null ? 0 : last.clippedShare());
    }

    private double accuracy(MultiLayerNetwork net) {
        INDArray predicted = net.output(testFeatures, false).argMax(1);
        int right = 0;
        for (int i = 0; i < testLabels.length; i++) {
            right += predicted.getInt(i) == testLabels[i] ? 1 : 0;
        }
        return (double) right / testLabels.length;
    }

}
