package org.glassbox.membership;

/**
 * The likelihood-ratio attack of Carlini et al. 2022, "Membership Inference Attacks From First
 * Principles" (reference code: tensorflow/privacy, research/mi_lira_2021).
 *
 * <p>Each example's statistic is the logit-scaled confidence φ = log p_y − log Σ_{y'≠y} p_{y'}.
 * Shadow models trained on random halves of a pool give, for every example, φ values from models
 * that saw it (IN) and from models that did not (OUT). Online, the score is the log-likelihood ratio
 * log N(φ_target; μ_in, σ_in²) − log N(φ_target; μ_out, σ_out²); offline, with OUT models only, it
 * is the one-sided test statistic (φ_target − μ_out) / σ_out (any increasing function of it, such as
 * the reference code's −log(1 − Φ), gives the same ROC). With few shadows the per-example σ is
 * noisy; the paper's fixed-variance variant uses one σ for all examples.
 */
public final class Lira {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** A floor on σ: an example whose shadows all agree would otherwise divide by zero. */
    static final double MIN_SIGMA = 1e-6;

    private Lira() {
    }

    /**
     * φ from the logits z and the true class y, in log space: log p_y − log Σ_{y'≠y} p_{y'} =
     * z_y − logsumexp_{y'≠y}(z_{y'}) (the softmax normaliser cancels), finite for any finite logits.
     */
    public static double logitScaledConfidence(double[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            if (k != label) {
                max = Math.max(max, logits[k]);
            }
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            if (k != label) {
                sum += Math.exp(logits[k] - max);
            }
        }
        return logits[label] - (max + Math.log(sum));
    }

    /** −log p_y from logits: logsumexp(z) − z_y. */
    public static double crossEntropy(double[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum) - logits[label];
    }

    static double logNormal(double x, double mean, double sigma) {
        double s = Math.max(sigma, MIN_SIGMA);
        double u = (x - mean) / s;
        return -0.5 * u * u - Math.log(s) - LOG_SQRT_2PI;
    }

    /** The fitted IN and OUT Gaussians of every example. NaN where an example has no IN (or no OUT) shadow. */
    public record Fits(double[] meanIn, double[] sigmaIn, double[] meanOut, double[] sigmaOut) {
    }

    /**
     * Fits the Gaussians from {@code phi[s][i]} (shadow s, example i) and {@code in[s][i]} (whether
     * shadow s trained on example i). With {@code fixedVariance}, each side's σ is the one pooled
     * over all examples (the root mean square of φ − μ); otherwise it is each example's own
     * standard deviation (the pooled σ stands in for an example with fewer than two samples on a side).
     */
    public static Fits fit(double[][] phi, boolean[][] in, boolean fixedVariance) {
        int n = phi[0].length;
        double[] meanIn = new double[n];
        double[] meanOut = new double[n];
        double[] sigmaIn = new double[n];
        double[] sigmaOut = new double[n];
        double[] pooledIn = {0, 0};
        double[] pooledOut = {0, 0};
        int[] countIn = new int[n];
        int[] countOut = new int[n];
        for (int i = 0; i < n; i++) {
            double sumIn = 0;
            double sumOut = 0;
            for (int s = 0; s < phi.length; s++) {
                if (in[s][i]) {
                    sumIn += phi[s][i];
                    countIn[i]++;
                } else {
                    sumOut += phi[s][i];
                    countOut[i]++;
                }
            }
            meanIn[i] = countIn[i] == 0 ? Double.NaN : sumIn / countIn[i];
            meanOut[i] = countOut[i] == 0 ? Double.NaN : sumOut / countOut[i];
            double squaresIn = 0;
            double squaresOut = 0;
            for (int s = 0; s < phi.length; s++) {
                double d = phi[s][i] - (in[s][i] ? meanIn[i] : meanOut[i]);
                if (in[s][i]) {
                    squaresIn += d * d;
                } else {
                    squaresOut += d * d;
                }
            }
            sigmaIn[i] = countIn[i] > 1 ? Math.sqrt(squaresIn / (countIn[i] - 1)) : Double.NaN;
            sigmaOut[i] = countOut[i] > 1 ? Math.sqrt(squaresOut / (countOut[i] - 1)) : Double.NaN;
            pooledIn[0] += squaresIn;
            pooledIn[1] += Math.max(0, countIn[i] - 1);
            pooledOut[0] += squaresOut;
            pooledOut[1] += Math.max(0, countOut[i] - 1);
        }
        double globalIn = pooledIn[1] > 0 ? Math.sqrt(pooledIn[0] / pooledIn[1]) : MIN_SIGMA;
        double globalOut = pooledOut[1] > 0 ? Math.sqrt(pooledOut[0] / pooledOut[1]) : MIN_SIGMA;
        for (int i = 0; i < n; i++) {
            if (fixedVariance || Double.isNaN(sigmaIn[i])) {
                sigmaIn[i] = globalIn;
            }
            if (fixedVariance || Double.isNaN(sigmaOut[i])) {
                sigmaOut[i] = globalOut;
            }
        }
        return new Fits(meanIn, sigmaIn, meanOut, sigmaOut);
    }

    /** Online scores; an example lacking IN shadows gets its offline score's rank position via the OUT side only. */
    public static double[] online(double[] targetPhi, Fits f) {
        double[] score = new double[targetPhi.length];
        for (int i = 0; i < score.length; i++) {
            double out = logNormal(targetPhi[i], f.meanOut()[i], f.sigmaOut()[i]);
            double in = Double.isNaN(f.meanIn()[i]) ? out : logNormal(targetPhi[i], f.meanIn()[i], f.sigmaIn()[i]);
            score[i] = Double.isNaN(f.meanOut()[i]) ? 0 : in - out;
        }
        return score;
    }

    /** Offline scores: how many OUT standard deviations the target's φ lies above the OUT mean. */
    public static double[] offline(double[] targetPhi, Fits f) {
        double[] score = new double[targetPhi.length];
        for (int i = 0; i < score.length; i++) {
            score[i] = Double.isNaN(f.meanOut()[i]) ? 0 : (targetPhi[i] - f.meanOut()[i]) / Math.max(f.sigmaOut()[i], MIN_SIGMA);
        }
        return score;
    }
}
