package org.glassbox.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Class decisions from a batch of network outputs. */
public final class Predictions {

    private Predictions() {
    }

    /** Index of the largest output per row; the first one wins a tie. */
    public static int[] argmax(INDArray outputs) {
        int rows = (int) outputs.size(0);
        int cols = (int) outputs.size(1);
        int[] best = new int[rows];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                double v = outputs.getDouble(r, c);
                if (v > max) {
                    max = v;
                    best[r] = c;
                }
            }
        }
        return best;
    }
}
