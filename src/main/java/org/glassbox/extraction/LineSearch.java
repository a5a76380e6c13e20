package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Critical points of the black box along a line x(t) = o + t·v: the values of t where some
 * neuron's pre-activation crosses zero and the output's slope along the line changes.
 *
 * <p>Recursive bisection with a linearity test (Carlini, Jagielski and Mironov 2020, after
 * Jagielski et al.): an interval [l, h] is taken to hold no kink when the midpoint lies on the
 * chord, |f(m) − (f(l) + f(h))/2| ≤ tol for every output. Otherwise the "two-line" shortcut tries
 * a single kink: the lines through f(l), f(q1) and through f(q3), f(h) (q1, q3 the quarter points)
 * meet at t* = l + (f(h) − f(l) − (h − l)·s_R) / (s_L − s_R); t* is accepted, exactly up to
 * rounding, when f(t*), f(m) and f(t* ± ε) lie on the predicted lines for every output. Failing
 * that, both halves are searched. Kinks whose slope changes cancel in every output are invisible
 * to any black-box method and are missed.
 */
public final class LineSearch {

    /** A critical point on the line, at parameter t. */
    public record Kink(double t, double[] x) {
    }

    private static final int MAX_DEPTH = 80;

    private final Oracle oracle;
    private final Noise noise;
    private final double minWidth;

    /**
     * @param noise    the largest deviation from a straight line that still counts as straight
     * @param minWidth intervals narrower than this are reported as a kink at their midpoint
     */
    public LineSearch(Oracle oracle, Noise noise, double minWidth) {
        this.oracle = oracle;
        this.noise = noise;
        this.minWidth = minWidth;
    }

    /** The kinks of f(o + t·v) for t in [lo, hi], in increasing t. */
    public List<Kink> kinks(double[] o, double[] v, double lo, double hi) {
        List<Kink> found = new ArrayList<>();
        search(o, v, lo, f(o, v, lo), hi, f(o, v, hi), 0, found);
        return found;
    }

    private double[] f(double[] o, double[] v, double t) {
        return oracle.query(point(o, v, t));
    }

    static double[] point(double[] o, double[] v, double t) {
        double[] x = new double[o.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = o[i] + t * v[i];
        }
        return x;
    }

    private void search(double[] o, double[] v, double l, double[] fl, double h, double[] fh, int depth, List<Kink> found) {
        double m = 0.5 * (l + h);
        double[] fm = f(o, v, m);
        if (straight(fl, fm, fh)) {
            return;
        }
        if (h - l < minWidth || depth >= MAX_DEPTH) {
            found.add(new Kink(m, point(o, v, m)));
            return;
        }
        double q1 = 0.5 * (l + m);
        double q3 = 0.5 * (m + h);
        double[] f1 = f(o, v, q1);
        double[] f3 = f(o, v, q3);
        Double single = twoLines(o, v, l, fl, q1, f1, m, fm, q3, f3, h, fh);
        if (single != null) {
            found.add(new Kink(single, point(o, v, single)));
            return;
        }
        search(o, v, l, fl, m, fm, depth + 1, found);
        search(o, v, m, fm, h, fh, depth + 1, found);
    }

    /** The single kink in (q1, q3) if the two outer quarter-lines explain every sample, else null. */
    private Double twoLines(double[] o, double[] v, double l, double[] fl, double q1, double[] f1, double m, double[] fm,
                            double q3, double[] f3, double h, double[] fh) {
        int outputs = fl.length;
        double estimate = Double.NaN;
        int best = -1;
        double bestJump = 0;
        double[] sL = new double[outputs];
        double[] sR = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            sL[k] = (f1[k] - fl[k]) / (q1 - l);
            sR[k] = (fh[k] - f3[k]) / (h - q3);
            double jump = Math.abs(sL[k] - sR[k]);
            if (jump > bestJump) {
                bestJump = jump;
                best = k;
            }
        }
        if (best < 0 || bestJump * (h - l) <= noise.at(Math.max(Math.abs(fl[best]), Math.abs(fh[best])))) {
            return null;
        }
        estimate = l + (fh[best] - fl[best] - (h - l) * sR[best]) / (sL[best] - sR[best]);
        if (!(estimate > q1 && estimate < q3)) {
            return null;
        }
        double[] fx = f(o, v, estimate);
        double eps = 0.01 * (q1 - l);
        double[] before = f(o, v, estimate - eps);
        double[] after = f(o, v, estimate + eps);
        for (int k = 0; k < outputs; k++) {
            double tolerance = 4 * noise.at(Math.max(Math.max(Math.abs(fl[k]), Math.abs(fh[k])), Math.abs(fm[k])));
            if (Math.abs(before[k] - (fl[k] + sL[k] * (estimate - eps - l))) > tolerance
                    || Math.abs(after[k] - (fh[k] + sR[k] * (estimate + eps - h))) > tolerance) {
                return null;
            }
            double left = fl[k] + sL[k] * (estimate - l);
            double right = fh[k] + sR[k] * (estimate - h);
            if (Math.abs(fx[k] - left) > tolerance || Math.abs(fx[k] - right) > tolerance) {
                return null;
            }
            double predictedMid = m < estimate ? fl[k] + sL[k] * (m - l) : fh[k] + sR[k] * (m - h);
            if (Math.abs(fm[k] - predictedMid) > tolerance) {
                return null;
            }
        }
        return estimate;
    }

    private boolean straight(double[] fl, double[] fm, double[] fh) {
        for (int k = 0; k < fl.length; k++) {
            if (Math.abs(fm[k] - 0.5 * (fl[k] + fh[k])) > noise.at(Math.max(Math.abs(fl[k]), Math.abs(fh[k])))) {
                return false;
            }
        }
        return true;
    }
}
