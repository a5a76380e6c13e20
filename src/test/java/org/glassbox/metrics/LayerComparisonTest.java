package org.glassbox.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerComparisonTest {

    @Test
    void theHungarianMethodFindsTheSameLeastCostAsTryingEveryMatching() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(6);
            int m = n + r.nextInt(3);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = r.nextInt(5) == 0 ? 1.0 : r.nextDouble();
                }
            }
            assertEquals(bruteForce(cost), total(cost, LinearAssignment.minimumCost(cost)), 1e-12, "trial " + trial);
        }
    }

    @Test
    void withMoreRowsThanColumnsEachColumnIsUsedOnceAndTheRestAreLeftOut() {
        double[][] cost = {{5, 1}, {1, 5}, {9, 9}};
        int[] match = LinearAssignment.minimumCost(cost);
        assertArrayEquals(new int[] {1, 0, -1}, match);
    }

    /** The least total cost over every one-to-one map of rows to columns, by trying them all. */
    private static double bruteForce(double[][] cost) {
        return bruteForce(cost, 0, new boolean[cost[0].length]);
    }

    private static double bruteForce(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static double total(double[][] cost, int[] match) {
        double t = 0;
        for (int i = 0; i < match.length; i++) {
            t += cost[i][match[i]];
        }
        return t;
    }

    @Test
    void theComparisonIsBlindToPermutingAndPositivelyRescalingTheTrueNeurons() {
        Random r = new Random(3);
        int n = 6;
        int d = 4;
        double[][] w = new double[n][d];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = r.nextGaussian();
            }
            b[i] = r.nextGaussian();
        }
        double[][] recovered = new double[n][];
        double[] recoveredB = new double[n];
        for (int i = 0; i < n; i++) {
            double s = (i % 2 == 0 ? 1 : -1) * 1e-3 * (i + 1);
            recovered[i] = new double[d];
            for (int j = 0; j < d; j++) {
                recovered[i][j] = s * w[i][j] + 1e-9 * r.nextGaussian();
            }
            recoveredB[i] = s * b[i];
        }
        LayerComparison base = LayerComparison.compare(w, b, recovered, recoveredB);
        int[] permutation = {3, 0, 5, 1, 4, 2};
        double[][] w2 = new double[n][];
        double[] b2 = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = 0.1 + 3 * r.nextDouble();
            w2[i] = new double[d];
            for (int j = 0; j < d; j++) {
                w2[i][j] = scale * w[permutation[i]][j];
            }
            b2[i] = scale * b[permutation[i]];
        }
        LayerComparison moved = LayerComparison.compare(w2, b2, recovered, recoveredB);
        assertEquals(1.0, base.fractionRecovered());
        assertEquals(base.fractionRecovered(), moved.fractionRecovered());
        assertEquals(base.maxError(), moved.maxError(), 1e-15);
        assertTrue(base.maxError() < 1e-5 && base.maxError() > 0, "the small noise shows: " + base.maxError());
        for (LayerComparison.NeuronMatch m : moved.matches()) {
            assertEquals(permutation[m.truth()], m.recovered(), "each true neuron finds its recovered one");
        }
    }
}
