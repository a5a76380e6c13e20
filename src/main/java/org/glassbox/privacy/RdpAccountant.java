package org.glassbox.privacy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * The Rényi-DP accountant of DP-SGD: the RDP of the Poisson-subsampled Gaussian mechanism at each
 * order α (Mironov, Talwar and Zhang, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism", 2019), composed over steps by adding (Mironov, "Rényi Differential Privacy", CSF
 * 2017, Prop. 1), and turned into (ε, δ).
 *
 * <p>With sampling rate q and noise multiplier σ, for an integer α,
 * {@code A_α = Σ_{i=0..α} C(α, i) qⁱ (1 − q)^{α−i} exp((i² − i) / (2σ²))} and
 * {@code RDP(α) = log A_α / (α − 1)}; for a fractional α the two erfc series of §3.3 of the 2019
 * paper, with {@code z₀ = σ² ln(1/q − 1) + 1/2}; for q = 1, {@code α / (2σ²)}. Everything is summed
 * in log space so that large orders (α = 1024) and small q neither overflow nor underflow.
 */
public final class RdpAccountant {

    /** The orders dp_accounting uses by default: 1.1 to 10.9 by 0.1, 11 to 63, and 128, 256, 512, 1024. */
    public static final double[] DEFAULT_ORDERS = defaultOrders();

    private RdpAccountant() {
    }

    private static double[] defaultOrders() {
        List<Double> orders = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            orders.add(1 + x / 10.0);
        }
        for (int a = 11; a < 64; a++) {
            orders.add((double) a);
        }
        for (int a : new int[] {128, 256, 512, 1024}) {
            orders.add((double) a);
        }
        return orders.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** RDP at order α of one step of the Gaussian mechanism with noise multiplier σ on a Poisson sample of rate q. */
    public static double sampledGaussian(double q, double sigma, double alpha) {
        if (!(q >= 0 && q <= 1) || !(sigma > 0) || !(alpha > 1)) {
            throw new IllegalArgumentException("q = " + q + ", σ = " + sigma + ", α = " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 1) {
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) ? logAInteger(q, sigma, (int) alpha) : logAFractional(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    /** The RDP of {@code steps} steps at each order: steps · RDP(α). */
    public static double[] compose(double q, double sigma, long steps, double[] orders) {
        double[] rdp = new double[orders.length];
        for (int k = 0; k < orders.length; k++) {
            rdp[k] = steps * sampledGaussian(q, sigma, orders[k]);
        }
        return rdp;
    }

    /** log A_α for an integer α: a log-sum-exp over the α + 1 terms of the binomial expansion. */
    private static double logAInteger(double q, double sigma, int alpha) {
        double logA = Double.NEGATIVE_INFINITY;
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        for (int i = 0; i <= alpha; i++) {
            double term = logBinomial(alpha, i) + i * logQ + (alpha - i) * log1mQ + (i * (double) i - i) / (2 * sigma * sigma);
            logA = logAdd(logA, term);
        }
        return logA;
    }

    /**
     * log A_α for a fractional α: the sum of the two series of Mironov, Talwar and Zhang (2019,
     * §3.3), each term a generalised binomial coefficient times an erfc, summed until both terms
     * fall below e^−30 (the terms of a series whose coefficients change sign are added or subtracted
     * in log space by their sign).
     */
    private static double logAFractional(double q, double sigma, double alpha) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double logCoef = 0; // log |C(α, 0)|
        boolean positive = true;
        for (int i = 0; i < 100_000; i++) {
            if (i > 0) {
                double factor = (alpha - i + 1) / i;
                logCoef += Math.log(Math.abs(factor));
                if (factor < 0) {
                    positive = !positive;
                }
            }
            double j = alpha - i;
            double logT0 = logCoef + i * logQ + j * log1mQ;
            double logT1 = logCoef + j * logQ + i * log1mQ;
            double logE0 = Math.log(0.5) + logErfc((i - z0) / (Math.sqrt(2) * sigma));
            double logE1 = Math.log(0.5) + logErfc((z0 - j) / (Math.sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (positive) {
                logA0 = logAdd(logA0, logS0);
                logA1 = logAdd(logA1, logS1);
            } else {
                logA0 = logSubtract(logA0, logS0);
                logA1 = logSubtract(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < -30) {
                break;
            }
        }
        return logAdd(logA0, logA1);
    }

    /**
     * The ε of (ε, δ)-DP implied by the RDP curve, by the conversion of Balle et al. 2020 (Thm 21;
     * Canonne, Kamath and Steinke 2020, Prop. 12), minimised over the orders:
     * {@code ε = min_α [RDP(α) + log((α − 1)/α) − (log δ + log α)/(α − 1)]}, never below 0.
     */
    public static Conversion epsilon(double[] orders, double[] rdp, double delta) {
        return minimise(orders, rdp, delta, (a, r) -> r + Math.log1p(-1 / a) - (Math.log(delta) + Math.log(a)) / (a - 1));
    }

    /** The older conversion (Mironov 2017, Prop. 3), {@code ε = min_α [RDP(α) + log(1/δ)/(α − 1)]}, looser; for comparison with tools that use it. */
    public static Conversion epsilonClassic(double[] orders, double[] rdp, double delta) {
        return minimise(orders, rdp, delta, (a, r) -> r + Math.log(1 / delta) / (a - 1));
    }

    /** The least ε a conversion gives over the orders above 1 with a finite RDP, never below 0, and its order. */
    private static Conversion minimise(double[] orders, double[] rdp, double delta, java.util.function.DoubleBinaryOperator conversion) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("δ must be in (0, 1), was " + delta);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int k = 0; k < orders.length; k++) {
            if (orders[k] <= 1 || Double.isInfinite(rdp[k])) {
                continue;
            }
            double eps = conversion.applyAsDouble(orders[k], rdp[k]);
            if (eps < best) {
                best = eps;
                bestOrder = orders[k];
            }
        }
        return new Conversion(Math.max(0, best), bestOrder);
    }

    /**
     * The smallest noise multiplier σ (to 0.001) whose ε after {@code steps} steps at rate q is at
     * most {@code targetEpsilon} at δ, by bisection (ε falls as σ grows).
     */
    public static double noiseFor(double targetEpsilon, double delta, double q, long steps, double[] orders) {
        if (!(targetEpsilon > 0)) {
            throw new IllegalArgumentException("target ε must be positive, was " + targetEpsilon);
        }
        double lo = 0.01;
        double hi = 1;
        while (epsilon(orders, compose(q, hi, steps, orders), delta).epsilon() > targetEpsilon) {
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalArgumentException("no noise multiplier up to 1e6 reaches ε = " + targetEpsilon);
            }
        }
        while (hi - lo > 1e-3) {
            double mid = (lo + hi) / 2;
            if (epsilon(orders, compose(q, mid, steps, orders), delta).epsilon() > targetEpsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** ε, and the order α at which the minimum was reached. */
    public record Conversion(double epsilon, double order) {
    }

    /** log C(n, k) for integers, through log-gamma, exact enough for n up to thousands. */
    static double logBinomial(int n, int k) {
        return org.apache.commons.math3.special.Gamma.logGamma(n + 1.0) - org.apache.commons.math3.special.Gamma.logGamma(k + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(n - k + 1.0);
    }

    /**
     * log erfc(x), stable where erfc itself underflows (x beyond about 26): from x = 25 the asymptotic
     * series {@code erfc(x) ≈ e^{−x²} / (x √π) · (1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶))}.
     */
    static double logErfc(double x) {
        if (x < 25) {
            return Math.log(Erf.erfc(x));
        }
        double x2 = x * x;
        double series = 1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 * x2 * x2) + 105 / (16 * x2 * x2 * x2 * x2);
        return -x2 - Math.log(x) - 0.5 * Math.log(Math.PI) + Math.log(series);
    }

    /** log(e^a + e^b). */
    static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(lo - hi));
    }

    /** log(e^a − e^b) for a ≥ b; −∞ when they are equal. */
    static double logSubtract(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b > a) {
            throw new ArithmeticException("log of a negative number: the series of A_α went below zero");
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(b - a));
    }
}
