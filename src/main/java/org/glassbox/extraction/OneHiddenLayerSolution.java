package org.glassbox.extraction;

import java.util.List;
import java.util.Random;

/**
 * The whole network, once the first layer is known and nothing deeper was seen: a one-hidden-layer
 * ReLU network f(x) = A·ReLU(Wx + b) + c.
 *
 * <p><b>Last layer</b> (Carlini et al.'s {@code solve_final_layer}): with unit rows (ŵᵢ, b̂ᵢ) of
 * unknown sign sᵢ, ReLU(−z) = ReLU(z) − z, so f(x) = Σᵢ âᵢ ReLU(ŵᵢ·x + b̂ᵢ) + L·x + l exactly, where
 * the affine part L·x + l collects −âᵢ(ŵᵢ·x + b̂ᵢ) of the flipped neurons. (â, L, l) follow by least
 * squares (Householder QR) from 2(n + d + 1) queries at random inputs.
 *
 * <p><b>Signs</b>: L = −Σ_{i flipped} âᵢ ŵᵢ. When the ŵᵢ are linearly independent (n ≤ d, a
 * contractive layer), L = Σ γᵢ ŵᵢ has one solution, γᵢ ≈ −âᵢ for a flipped neuron and 0 otherwise; the
 * flipped rows are negated and the last layer solved again without the affine part. With more
 * neurons than inputs the signs are not determined this way (Carlini et al. follow hyperplanes, or
 * Canales-Martínez et al. wiggle neurons, for that); the function is still exact, written with the
 * affine skip term.
 *
 * @param w          the recovered first layer, unit rows, signs applied when known
 * @param a          the last layer, [outputs][neurons]
 * @param skip       the affine skip term's weights, [outputs][inputs], zero when the signs are known
 * @param c          the output biases
 * @param signsKnown whether the signs were recovered
 * @param queries    the queries spent on the last layer
 */
public record OneHiddenLayerSolution(double[][] w, double[] b, double[][] a, double[][] skip, double[] c, boolean signsKnown,
                                     long queries) {

    /** The same network as a {@link RecoveredNetwork}. */
    public RecoveredNetwork network() {
        return new RecoveredNetwork(java.util.List.of(w, a), java.util.List.of(b, c), skip, signsKnown, queries);
    }

    /** Solves the last layer (and the signs, when the layer is contractive); null if the fit is singular. */
    public static OneHiddenLayerSolution solve(Oracle oracle, List<Hyperplane> neurons, long seed, double scale) {
        int n = neurons.size();
        int d = oracle.inputs();
        long before = oracle.queries();
        Random random = new Random(seed);
        int rows = 2 * (n + d + 1);
        double[][] xs = new double[rows][d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                x[j] = scale * random.nextGaussian();
            }
        }
        double[][] ys = oracle.query(xs);
        double[][] w = new double[n][];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = neurons.get(i).w().clone();
            b[i] = neurons.get(i).b();
        }
        double[][] beta = LinearSolve.leastSquares(features(xs, w, b, true), ys);
        if (beta == null) {
            return null;
        }
        int k = oracle.outputs();
        boolean signsKnown = false;
        if (n <= d) {
            // L (outputs × d) = Σ γ_i ŵ_i: least squares of Lᵀ on the ŵ_i as columns.
            double[][] basis = new double[d][n];
            double[][] linear = new double[d][k];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    basis[j][i] = w[i][j];
                }
                for (int o = 0; o < k; o++) {
                    linear[j][o] = beta[n + j][o];
                }
            }
            double[][] gamma = LinearSolve.leastSquares(basis, linear);
            if (gamma != null) {
                for (int i = 0; i < n; i++) {
                    double flipped = 0;
                    double kept = 0;
                    for (int o = 0; o < k; o++) {
                        flipped += Math.abs(gamma[i][o] + beta[i][o]);
                        kept += Math.abs(gamma[i][o]);
                    }
                    if (flipped < kept) {
                        for (int j = 0; j < d; j++) {
                            w[i][j] = -w[i][j];
                        }
                        b[i] = -b[i];
                    }
                }
                double[][] exact = LinearSolve.leastSquares(features(xs, w, b, false), ys);
                if (exact != null) {
                    beta = exact;
                    signsKnown = true;
                }
            }
        }
        double[][] a = new double[k][n];
        double[][] skip = new double[k][d];
        double[] c = new double[k];
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < n; i++) {
                a[o][i] = beta[i][o];
            }
            if (!signsKnown) {
                for (int j = 0; j < d; j++) {
                    skip[o][j] = beta[n + j][o];
                }
            }
            c[o] = beta[beta.length - 1][o];
        }
        return new OneHiddenLayerSolution(w, b, a, skip, c, signsKnown, oracle.queries() - before);
    }

    /** Rows [ReLU(Wx + b), x (when withAffine), 1]. */
    private static double[][] features(double[][] xs, double[][] w, double[] b, boolean withAffine) {
        int n = w.length;
        int d = xs[0].length;
        double[][] f = new double[xs.length][n + (withAffine ? d : 0) + 1];
        for (int r = 0; r < xs.length; r++) {
            for (int i = 0; i < n; i++) {
                double z = b[i];
                for (int j = 0; j < d; j++) {
                    z += w[i][j] * xs[r][j];
                }
                f[r][i] = Math.max(0, z);
            }
            if (withAffine) {
                System.arraycopy(xs[r], 0, f[r], n, d);
            }
            f[r][f[r].length - 1] = 1;
        }
        return f;
    }
}
