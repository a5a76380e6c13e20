package org.glassbox.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random ReLU networks: weights N(0, 2/fan-in) (He et al. 2015 initialisation), biases
 * N(0, 0.3²) so that boundaries do not all pass through the origin.
 */
public final class RandomReluNetworks {

    private RandomReluNetworks() {
    }

    public static PiecewiseLinearNetwork relu(long seed, double leakySlope, int... widths) {
        return relu(seed, leakySlope, 0.3, widths);
    }

    /** The same with biases N(0, biasStd²): Rolnick and Kording's experiments use 1. */
    public static PiecewiseLinearNetwork relu(long seed, double leakySlope, double biasStd, int... widths) {
        Random r = new Random(seed);
        List<double[][]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            double[][] w = new double[widths[l + 1]][widths[l]];
            double[] b = new double[widths[l + 1]];
            double scale = Math.sqrt(2.0 / widths[l]);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = scale * r.nextGaussian();
                }
                b[i] = biasStd * r.nextGaussian();
            }
            ws.add(w);
            bs.add(b);
        }
        return new PiecewiseLinearNetwork(ws, bs, leakySlope, false);
    }
}
