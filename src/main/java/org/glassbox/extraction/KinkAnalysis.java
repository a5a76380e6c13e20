package org.glassbox.extraction;

import java.util.Optional;
import java.util.Random;

/**
 * What one critical point tells: the hyperplane of the neuron that kinks there, and whether that
 * hyperplane is a first-layer one.
 *
 * <p><b>Normal.</b> Crossing neuron i's boundary changes the network's input gradient by a rank-one
 * jump, ∇f(x⁺) − ∇f(x⁻) = c·wᵢᵀ (one row per output), so the largest row of the jump is parallel
 * to wᵢ. The gradients on either side come from finite differences taken inside the two linear
 * pieces, at x* ± δv; there f is exactly linear, so forward and backward differences agree up to
 * rounding (checked; the step shrinks if they do not), and the error is the rounding of f divided
 * by the step. The bias follows from the kink: b = −w·x*. This is the "gradient on both sides"
 * variant of the normal estimate (Rolnick and Kording fit nearby boundary points instead; Carlini
 * et al. use second differences along the axes).
 *
 * <p><b>First layer or deeper.</b> A first-layer neuron's boundary is the whole hyperplane; a
 * deeper one's bends where it meets earlier boundaries (Rolnick and Kording 2020, Algorithm 1's
 * TestHyperplane). Probes on the hyperplane away from x* show a kink across it for a first-layer
 * neuron (wherever something downstream listens) and mostly none for a deeper one.
 */
public final class KinkAnalysis {

    /** A critical point's neuron: its hyperplane and the size of the gradient jump that showed it. */
    public record Witness(double[] x, Hyperplane plane, double jump) {
    }

    private final Oracle oracle;
    private final Noise noise;

    public KinkAnalysis(Oracle oracle, Noise noise) {
        this.oracle = oracle;
        this.noise = noise;
    }

    /**
     * The hyperplane through the kink at x, found along the unit direction v; {@code room} is how
     * far along v the nearest other kink is (either side). Empty if the two sides do not show a
     * clean rank-one jump.
     */
    public Optional<Witness> hyperplaneAt(double[] x, double[] v, double room) {
        double delta = Math.min(1e-3 * (1 + norm(x)), 0.4 * room);
        double[] pL = LineSearch.point(x, v, -delta);
        double[] pR = LineSearch.point(x, v, delta);
        Local leftPiece = gradient(pL, delta / 2);
        Local rightPiece = gradient(pR, delta / 2);
        if (leftPiece == null || rightPiece == null) {
            return Optional.empty();
        }
        double[][] left = leftPiece.jacobian();
        double[][] right = rightPiece.jacobian();
        int best = -1;
        double bestNorm = 0;
        double[][] jump = new double[left.length][x.length];
        for (int k = 0; k < left.length; k++) {
            double n = 0;
            for (int j = 0; j < x.length; j++) {
                jump[k][j] = right[k][j] - left[k][j];
                n += jump[k][j] * jump[k][j];
            }
            if (n > bestNorm) {
                bestNorm = n;
                best = k;
            }
        }
        // The noise scale of the outputs near x: f(pL) is already known and differs from f(x) by at most δ·slope.
        if (best < 0 || Math.sqrt(bestNorm) * delta <= 4 * noise.at(magnitude(leftPiece.value()))) {
            return Optional.empty();
        }
        double[] w = jump[best];
        // The kink where the two linear pieces meet along v: f_L(pL + sv) = f_R(pR + (s − 2δ)v) for output k,
        // exact whatever the error of x, so that b = −w·x* is as good as w.
        double slopeL = 0;
        double slopeR = 0;
        for (int j = 0; j < w.length; j++) {
            slopeL += left[best][j] * v[j];
            slopeR += right[best][j] * v[j];
        }
        double s = (rightPiece.value()[best] - leftPiece.value()[best] - 2 * delta * slopeR) / (slopeL - slopeR);
        double[] kink = LineSearch.point(pL, v, s);
        if (!(s > 0 && s < 2 * delta)) {
            kink = x.clone();
        }
        double b = 0;
        for (int j = 0; j < w.length; j++) {
            b -= w[j] * kink[j];
        }
        return Optional.of(new Witness(kink, Hyperplane.of(w, b), Math.sqrt(bestNorm)));
    }

    /** f at a point and its Jacobian there (one row per output). */
    private record Local(double[] value, double[][] jacobian) {
    }

    /**
     * The Jacobian of f at p, one row per output, from forward and backward differences of step h
     * that must agree (else a boundary is within h, and h shrinks, up to three times); null if
     * they never agree.
     */
    private Local gradient(double[] p, double h) {
        for (int attempt = 0; attempt < 4; attempt++, h /= 8) {
            double[] f0 = oracle.query(p);
            double[][] g = new double[f0.length][p.length];
            boolean agree = true;
            for (int j = 0; j < p.length && agree; j++) {
                double[] up = p.clone();
                up[j] += h;
                double[] down = p.clone();
                down[j] -= h;
                double[] fu = oracle.query(up);
                double[] fd = oracle.query(down);
                for (int k = 0; k < f0.length; k++) {
                    double forward = (fu[k] - f0[k]) / h;
                    double backward = (f0[k] - fd[k]) / h;
                    if (Math.abs(forward - backward) * h > 4 * noise.at(Math.max(Math.abs(fu[k]), Math.abs(fd[k])))) {
                        agree = false;
                        break;
                    }
                    g[k][j] = 0.5 * (forward + backward);
                }
            }
            if (agree) {
                return new Local(f0, g);
            }
        }
        return null;
    }

    /**
     * Whether the hyperplane through the witness behaves as a first-layer neuron's: of
     * {@code probes} points on it at distances of 0.25 to 1 times {@code radius} from its point
     * nearest the origin, at least {@code share} show a kink across it. Probing around that point
     * rather than the witness matters where the witness lies far out: there a deeper neuron's
     * boundary runs straight through a whole cone of fixed first-layer pattern.
     */
    public boolean extendsEverywhere(Witness witness, Random random, double radius, int probes, double share) {
        double[] w = witness.plane().w();
        double[] foot = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            foot[j] = -witness.plane().b() * w[j];
        }
        Witness centre = new Witness(foot, witness.plane(), witness.jump());
        int kinks = 0;
        for (int p = 0; p < probes; p++) {
            double[] q = onPlane(centre, random, radius);
            if (kinkAcross(q, w)) {
                kinks++;
            }
        }
        return kinks >= share * probes;
    }

    /**
     * Precision refinement after Carlini, Jagielski and Mironov (2020, §"precision"): critical
     * points found exactly (the two-line intersection) on short lines across the estimated plane,
     * at random places on it within {@code radius} of the witness, then the plane through them by
     * least squares. With x_p the largest entry of w, the plane is written x_p = Σ_{i≠p} a_i x_i + c
     * and (a, c) solves the normal equations over 2d points; w ∝ (−a, 1 at p), b = −c. Empty if
     * fewer than d + 1 exact points were found (the neuron hidden there by dead neurons downstream).
     */
    public Optional<Hyperplane> refine(Witness witness, Random random, double radius) {
        Hyperplane h = witness.plane();
        double[] w = h.w();
        int d = w.length;
        LineSearch search = new LineSearch(oracle, noise, 0);
        java.util.List<double[]> points = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 12 * d + 12 && points.size() < 4 * d + 4; attempt++) {
            double[] q = onPlane(witness, random, radius);
            double span = 1e-4 * (1 + norm(q));
            java.util.List<LineSearch.Kink> kinks = search.kinks(q, w, -span, span);
            if (kinks.size() == 1) {
                points.add(kinks.get(0).x());
            }
        }
        if (points.size() < d + 1) {
            return Optional.empty();
        }
        for (int round = 0; round < 3 && points.size() >= d + 1; round++) {
            Hyperplane fit = fit(points, w);
            if (fit == null) {
                return Optional.empty();
            }
            // A point of another neuron's boundary, met within the short line, is an outlier: drop it and fit again.
            double[] residual = new double[points.size()];
            for (int i = 0; i < residual.length; i++) {
                residual[i] = Math.abs(fit.value(points.get(i))) / (1 + norm(points.get(i)));
            }
            double[] sorted = residual.clone();
            java.util.Arrays.sort(sorted);
            double limit = Math.max(1e-11, 100 * sorted[sorted.length / 2]);
            java.util.List<double[]> kept = new java.util.ArrayList<>();
            for (int i = 0; i < residual.length; i++) {
                if (residual[i] <= limit) {
                    kept.add(points.get(i));
                }
            }
            if (kept.size() == points.size()) {
                return sorted[sorted.length - 1] < 1e-9 && fit.sameAs(h, 1e-6) ? Optional.of(fit) : Optional.empty();
            }
            points = kept;
        }
        return Optional.empty();
    }

    /**
     * The least-squares plane x_p = Σ_{i≠p} a_i (x_i − x̄_i) + c through the points, p the largest
     * entry of the guess w, by Householder QR on centred coordinates (the normal equations would
     * square the condition number, and points far from the origin make it large).
     */
    private static Hyperplane fit(java.util.List<double[]> points, double[] w) {
        int d = w.length;
        int p = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(w[j]) > Math.abs(w[p])) {
                p = j;
            }
        }
        double[] mean = new double[d];
        for (double[] x : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / points.size();
            }
        }
        double[][] design = new double[points.size()][d];
        double[][] target = new double[points.size()][1];
        for (int r = 0; r < points.size(); r++) {
            double[] x = points.get(r);
            for (int j = 0, k = 0; j < d; j++) {
                if (j != p) {
                    design[r][k++] = x[j] - mean[j];
                }
            }
            design[r][d - 1] = 1;
            target[r][0] = x[p] - mean[p];
        }
        double[][] solution = LinearSolve.leastSquares(design, target);
        if (solution == null) {
            return null;
        }
        // x_p − x̄_p = Σ a_i (x_i − x̄_i) + c, so w = (−a, 1 at p) and b = −(w·x̄) − c.
        double[] refined = new double[d];
        for (int j = 0, k = 0; j < d; j++) {
            refined[j] = j == p ? 1 : -solution[k++][0];
        }
        double b = -solution[d - 1][0];
        for (int j = 0; j < d; j++) {
            b -= refined[j] * mean[j];
        }
        return Hyperplane.of(refined, b);
    }

    /** A random point of the witness's plane at a distance of 0.25 to 1 times {@code radius} from it. */
    private static double[] onPlane(Witness witness, Random random, double radius) {
        double[] w = witness.plane().w();
        double[] u = new double[w.length];
        double dot = 0;
        for (int j = 0; j < u.length; j++) {
            u[j] = random.nextGaussian();
            dot += u[j] * w[j];
        }
        double n = 0;
        for (int j = 0; j < u.length; j++) {
            u[j] -= dot * w[j];
            n += u[j] * u[j];
        }
        double r = radius * (0.25 + 0.75 * random.nextDouble()) / Math.sqrt(n);
        double[] q = witness.x().clone();
        for (int j = 0; j < q.length; j++) {
            q[j] += r * u[j];
        }
        double shift = witness.plane().value(q);
        for (int j = 0; j < q.length; j++) {
            q[j] -= shift * w[j];
        }
        return q;
    }

    /**
     * Whether the plane is where the box kinks: at {@code points} random places on it within
     * {@code radius} of the witness, a short line across it (±10⁻⁶(1 + ‖q‖)) holds exactly one kink.
     */
    public boolean confirms(Witness witness, Random random, double radius, int points) {
        LineSearch search = new LineSearch(oracle, noise, 0);
        for (int i = 0; i < points; i++) {
            double[] q = onPlane(witness, random, radius);
            double span = 1e-6 * (1 + norm(q));
            if (search.kinks(q, witness.plane().w(), -span, span).size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** A second difference across the plane at q: |f(q + εw) + f(q − εw) − 2f(q)| above the noise. */
    private boolean kinkAcross(double[] q, double[] w) {
        double eps = 1e-3 * (1 + norm(q));
        double[] fq = oracle.query(q);
        double[] fu = oracle.query(LineSearch.point(q, w, eps));
        double[] fd = oracle.query(LineSearch.point(q, w, -eps));
        for (int k = 0; k < fq.length; k++) {
            if (Math.abs(fu[k] + fd[k] - 2 * fq[k]) > 16 * noise.at(fq[k])) {
                return true;
            }
        }
        return false;
    }

    private static double magnitude(double[] f) {
        double m = 0;
        for (double v : f) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
