package org.glassbox.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.samples.SampleModels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class DpSgdTest {

    private static MultiLayerNetwork mlp(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(seed, 784, new int[] {32}, 10, LossFunction.MCXENT,
                Activation.SOFTMAX, 1e-3));
        net.init();
        return net;
    }

    private static DpSgd run(LabeledImages data, DpSgd.Settings settings, long seed, int steps) {
        DpSgd dp = new DpSgd(mlp(seed), data.features(0, data.size(), DataType.FLOAT), data.oneHot(0, data.size(), DataType.FLOAT),
                settings, seed);
        for (int s = 0; s < steps; s++) {
            dp.step();
        }
        return dp;
    }

    @Test
    void eachExampleAddsAtMostTheClipNormAndSmallGradientsPassUnchanged() {
        double[] sum = new double[3];
        assertTrue(DpSgd.clipInto(sum, new double[] {3, 4, 0}, 1.0), "norm 5 is clipped to 1");
        assertArrayEquals(new double[] {0.6, 0.8, 0}, sum, 1e-12);
        assertFalse(DpSgd.clipInto(sum, new double[] {0.1, 0, 0.2}, 1.0), "norm 0.22 passes");
        assertArrayEquals(new double[] {0.7, 0.8, 0.2}, sum, 1e-12);
    }

    @Test
    void thePoissonSampleHasTheExpectedSizeOnAverageAndTheSeedFixesTheRun() throws Exception {
        LabeledImages data = FashionMnist.train(Assets.locate()).head(400);
        DpSgd.Settings settings = new DpSgd.Settings(0.05, 1.0, 1.0, 0.1);
        DpSgd dp = new DpSgd(mlp(3), data.features(0, 400, DataType.FLOAT), data.oneHot(0, 400, DataType.FLOAT), settings, 3);
        int total = 0;
        for (int s = 0; s < 40; s++) {
            total += dp.step().sampled();
        }
        assertEquals(0.05 * 400, total / 40.0, 3, "mean batch near qN = 20");
        DpSgd again = run(data, settings, 3, 40);
        assertArrayEquals(dp.network().params().toFloatVector(), again.network().params().toFloatVector(), 0f, "same seed, same weights");
        assertFalse(java.util.Arrays.equals(dp.network().params().toFloatVector(), run(data, settings, 4, 40).network().params()
                .toFloatVector()), "another seed, other weights");
    }

    @Test
    void itsEpsilonIsTheAccountantsForTheStepsTaken() throws Exception {
        LabeledImages data = FashionMnist.train(Assets.locate()).head(200);
        DpSgd dp = run(data, new DpSgd.Settings(0.1, 1.1, 1.0, 0.1), 5, 30);
        double[] orders = RdpAccountant.DEFAULT_ORDERS;
        double expected = RdpAccountant.epsilon(orders, RdpAccountant.compose(0.1, 1.1, 30, orders), 1e-5).epsilon();
        assertEquals(expected, dp.epsilon(1e-5).epsilon(), 0);
        assertEquals(30, dp.steps());
    }

    @Test
    void withLittleNoiseItStillLearns() throws Exception {
        LabeledImages data = FashionMnist.train(Assets.locate()).head(1000);
        DataSet all = new DataSet(data.features(0, 1000, DataType.FLOAT), data.oneHot(0, 1000, DataType.FLOAT));
        double before = mlp(7).score(all);
        DpSgd dp = run(data, new DpSgd.Settings(0.05, 0.5, 1.0, 0.5), 7, 60);
        double after = dp.network().score(all);
        assertTrue(after < 0.8 * before, "loss " + before + " → " + after);
    }
}
