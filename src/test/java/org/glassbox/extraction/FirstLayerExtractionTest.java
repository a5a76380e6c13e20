package org.glassbox.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.RandomReluNetworks;
import org.glassbox.regions.Window;
import org.junit.jupiter.api.Test;

class FirstLayerExtractionTest {

    static ExtractionSnapshot run(PiecewiseLinearNetwork net, OutputPrecision precision, int lines, long seed) {
        Plane plane = net.inputs() == 2 ? Plane.identity2d() : Plane.randomThrough(new double[net.inputs()], 2, seed);
        ExtractionTask task = new ExtractionTask(net, new Oracle(net, precision), plane, new Window(-2, 2, -2, 2),
                new ExtractionParameters(lines, 20, ExtractionParameters.defaults().probes(), ExtractionParameters.defaults().probeRadius(), 0), seed);
        ExtractionSnapshot last = null;
        for (int i = 0; i < task.iterations() && !task.finished(); i++) {
            last = task.step(i);
        }
        return last;
    }

    private static void report(String name, ExtractionSnapshot s) {
        LayerComparison c = s.comparison();
        System.out.printf("%s: %d lines, %,d queries, %d first-layer neurons found of %d, %.0f %% recovered, max error %.3e"
                        + " (%.1f bits), %d kinks (%d deeper)%n", name, s.lines(), s.queries(), c.recoveredNeurons(), c.trueNeurons(),
                100 * c.fractionRecovered(), c.maxError(), -Math.log(c.maxError()) / Math.log(2), s.kinks().size(),
                s.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.DEEPER).count());
    }

    @Test
    void everyFirstLayerNeuronOfASeeded4By8By1NetworkIsRecoveredToNearMachinePrecision() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(3, 0, 4, 8, 1);
        ExtractionSnapshot s = run(net, OutputPrecision.FLOAT64, 6, 1);
        report("4-8-1", s);
        assertEquals(8, s.comparison().recoveredNeurons(), "the first layer's width is inferred");
        assertEquals(1.0, s.comparison().fractionRecovered());
        assertTrue(s.comparison().maxError() < Math.pow(2, -30), "max error " + s.comparison().maxError());
    }

    @Test
    void everyFirstLayerNeuronOfASeeded10By20By20By1NetworkIsRecovered() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(5, 0, 10, 20, 20, 1);
        ExtractionSnapshot s = run(net, OutputPrecision.FLOAT64, 12, 2);
        report("10-20-20-1", s);
        assertEquals(1.0, s.comparison().fractionRecovered());
        assertEquals(20, s.comparison().recoveredNeurons(), "no deeper neuron is taken for a first-layer one");
        assertTrue(s.comparison().maxError() < Math.pow(2, -30), "max error " + s.comparison().maxError());
    }

    @Test
    void roundingTheOutputsToThreeDecimalsDegradesTheRecoveryMeasurably() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(3, 0, 4, 8, 1);
        ExtractionSnapshot exact = run(net, OutputPrecision.FLOAT64, 6, 1);
        ExtractionSnapshot rounded = run(net, OutputPrecision.decimals(3), 6, 1);
        report("4-8-1 float64", exact);
        report("4-8-1 decimals:3", rounded);
        double exactError = exact.comparison().maxError();
        double roundedError = Double.isNaN(rounded.comparison().maxError()) ? 1 : rounded.comparison().maxError();
        assertTrue(rounded.comparison().fractionRecovered() < 1 || roundedError > 1e6 * exactError,
                "rounded: " + rounded.comparison().fractionRecovered() + " recovered, error " + roundedError
                        + "; exact error " + exactError);
    }

    @Test
    void aContractiveOneHiddenLayerNetworkIsRecoveredWholeSignsAndLastLayerIncluded() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(1, 0, 10, 8, 3);
        Completion c = run(net, OutputPrecision.FLOAT64, 8, 1).completion();
        assertTrue(c != null && c.signsKnown(), "a layer of 8 neurons on 10 inputs gives its signs away");
        assertEquals(1.0, c.signsRight());
        assertTrue(c.lastLayerError() < Math.pow(2, -30), "last layer error " + c.lastLayerError());
        assertTrue(c.randomInputs().maxError() < 1e-9 && c.planeInputs().maxError() < 1e-9,
                "max |f − f̂| " + c.randomInputs().maxError() + " on random inputs, " + c.planeInputs().maxError() + " on the plane");
        assertEquals(1.0, c.randomInputs().argmaxAgreement());
    }

    @Test
    void anExpansiveOneHiddenLayerNetworkIsRecoveredAsAFunctionWithoutItsSigns() {
        Completion c = run(RandomReluNetworks.relu(3, 0, 4, 8, 1), OutputPrecision.FLOAT64, 6, 1).completion();
        assertTrue(c != null && !c.signsKnown(), "8 neurons on 4 inputs: the signs are not determined by the affine part");
        assertTrue(c.randomInputs().maxError() < 1e-9, "yet the function is exact: " + c.randomInputs().maxError());
    }

    @Test
    void aBatchedQueryAnswersAsOneByOneQueriesDoAndCountsEveryRow() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(2, 0, 200, 60, 20, 3);
        assertTrue(200L * 60 >= Oracle.BLAS_MIN_WEIGHTS, "large enough for the matrix-product path");
        Oracle oracle = new Oracle(net, OutputPrecision.FLOAT64);
        java.util.Random r = new java.util.Random(5);
        double[][] xs = new double[Oracle.BATCH_MIN + 7][200];
        for (double[] x : xs) {
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextGaussian();
            }
        }
        double[][] batched = oracle.query(xs);
        assertEquals(xs.length, oracle.queries());
        for (int i = 0; i < xs.length; i++) {
            double[] single = oracle.query(xs[i]);
            for (int k = 0; k < single.length; k++) {
                assertEquals(single[k], batched[i][k], 1e-12 * (1 + Math.abs(single[k])), "row " + i + ", output " + k);
            }
        }
        assertEquals(2L * xs.length, oracle.queries());
    }

    @Test
    void theSameSeedGivesTheSameAttack() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(3, 0, 2, 8, 1);
        ExtractionSnapshot a = run(net, OutputPrecision.FLOAT64, 3, 4);
        ExtractionSnapshot b = run(net, OutputPrecision.FLOAT64, 3, 4);
        assertEquals(a.queries(), b.queries());
        assertEquals(a.kinks(), b.kinks());
    }

    @Test
    void theLineSearchFindsTheExactKinksOfAOneNeuronNetwork() {
        PiecewiseLinearNetwork net = new PiecewiseLinearNetwork(List.of(new double[][] {{2, -1}}, new double[][] {{3}}),
                List.of(new double[] {0.5}, new double[] {0.25}), 0, false);
        Oracle oracle = new Oracle(net, OutputPrecision.FLOAT64);
        List<LineSearch.Kink> kinks = new LineSearch(oracle, Noise.of(OutputPrecision.FLOAT64), 1e-12)
                .kinks(new double[] {0, 0}, new double[] {1, 0}, -10, 10);
        assertEquals(1, kinks.size());
        assertEquals(-0.25, kinks.get(0).t(), 1e-14, "2x − y + 0.5 = 0 on the x axis");
    }
}
