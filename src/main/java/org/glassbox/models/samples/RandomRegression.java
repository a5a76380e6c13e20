package org.glassbox.models.samples;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The regression task of the 10-input extraction model: standard normal inputs, a fixed smooth target. */
public final class RandomRegression {

    public static final String ID = "random-regression-10";
    public static final String TARGET = "y = sin(x1) + x2·x3 − |x4| + 0.5·x5 + 0.1·(x6+…+x10)";

    private RandomRegression() {
    }

    public static DataSet generate(int count, long seed) {
        Random random = new Random(seed);
        double[] x = new double[count * 10];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 10; j++) {
                x[i * 10 + j] = random.nextGaussian();
            }
            int o = i * 10;
            double rest = 0;
            for (int j = 5; j < 10; j++) {
                rest += x[o + j];
            }
            y[i] = Math.sin(x[o]) + x[o + 1] * x[o + 2] - Math.abs(x[o + 3]) + 0.5 * x[o + 4] + 0.1 * rest;
        }
        return new DataSet(Nd4j.create(x, new long[] {count, 10}, DataType.FLOAT),
                Nd4j.create(y, new long[] {count, 1}, DataType.FLOAT));
    }
}
