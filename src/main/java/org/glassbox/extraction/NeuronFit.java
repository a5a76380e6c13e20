package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A neuron of the layer after the known ones, fitted through its exact critical points: every
 * one satisfies F(p)·θ = 0 with F(p) = [ReLU(ẑ_m(p)), h_{m−1}(p), 1] and θ = (u, ℓ, β) as in
 * {@link BoundaryTrace}. The walks hand their points here; this class solves, polishes, keeps the
 * open span of a walk that does not determine its neuron, and checks a neuron against critical
 * points it predicts elsewhere.
 */
final class NeuronFit {

    private final KnownLayers known;
    private final Random random;
    private final LineSearch search;
    private final int m;
    private final int lowerWidth;
    private final double maxRadius;

    NeuronFit(KnownLayers known, LineSearch search, Random random, double maxRadius) {
        this.known = known;
        this.random = random;
        this.search = search;
        this.m = known.depth();
        this.lowerWidth = m == 1 ? known.inputs() : known.width(m - 2);
        this.maxRadius = maxRadius;
    }

    NeuronFit(Oracle oracle, Noise noise, KnownLayers known, Random random, double maxRadius) {
        this(known, new LineSearch(oracle, noise, 0), random, maxRadius);
    }

    /** |u| + |ℓ| + 1. */
    int unknowns() {
        return known.width(m - 1) + lowerWidth + 1;
    }

    /**
     * Carlini et al.'s lesson applied to the bends: the gradients carry the finite-difference error
     * of the first stretch's normal along the whole walk, but the critical points are exact. Every
     * one satisfies F(p)·θ = 0, F(p) = [ReLU(ẑ_m(p)), h_{m−1}(p), 1]; with enough of them in enough
     * regions, θ is the null vector of that system (the right singular vector of its smallest
     * singular value), scaled to the gradient solution θ (when θ is null, to the points' own null vector). Null when the points leave θ undetermined
     * (a second singular value near zero) or fit no θ (the smallest one not near zero): then the
     * trace is not taken.
     */
    double[] polish(List<double[]> given, double[][] theta) {
        int unknowns = unknowns();
        List<double[]> points = new ArrayList<>(given);
        if (points.size() < unknowns + 2) {
            return null;
        }
        SingularValueDecomposition svd = nullSpace(points);
        double[] sigma = svd.getSingularValues();
        int last = sigma.length - 1;
        if (sigma.length < unknowns || sigma[last - 1] < 1e-8 * sigma[0] || sigma[last] > 1e-9 * sigma[0]) {
            return null;
        }
        if (theta == null) {
            double[] v = svd.getV().getColumn(last);
            theta = new double[unknowns][1];
            for (int k = 0; k < unknowns; k++) {
                theta[k][0] = v[k];
            }
        }
        // The walk's regions may pin some direction of θ only weakly (a known neuron met only where it is barely on):
        // θ's error is about σ_min / σ_second. θ now predicts the boundary in any region, so exact points in regions
        // around the walk, drawn at random, make the system well conditioned at a few queries each.
        List<double[]> more = around(points, estimate(svd, theta, unknowns), 2 * unknowns, NEAR, 4).found();
        if (!more.isEmpty()) {
            List<double[]> wider = new ArrayList<>(points);
            wider.addAll(more);
            SingularValueDecomposition better = nullSpace(wider);
            double[] t = better.getSingularValues();
            if (predictedError(better) < predictedError(svd) && t[t.length - 1] <= 1e-9 * t[0]) {
                svd = better;
            }
        }
        return estimate(svd, theta, unknowns);
    }

    /** The singular value decomposition of [ReLU(ẑ_m(p)), h_{m−1}(p), 1] over the points, each row of unit length. */
    private SingularValueDecomposition nullSpace(List<double[]> points) {
        int unknowns = unknowns();
        double[][] rows = new double[points.size()][];
        for (int r = 0; r < rows.length; r++) {
            double[] row = features(known.at(points.get(r)), points.get(r), unknowns);
            double n = KinkAnalysis.norm(row);
            for (int k = 0; k < unknowns; k++) {
                row[k] /= n;
            }
            rows[r] = row;
        }
        return new SingularValueDecomposition(
                new Array2DRowRealMatrix(rows, false));
    }

    private double[] features(KnownLayers.State s, double[] x, int unknowns) {
        double[] row = new double[unknowns];
        int upperWidth = known.width(m - 1);
        System.arraycopy(s.h()[m - 1], 0, row, 0, upperWidth);
        System.arraycopy(s.activations(m - 2, x), 0, row, upperWidth, lowerWidth);
        row[unknowns - 1] = 1;
        return row;
    }

    /** σ_min / σ_second of the points' system: about the relative error of θ's direction. */
    private static double predictedError(SingularValueDecomposition svd) {
        double[] sigma = svd.getSingularValues();
        return sigma.length < 2 ? Double.POSITIVE_INFINITY : sigma[sigma.length - 1] / sigma[sigma.length - 2];
    }

    /** The null vector, scaled to the gradient solution θ. */
    private static double[] estimate(SingularValueDecomposition svd, double[][] theta, int unknowns) {
        double[] v = svd.getV().getColumn(svd.getSingularValues().length - 1);
        double dot = 0;
        double vv = 0;
        for (int k = 0; k < unknowns; k++) {
            dot += v[k] * theta[k][0];
            vv += v[k] * v[k];
        }
        for (int k = 0; k < unknowns; k++) {
            v[k] *= dot / vv;
        }
        return v;
    }

    /** ∇ₓ(F(x)·w) in x's region: Σ_k w_k ∇ReLU(ẑ_{m,k}) + Σ_i w_i ∇h_{m−1,i}. */
    private double[] gradient(KnownLayers.State s, double[] w) {
        int d = known.inputs();
        int upperWidth = known.width(m - 1);
        double[][] upperGrad = s.activationGradients(m - 1, d);
        double[][] lowerGrad = s.activationGradients(m - 2, d);
        double[] g = new double[d];
        for (int k = 0; k < upperWidth; k++) {
            for (int j = 0; j < d; j++) {
                g[j] += w[k] * upperGrad[k][j];
            }
        }
        for (int i = 0; i < lowerWidth; i++) {
            for (int j = 0; j < d; j++) {
                g[j] += w[upperWidth + i] * lowerGrad[i][j];
            }
        }
        return g;
    }

    /**
     * Exact critical points of the neuron θ describes, in regions around the points already found:
     * from a random point near one of them, the boundary's foot along ∇z_t (z_t is affine in the
     * region, so θ predicts it), kept when it is in the same region and the black box kinks there.
     */
    private Probe around(List<double[]> points, double[] theta, int wanted, double[] spreads, int attemptsPerTest) {
        List<double[]> found = new ArrayList<>();
        int tested = 0;
        for (int attempt = 0; attempt < attemptsPerTest * wanted && tested < wanted; attempt++) {
            double[] p = points.get(random.nextInt(points.size()));
            double spread = spreads[attempt % spreads.length] * (1 + KinkAnalysis.norm(p));
            double[] x = new double[p.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = p[j] + spread * random.nextGaussian() / Math.sqrt(x.length);
            }
            KnownLayers.State s = known.at(x);
            double[] g = gradient(s, theta);
            double gg = KnownLayers.dot(g, g);
            if (!(gg > 0)) {
                continue;
            }
            double z = KnownLayers.dot(features(s, x, theta.length), theta);
            double[] foot = LineSearch.point(x, g, -z / gg);
            if (KinkAnalysis.norm(foot) > maxRadius || !known.sameRegion(x, foot)) {
                continue;
            }
            double span = 1e-6 * (1 + KinkAnalysis.norm(foot));
            if (!(known.inradius(foot) > 10 * span)) {
                continue;
            }
            List<LineSearch.Kink> kinks = search.kinks(foot, BoundaryTrace.unit(g), -span, span);
            tested++;
            if (kinks.size() == 1) {
                found.add(kinks.get(0).x());
            }
        }
        return new Probe(found, tested);
    }

    /** The critical points found where θ predicted them, and how many predictions were put to the test. */
    private record Probe(List<double[]> found, int tested) {
    }

    /**
     * The span of (u, ℓ, β) that passes through every exact critical point given, when the points fit
     * a neuron (smallest singular value near zero) but leave at most {@link #MAX_OPEN} directions
     * besides its scale open.
     */
    Optional<BoundaryTrace.Partial> partialThrough(List<double[]> points) {
        int unknowns = unknowns();
        if (points.size() < unknowns + 2) {
            return Optional.empty();
        }
        SingularValueDecomposition svd = nullSpace(points);
        double[] sigma = svd.getSingularValues();
        if (sigma.length < unknowns || sigma[sigma.length - 1] > 1e-9 * sigma[0]) {
            return Optional.empty();
        }
        int open = 0;
        while (open < sigma.length && sigma[sigma.length - 1 - open] < 1e-8 * sigma[0]) {
            open++;
        }
        if (open < 2 || open > 1 + MAX_OPEN) {
            return Optional.empty();
        }
        double[][] basis = new double[open][];
        for (int i = 0; i < open; i++) {
            basis[i] = svd.getV().getColumn(sigma.length - 1 - i);
        }
        return Optional.of(new BoundaryTrace.Partial(basis, List.copyOf(points)));
    }

    /**
     * Whether θ (over the known layers as they are now) is a neuron of the black box: of the critical
     * points θ predicts in regions well away from the given ones, at least three in four are found
     * (and at least half the tries could be made).
     */
    boolean confirmed(double[] theta, List<double[]> near, int tries) {
        // Far from the walk the predicted boundary often lies outside the region of the point drawn (no test, no query):
        // more draws per test than for polishing.
        Probe probe = around(near, theta, tries, FAR, 32);
        return probe.tested() >= tries / 2 && probe.found().size() >= 0.75 * probe.tested();
    }

    /** Distances (relative to 1 + ‖x‖) of the random points around a walk: near for polishing, far for confirming. */
    private static final double[] NEAR = {0.05, 0.2, 1};
    private static final double[] FAR = {1, 2};

    /** Whether one neuron (u, ℓ, β) passes through all these exact critical points: the smallest singular value near zero. */
    boolean oneNeuronThrough(List<double[]> points) {
        int unknowns = unknowns();
        if (points.size() < unknowns + 2) {
            return false;
        }
        double[] sigma = nullSpace(points).getSingularValues();
        return sigma.length == unknowns && sigma[unknowns - 1] <= 1e-9 * sigma[0];
    }

    /**
     * The neuron through these exact critical points when they determine it (as {@link BoundaryTrace} asks
     * of a walk's points), polished like a walk's, scaled to unit ‖u‖; else empty.
     */
    Optional<BoundaryTrace.Traced> throughPoints(List<double[]> points) {
        int upperWidth = known.width(m - 1);
        int unknowns = unknowns();
        double[] polished = polish(points, null);
        if (polished == null) {
            return Optional.empty();
        }
        double n = KinkAnalysis.norm(java.util.Arrays.copyOf(polished, upperWidth));
        if (!(n > 0)) {
            return Optional.empty();
        }
        double[] upper = new double[upperWidth];
        double[] lower = new double[lowerWidth];
        for (int k = 0; k < upperWidth; k++) {
            upper[k] = polished[k] / n;
        }
        for (int i = 0; i < lowerWidth; i++) {
            lower[i] = polished[upperWidth + i] / n;
        }
        return Optional.of(new BoundaryTrace.Traced(upper, lower, polished[unknowns - 1] / n, List.of(), 0));
    }

    /** Open directions a partial walk may leave (besides the neuron's scale). */
    static final int MAX_OPEN = 4;
}
