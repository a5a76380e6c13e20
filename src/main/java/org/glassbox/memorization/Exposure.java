package org.glassbox.memorization;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The exposure of a secret (Carlini et al. 2019, "The Secret Sharer", §4): with its rank among the
 * |R| candidates of its format ordered by the model's log-perplexity (1 when no candidate is more
 * likely), {@code exposure = log₂ |R| − log₂ rank}. Extrapolated from a sample of candidates, as
 * TF Privacy's {@code exposures.py} does: fit a skew-normal to the sample's log-perplexities and
 * take {@code −log₂ F(secret)}, the share of all candidates expected to be more likely.
 */
public final class Exposure {

    private Exposure() {
    }

    /** 1 + the number of candidates with a strictly lower log-perplexity than the secret's. */
    public static long rank(double[] candidates, double secret) {
        long lower = 0;
        for (double c : candidates) {
            lower += c < secret ? 1 : 0;
        }
        return lower + 1;
    }

    /** log₂ |R| − log₂ rank over every candidate (the secret among them). */
    public static double exact(double[] candidates, double secret) {
        return log2(candidates.length) - log2(rank(candidates, secret));
    }

    /**
     * −log₂ of the skew-normal CDF at the secret's log-perplexity, fitted to a sample of
     * candidates; capped at log₂ |R|, since no secret is more exposed than rank 1 of all.
     */
    public static double extrapolated(double[] sample, double secret, double candidates) {
        double cdf = SkewNormal.fit(sample).cdf(secret);
        return Math.min(log2(candidates), -log2(Math.max(cdf, Double.MIN_NORMAL)));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * The skew-normal distribution with location ξ, scale ω and shape α, density
     * {@code 2/ω φ(z) Φ(αz)}, z = (x − ξ)/ω; CDF {@code Φ(z) − 2 T(z, α)} with Owen's T function.
     * Fitted by the method of moments (TF Privacy fits by maximum likelihood through SciPy); the
     * sample skewness is clipped just under the largest a skew-normal can have (0.9953).
     */
    public record SkewNormal(double location, double scale, double shape) {

        private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
        /** δ's bound: |δ| < 1. */
        private static final double MAX_SKEW = 0.995;
        /** A skew-normal's skewness is below 0.9953 (δ → 1); a sample's is clipped just under it. */
        private static final double MAX_SAMPLE_SKEW = 0.99;
        private static final org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory GAUSS =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory();

        public static SkewNormal fit(double[] x) {
            int n = x.length;
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= n;
            double m2 = 0;
            double m3 = 0;
            for (double v : x) {
                double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
            }
            m2 /= n;
            m3 /= n;
            double skew = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
            skew = Math.max(-MAX_SAMPLE_SKEW, Math.min(MAX_SAMPLE_SKEW, skew));
            // |δ| from the skewness: γ = (4 − π)/2 · (δ√(2/π))³ / (1 − 2δ²/π)^{3/2}
            double a = Math.pow(Math.abs(skew), 2.0 / 3);
            double b = Math.pow((4 - Math.PI) / 2, 2.0 / 3);
            double delta = Math.signum(skew) * Math.sqrt(Math.PI / 2 * a / (a + b));
            delta = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, delta));
            double shape = delta / Math.sqrt(1 - delta * delta);
            double scale = Math.sqrt(m2 / (1 - 2 * delta * delta / Math.PI));
            double location = mean - scale * delta * Math.sqrt(2 / Math.PI);
            return new SkewNormal(location, scale == 0 ? Double.MIN_NORMAL : scale, shape);
        }

        public double cdf(double x) {
            double z = (x - location) / scale;
            return Math.max(0, Math.min(1, STANDARD.cumulativeProbability(z) - 2 * owensT(z, shape)));
        }

        /**
         * Owen's T(h, a) = (1/2π) ∫₀^a exp(−h²(1 + x²)/2) / (1 + x²) dx, by Gauss–Legendre quadrature
         * on 64 nodes over [0, a] (the integrand is smooth and bounded).
         */
        static double owensT(double h, double a) {
            if (a == 0) {
                return 0;
            }
            if (a < 0) {
                return -owensT(h, -a);
            }
            return GAUSS.legendre(64, 0, a).integrate(x -> Math.exp(-h * h * (1 + x * x) / 2) / (1 + x * x)) / (2 * Math.PI);
        }
    }
}
