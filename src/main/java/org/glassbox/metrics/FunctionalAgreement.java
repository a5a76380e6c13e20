package org.glassbox.metrics;

import java.util.function.Function;

/**
 * How closely a recovered network computes the true one (Carlini et al.'s functional equivalence):
 * the largest output difference max|f(x) − f̂(x)| over a set of inputs, and the fraction of inputs
 * on which the two pick the same largest output (for classifiers).
 */
public record FunctionalAgreement(double maxError, double argmaxAgreement, int inputs) {

    public static FunctionalAgreement over(Function<double[], double[]> truth, Function<double[], double[]> recovered,
                                           double[][] inputs) {
        double max = 0;
        int same = 0;
        for (double[] x : inputs) {
            double[] f = truth.apply(x);
            double[] g = recovered.apply(x);
            for (int k = 0; k < f.length; k++) {
                max = Math.max(max, Math.abs(f[k] - g[k]));
            }
            same += argmax(f) == argmax(g) ? 1 : 0;
        }
        return new FunctionalAgreement(max, inputs.length == 0 ? 1 : same / (double) inputs.length, inputs.length);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
