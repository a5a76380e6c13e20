package org.glassbox.backdoor;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * STRIP (Gao et al., ACSAC 2019): an input is superimposed on N clean images, {@code min(1, x + x_j)}
 * as the paper adds images, and the model's predictions on the N blends are scored by their mean
 * entropy {@code H = −(1/N) Σ_j Σ_c p_jc log₂ p_jc}. A clean input's blends are classified all
 * over the place (high entropy); a triggered input's keep the target (low entropy). The threshold
 * is the clean entropies' quantile at the chosen false rejection rate (FRR, clean inputs refused);
 * the false acceptance rate (FAR) is the share of triggered inputs above it.
 */
public final class Strip {

    /** The entropies of clean and triggered inputs, the threshold at the FRR asked for, and both rates as measured. */
    public record Result(double[] cleanEntropy, double[] triggeredEntropy, double threshold, double falseRejection,
                         double falseAcceptance, int overlays) {
    }

    private Strip() {
    }

    /**
     * @param model       the classifier's softmax output for a batch of flattened images
     * @param clean       clean inputs to score, [n, h·w]
     * @param triggered   triggered inputs to score, [m, h·w]
     * @param overlays    the defender's clean images blended in, [k, h·w]
     */
    public static Result run(java.util.function.UnaryOperator<INDArray> model, INDArray clean, INDArray triggered, INDArray overlays,
                             int n, double rejection, long seed) {
        Random random = new Random(seed);
        double[] cleanEntropy = entropies(model, clean, overlays, n, random);
        double[] triggeredEntropy = entropies(model, triggered, overlays, n, random);
        double[] sorted = cleanEntropy.clone();
        Arrays.sort(sorted);
        double threshold = sorted[Math.min(sorted.length - 1, (int) Math.floor(rejection * sorted.length))];
        int rejected = 0;
        for (double h : cleanEntropy) {
            rejected += h < threshold ? 1 : 0;
        }
        int accepted = 0;
        for (double h : triggeredEntropy) {
            accepted += h >= threshold ? 1 : 0;
        }
        return new Result(cleanEntropy, triggeredEntropy, threshold, (double) rejected / cleanEntropy.length,
                (double) accepted / triggeredEntropy.length, n);
    }

    private static double[] entropies(java.util.function.UnaryOperator<INDArray> model, INDArray inputs, INDArray overlays, int n,
                                      Random random) {
        int count = (int) inputs.size(0);
        int pixels = (int) inputs.size(1);
        float[][] x = inputs.castTo(DataType.FLOAT).toFloatMatrix();
        float[][] o = overlays.castTo(DataType.FLOAT).toFloatMatrix();
        double[] entropy = new double[count];
        for (int i = 0; i < count; i++) {
            float[] blends = new float[n * pixels];
            for (int j = 0; j < n; j++) {
                float[] overlay = o[random.nextInt(o.length)];
                for (int k = 0; k < pixels; k++) {
                    blends[j * pixels + k] = Math.min(1f, x[i][k] + overlay[k]);
                }
            }
            double[][] p = model.apply(Nd4j.create(blends, new long[] {n, pixels}, 'c')).castTo(DataType.DOUBLE).toDoubleMatrix();
            double h = 0;
            for (double[] row : p) {
                for (double v : row) {
                    h -= v > 0 ? v * Math.log(v) / Math.log(2) : 0;
                }
            }
            entropy[i] = h / n;
        }
        return entropy;
    }
}
