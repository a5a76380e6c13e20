package org.glassbox.extraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.RandomReluNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DeeperLayersTest {

    @Test
    void aTwoHiddenLayerNetworkIsRecoveredWholeFromTheBendsOfItsSecondLayer() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(5, 0, 10, 20, 20, 1);
        ExtractionSnapshot s = FirstLayerExtractionTest.run(net, OutputPrecision.FLOAT64, 4, 2);
        Completion c = s.completion();
        assertTrue(c != null, "the attack reaches the last layer: " + s.stage());
        List<LayerComparison> layers = c.layers().hidden();
        assertEquals(2, layers.size(), "two hidden layers are inferred");
        for (LayerComparison layer : layers) {
            assertEquals(20, layer.recoveredNeurons(), "each layer's width is inferred");
            assertEquals(1.0, layer.fractionRecovered());
            assertTrue(layer.maxError() < Math.pow(2, -30), "layer error " + layer.maxError());
        }
        assertTrue(c.signsKnown());
        assertEquals(1.0, c.signsRight(), "every sign is right");
        assertTrue(c.lastLayerError() < Math.pow(2, -27), "last layer error " + c.lastLayerError());
        assertTrue(c.randomInputs().maxError() < 1e-7, "max |f − f̂| " + c.randomInputs().maxError());
        assertTrue(s.queries() < (1 << 18), "queries " + s.queries());
        MultiLayerNetwork model = RecoveredModel.network(c.network());
        Random r = new Random(9);
        for (int i = 0; i < 20; i++) {
            double[] x = new double[10];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextGaussian();
            }
            double expected = net.logits(x)[0];
            double exported = model.output(Nd4j.create(new double[][] {x}).castTo(model.params().dataType())).getDouble(0);
            assertEquals(expected, exported, 1e-4 * (1 + Math.abs(expected)), "the exported two-hidden-layer model");
        }
    }

    @Test
    void rarelySwitchingNeuronsAreFoundByAimedLinesAndTracedFromWalksThatEachLeftSomeWeightsOpen() throws Exception {
        // In this network two layer-2 neurons are off on under 1 % of the inputs, so the lines rarely cross them and their
        // boundaries meet some first-layer hyperplanes almost nowhere: found only by lines aimed at the inputs the
        // recovered layers explain worst, and one of them only from walks that each left some of its weights open.
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(10, 0, 10, 20, 20, 1);
        ExtractionTarget target = ExtractionTarget.of("random", net, 10);
        ExtractionTask task = new ExtractionTask(net, new Oracle(net, OutputPrecision.FLOAT64), target.plane(), target.window(),
                new ExtractionParameters(12, 20, ExtractionParameters.defaults().probes(), 4, 0), 10);
        ExtractionSnapshot s = null;
        boolean aimed = false;
        boolean completed = false;
        for (int i = 0; i < task.iterations() && !task.finished(); i++) {
            s = task.step(i);
            aimed |= s.stage().contains("through the inputs explained worst");
            completed |= s.stage().contains("partial walks");
        }
        assertTrue(aimed, "lines were aimed at the inputs explained worst");
        assertTrue(completed, "a neuron was traced from partial walks (joined, or completed by its missing skip term)");
        Completion c = s.completion();
        assertTrue(c != null, s.stage());
        LayerComparison second = c.layers().hidden().get(1);
        assertEquals(20, second.recoveredNeurons(), "layer 2's width");
        assertEquals(1.0, second.fractionRecovered(), "every layer-2 neuron, the rarely switching ones too");
        assertTrue(second.maxError() < Math.pow(2, -30), "layer 2 error " + second.maxError());
        assertTrue(c.randomInputs().maxError() < 1e-8, "max |f − f̂| " + c.randomInputs().maxError());
    }

    @Test
    void theSignsOfALayerFollowFromTheSkipTermsOfTheLayerAbove() {
        Random r = new Random(3);
        int below = 6;
        int n = 9;
        int above = 5;
        double[][] v = gaussian(r, n, below);
        double[][] u = gaussian(r, above, n);
        boolean[] flipped = new boolean[n];
        for (int k = 0; k < n; k++) {
            flipped[k] = r.nextBoolean();
        }
        double[][] skips = new double[above][below];
        for (int j = 0; j < above; j++) {
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < below && flipped[k]; i++) {
                    skips[j][i] -= u[j][k] * v[k][i];
                }
            }
        }
        assertArrayEquals(flipped, DeeperLayers.solveSigns(u, skips, v), "30 equations, 9 signs: determined");
        assertNull(DeeperLayers.solveSigns(new double[][] {u[0]}, new double[][] {skips[0]}, v),
                "one neuron above gives 6 equations for 9 signs: not determined, and said so");
    }

    @Test
    void aNetworkWithOpenSignsIsExportedExactlyThroughPassThroughNeurons() {
        PiecewiseLinearNetwork truth = RandomReluNetworks.relu(3, 0, 4, 8, 1);
        RecoveredNetwork recovered = FirstLayerExtractionTest.run(truth, OutputPrecision.FLOAT64, 6, 1).completion().network();
        assertTrue(!recovered.signsKnown(), "8 neurons on 4 inputs keep a skip term");
        MultiLayerNetwork model = RecoveredModel.network(recovered);
        Random r = new Random(4);
        for (int i = 0; i < 50; i++) {
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double expected = truth.logits(x)[0];
            double exported = model.output(Nd4j.create(new double[][] {x}).castTo(model.params().dataType())).getDouble(0);
            assertEquals(expected, exported, 1e-4 * (1 + Math.abs(expected)), "the exported model computes the true function");
        }
    }

    private static double[][] gaussian(Random r, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }
}
