package org.glassbox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.RandomReluNetworks;
import org.junit.jupiter.api.Test;

class NetworkComparisonTest {

    @Test
    void everyLayerComparesAsEqualAfterPermutingAndPositivelyRescalingHiddenNeurons() {
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(7, 0, 5, 6, 4, 3);
        Random r = new Random(11);
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 0; l < net.weights().size(); l++) {
            double[][] m = net.weights().get(l);
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            w.add(c);
            b.add(net.biases().get(l).clone());
        }
        for (int l = 0; l < net.hiddenLayers(); l++) {
            int n = w.get(l).length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = (i * 5 + 3) % n;
            }
            double[][] rows = new double[n][];
            double[] bias = new double[n];
            double[][] next = w.get(l + 1);
            double[][] nextCols = new double[next.length][n];
            for (int i = 0; i < n; i++) {
                double s = 0.1 + 10 * r.nextDouble();
                int from = order[i];
                rows[i] = w.get(l)[from].clone();
                for (int j = 0; j < rows[i].length; j++) {
                    rows[i][j] *= s;
                }
                bias[i] = b.get(l)[from] * s;
                for (int o = 0; o < next.length; o++) {
                    nextCols[o][i] = next[o][from] / s;
                }
            }
            w.set(l, rows);
            b.set(l, bias);
            w.set(l + 1, nextCols);
        }
        NetworkComparison c = NetworkComparison.compare(net.weights(), net.biases(), w, b, true);
        assertEquals(2, c.hidden().size());
        for (LayerComparison layer : c.hidden()) {
            assertEquals(1.0, layer.fractionRecovered());
            assertTrue(layer.maxError() < 1e-12, "layer error " + layer.maxError());
        }
        assertTrue(c.outputError() < 1e-12, "output error " + c.outputError());
        assertEquals(1.0, c.signsRight());
    }
}
