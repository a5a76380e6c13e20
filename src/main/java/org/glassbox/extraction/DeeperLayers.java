package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The second stage of the attack, after the first layer: the deeper layers one at a time by
 * following boundaries ({@link BoundaryTrace}), each layer's signs once the next one is known, and
 * the last layer by least squares. One call of {@link #step()} does one visible piece of work:
 * one critical point traced, one layer closed, or the last layer solved.
 *
 * <p><b>Signs</b> (our own formulation of what the skip term allows). Layer m is traced with its
 * signs open, so each neuron j of layer m + 1 comes with a skip term ℓ_j over layer m − 1. The
 * true network has none; with ReLU(ẑ) = ReLU(−ẑ) + ẑ, a flipped row k of layer m (weights V_k over
 * layer m − 1, bias c_k) leaves exactly ℓ_j = −Σ_{k flipped} u_jk V_k. Stacked over every traced j
 * this is a linear system in σ_k ∈ {0, 1}: with more equations than layer m has neurons it has one
 * solution, the flipped rows are negated, and β_j gains Σ_{k flipped} u_jk c_k. The last hidden
 * layer's signs come the same way from the output layer's skip term, when the outputs times the
 * width below are at least its width; otherwise the network stays exact with the skip term.
 */
final class DeeperLayers {

    /** A critical point of a deeper neuron, where a line found it, and its hyperplane there. */
    record Candidate(double[] x, double[] normal) {
    }

    /** A traced path, for drawing: the boundary points visited, in input space. */
    record Path(int layer, List<double[]> points, boolean traced) {
    }

    private final Oracle oracle;
    private final KnownLayers known;
    private final Random random;
    private final long seed;
    private final double maxRadius;
    private final Noise noise;
    private List<Candidate> candidates;
    private List<Candidate> layerCandidates = List.of();
    private final List<Candidate> deferred = new ArrayList<>();
    private final List<BoundaryTrace.Traced> layer = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<List<BoundaryTrace.Piece>> failedWalks = new ArrayList<>();
    private final java.util.Map<Integer, List<Candidate>> failedByLayer = new java.util.HashMap<>();
    /** Walks tried from each critical point (by identity). */
    private final java.util.Map<Candidate, Integer> walks = new java.util.IdentityHashMap<>();
    private final List<double[]> anchors = new ArrayList<>();
    /** Walks of the layer being traced that left some weights open, to be completed when the layer closes. */
    private final List<BoundaryTrace.Partial> partials = new ArrayList<>();
    private int next;
    private boolean done;
    private RecoveredNetwork result;
    private String stage;
    private boolean wantsCandidates;
    private List<double[]> unexplained = List.of();
    private int searchRounds;
    /** Rounds of extra lines spent on the signs of layer signLayer. */
    private int signRounds;
    private int signLayer;

    /** Predicted critical points a completed neuron is checked against. */
    static final int CONFIRMATIONS = 16;

    /** Walks from one critical point at most: a boundary that defeated two walks costs more than it tends to give. */
    static final int MAX_WALKS = 2;

    /** Inputs the last layer is fitted on (at least four per unknown). */
    static final int FIT_INPUTS = 3000;

    /** Lines aimed through the worst-fitted inputs per round of the search for missing neurons. */
    static final int AIMED_LINES = 6;

    /** Rounds of extra lines the attack may ask for when the recovered layers do not yet explain the outputs. */
    static final int MAX_SEARCH_ROUNDS = 3;

    DeeperLayers(Oracle oracle, List<Hyperplane> firstLayer, List<Candidate> candidates, long seed, double maxRadius) {
        this.oracle = oracle;
        this.noise = Noise.of(oracle.precision());
        this.known = new KnownLayers(oracle.inputs());
        double[][] w = new double[firstLayer.size()][];
        double[] b = new double[firstLayer.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = firstLayer.get(i).w().clone();
            b[i] = firstLayer.get(i).b();
        }
        known.add(w, b);
        this.candidates = new ArrayList<>(candidates);
        candidates.forEach(c -> anchors.add(c.x()));
        this.random = new Random(seed);
        this.seed = seed;
        this.maxRadius = maxRadius;
        this.stage = "Following the boundaries of layer 2's neurons from the critical points the lines found.";
    }

    boolean done() {
        return done;
    }

    /** The share of this layer's critical points tried. */
    double layerProgress() {
        return candidates.isEmpty() ? 1 : Math.min(1.0, next / (double) candidates.size());
    }

    /** Whether the attack should search more lines for critical points of neurons still missing. */
    boolean wantsCandidates() {
        return wantsCandidates;
    }

    /** Inputs the recovered layers explain worst, worst first, for lines aimed at missing neurons (empty if none stand out). */
    List<double[]> unexplained() {
        return unexplained;
    }

    /** Critical points from the extra lines: traced as neurons of the deepest layer, which is open again. */
    void addCandidates(List<Candidate> more) {
        candidates.addAll(more);
        more.forEach(c -> anchors.add(c.x()));
        next = 0;
        wantsCandidates = false;
        unexplained = List.of();
        stage = "Layer " + tracingLayer() + ": following the boundaries through the " + more.size()
                + " new critical points.";
    }

    /** Whether a recovered deeper neuron (or one traced in the open layer) has its boundary through x. */
    boolean explains(double[] x) {
        KnownLayers.State s = known.at(x);
        double tolerance = 1e-7 * (1 + KinkAnalysis.norm(x));
        for (int l = 1; l < known.depth(); l++) {
            for (int i = 0; i < s.z()[l].length; i++) {
                double n = KinkAnalysis.norm(s.grad()[l][i]);
                if (n > 0 && Math.abs(s.z()[l][i]) / n < tolerance) {
                    return true;
                }
            }
        }
        return explainedByLayer(x);
    }

    String stage() {
        return stage;
    }

    /** Hidden layers recovered so far (the deepest with its signs perhaps still open), then the neurons being traced. */
    List<double[][]> layerWeights() {
        List<double[][]> out = new ArrayList<>();
        for (int l = 0; l < known.depth(); l++) {
            out.add(known.weights(l));
        }
        return out;
    }

    List<double[]> layerBiases() {
        List<double[]> out = new ArrayList<>();
        for (int l = 0; l < known.depth(); l++) {
            out.add(known.biases(l));
        }
        return out;
    }

    /** The neurons of the layer being traced, over the layer below with the skip term left out. */
    double[][] tracedWeights() {
        return layer.stream().map(BoundaryTrace.Traced::upper).toArray(double[][]::new);
    }

    double[] tracedBiases() {
        return layer.stream().mapToDouble(BoundaryTrace.Traced::bias).toArray();
    }

    /** The layer being traced, counting from 1 for the first hidden layer. */
    int tracingLayer() {
        return known.depth() + 1;
    }

    List<Path> paths() {
        return List.copyOf(paths);
    }

    RecoveredNetwork result() {
        return result;
    }

    void step() {
        if (done) {
            return;
        }
        while (next < candidates.size()) {
            Candidate c = candidates.get(next++);
            if (explainedByLayer(c.x())) {
                continue;
            }
            if (onFailedWalk(c.x())) {
                // A boundary already walked without success: its first critical point waits for the next layer.
                continue;
            }
            BoundaryTrace trace = new BoundaryTrace(oracle, noise, known, random, maxRadius);
            int m = known.depth();
            int budget = 8 * (known.width(m - 1) + (m == 1 ? known.inputs() : known.width(m - 2)));
            BoundaryTrace.Outcome outcome = trace.trace(c.x(), c.normal(), budget);
            List<double[]> points = outcome.pieces().stream().map(BoundaryTrace.Piece::x).toList();
            if (outcome.traced().isPresent() && outcome.traced().get().residual() < 1e-6
                    && belowAfterAll(outcome.traced().get())) {
                paths.add(new Path(tracingLayer() - 1, points, true));
                stage = tracingLayer() == 2 ? "Layer 2: the walk followed a first-layer hyperplane (no bends at all)."
                        : "Layer " + tracingLayer() + ": the walk found a neuron of layer " + (tracingLayer() - 1)
                        + " that was missed (it ignores layer " + (tracingLayer() - 1) + "); it joins that layer, and layer "
                        + tracingLayer() + " is traced again.";
                return;
            }
            if (outcome.traced().isPresent() && outcome.traced().get().residual() < 1e-6) {
                BoundaryTrace.Traced traced = normalised(outcome.traced().get());
                if (layer.stream().anyMatch(t -> Math.abs(KnownLayers.dot(t.upper(), traced.upper())) > 1 - 1e-4)) {
                    stage = "Layer " + tracingLayer() + ": the walk followed a neuron already traced.";
                    return;
                }
                layer.add(traced);
                paths.add(new Path(tracingLayer(), points, true));
                stage = String.format(java.util.Locale.ROOT, "Layer %d: neuron %d traced across %d regions (fit residual %.1e).",
                        tracingLayer(), layer.size(), points.size(), outcome.traced().get().residual());
            } else {
                deferred.add(c);
                outcome.partial().ifPresent(partials::add);
                if (walks.merge(c, 1, Integer::sum) < MAX_WALKS) {
                    failedByLayer.computeIfAbsent(tracingLayer(), k -> new ArrayList<>()).add(c);
                }
                failedWalks.add(outcome.pieces());
                paths.add(new Path(tracingLayer(), points, false));
                stage = "Layer " + tracingLayer() + ": a critical point left for a deeper layer (" + outcome.reason() + ")"
                        + (outcome.partial().isPresent() ? "; its points fix the neuron but for " + (outcome.partial().get().basis().length - 1)
                        + " direction(s), kept to be completed once layer " + (tracingLayer() - 1) + "'s signs are known." : ".");
            }
            return;
        }
        closeLayer();
    }

    /** Whether x lies on a stretch of a boundary this layer's walks followed without success. */
    private boolean onFailedWalk(double[] x) {
        double tolerance = 1e-7 * (1 + KinkAnalysis.norm(x));
        for (List<BoundaryTrace.Piece> walk : failedWalks) {
            for (BoundaryTrace.Piece p : walk) {
                double offset = 0;
                for (int j = 0; j < x.length; j++) {
                    offset += p.g()[j] * (x[j] - p.x()[j]);
                }
                if (Math.abs(offset) / KinkAnalysis.norm(p.g()) < tolerance && known.sameRegion(x, p.x())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a neuron already traced in this layer has its boundary through x. */
    private boolean explainedByLayer(double[] x) {
        if (layer.isEmpty()) {
            return false;
        }
        KnownLayers.State s = known.at(x);
        int m = known.depth();
        double[][] upperGrad = s.activationGradients(m - 1, x.length);
        double[][] lowerGrad = s.activationGradients(m - 2, x.length);
        for (BoundaryTrace.Traced t : layer) {
            double[] g = new double[x.length];
            for (int k = 0; k < t.upper().length; k++) {
                for (int j = 0; j < g.length; j++) {
                    g[j] += t.upper()[k] * upperGrad[k][j];
                }
            }
            for (int i = 0; i < t.lower().length; i++) {
                for (int j = 0; j < g.length; j++) {
                    g[j] += t.lower()[i] * lowerGrad[i][j];
                }
            }
            double norm = KinkAnalysis.norm(g);
            if (norm > 0 && Math.abs(t.value(s, x, m)) / norm < 1e-7 * (1 + KinkAnalysis.norm(x))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A neuron traced as one of layer m + 1 whose weights over layer m vanish is one of layer m that
     * no line revealed before: its skip term over layer m − 1 (whose signs are fixed) is its weights.
     * It joins layer m, and layer m + 1 starts again from all its critical points.
     */
    private boolean belowAfterAll(BoundaryTrace.Traced t) {
        int m = known.depth();
        double upper = KinkAnalysis.norm(t.upper());
        double lower = KinkAnalysis.norm(t.lower());
        if (!(upper < 1e-6 * lower)) {
            return false;
        }
        if (m < 2) {
            // A first-layer hyperplane (its weights all on the inputs), whose point the lines took for a deeper one.
            return true;
        }
        double[] row = t.lower().clone();
        for (int i = 0; i < row.length; i++) {
            row[i] /= lower;
        }
        known.append(m - 1, row, t.bias() / lower);
        layer.clear();
        partials.clear();
        deferred.clear();
        candidates = new ArrayList<>(layerCandidates);
        next = 0;
        return true;
    }

    private static BoundaryTrace.Traced normalised(BoundaryTrace.Traced t) {
        double n = KinkAnalysis.norm(t.upper());
        double[] upper = t.upper().clone();
        double[] lower = t.lower().clone();
        for (int k = 0; k < upper.length; k++) {
            upper[k] /= n;
        }
        for (int i = 0; i < lower.length; i++) {
            lower[i] /= n;
        }
        return new BoundaryTrace.Traced(upper, lower, t.bias() / n, t.pieces(), t.residual());
    }

    /** Every candidate tried: fix the signs of the layer below, then trace the next layer or solve the last. */
    private void closeLayer() {
        int m = known.depth();
        if (layer.isEmpty()) {
            // Nothing traced as a deeper neuron: the layers known may be all there is. The last layer's fit tells.
            solveLastLayer();
            return;
        }
        int joined = mergePartials();
        // A critical point that failed to trace before its neuron was traced from another one belongs to this layer.
        deferred.removeIf(c -> explainedByLayer(c.x()));
        double[][] skips = layer.stream().map(BoundaryTrace.Traced::lower).toArray(double[][]::new);
        double[][] upper = tracedWeights();
        double[] bias = tracedBiases();
        boolean[] flipped = solveSigns(upper, skips, known.weights(m - 1));
        if (m > signLayer) {
            signLayer = m;
            signRounds = 0;
        }
        if (flipped == null && signRounds < MAX_SEARCH_ROUNDS) {
            // Too few neurons of layer m + 1 traced to fix layer m's signs: more lines for more of them first (rounds
            // counted per layer, apart from those for a poor fit of the outputs).
            signRounds++;
            wantsCandidates = true;
            unexplained = List.of();
            stage = "The signs of layer " + m + " are not determined yet by the " + layer.size() + " neurons of layer "
                    + (m + 1) + " traced: searching more lines for critical points (round " + signRounds + " of "
                    + MAX_SEARCH_ROUNDS + ").";
            return;
        }
        if (flipped == null) {
            done = true;
            stage = "The signs of layer " + m + " are not determined by the " + layer.size() + " neurons of layer " + (m + 1)
                    + " traced, so the attack stops there." + (known.inputs() <= 2 ? " With two inputs a deeper neuron's boundary"
                    + " is a curve that crosses only some of the known lines, and its bends fix only the weights on those: the"
                    + " walks show the idea, and a 10-input network shows the whole attack." : "");
            return;
        }
        List<double[]> completed = complete(flipped, upper);
        for (int k = 0; k < flipped.length; k++) {
            if (flipped[k]) {
                for (int j = 0; j < upper.length; j++) {
                    bias[j] += upper[j][k] * known.biases(m - 1)[k];
                }
                known.flip(m - 1, k);
            }
        }
        if (!completed.isEmpty()) {
            int traced = upper.length;
            upper = java.util.Arrays.copyOf(upper, traced + completed.size());
            bias = java.util.Arrays.copyOf(bias, traced + completed.size());
            for (int i = 0; i < completed.size(); i++) {
                double[] row = completed.get(i);
                upper[traced + i] = java.util.Arrays.copyOf(row, row.length - 1);
                bias[traced + i] = row[row.length - 1];
            }
        }
        known.add(upper, bias);
        layer.clear();
        deferred.removeIf(c -> explains(c.x()));
        String fromPartials = (joined == 0 ? "" : " " + joined + " neuron(s) of layer " + (m + 1) + " traced by joining partial"
                + " walks.") + (completed.isEmpty() ? "" : " " + completed.size() + " neuron(s) of layer " + (m + 1)
                + " completed from partial walks: the one with no skip term.");
        if (deferred.isEmpty()) {
            solveLastLayer();
            stage = fromPartials.isEmpty() ? stage : "Layer " + (m + 1) + ":" + fromPartials + " " + stage;
            return;
        }
        candidates = new ArrayList<>(deferred);
        layerCandidates = List.copyOf(candidates);
        failedWalks.clear();
        deferred.clear();
        next = 0;
        stage = "Layer " + m + "'s signs fixed from layer " + (m + 1) + "; following the boundaries of layer " + (m + 2) + "."
                + fromPartials;
    }

    /**
     * Partial walks of one neuron each leave a span that holds it; together they may pin it. A walk
     * whose points a traced neuron explains is dropped; the others are joined while one neuron
     * still passes through all their points. A joined set that determines its neuron is traced
     * (it joins the layer before the signs are solved); the rest stay partial, with a smaller span.
     * Returns how many were traced so.
     */
    private int mergePartials() {
        int traced = 0;
        partials.removeIf(p -> explainedByLayer(p.points().get(0)));
        NeuronFit solver = new NeuronFit(oracle, noise, known, random, maxRadius);
        List<BoundaryTrace.Partial> merged = new ArrayList<>();
        boolean[] joined = new boolean[partials.size()];
        for (int i = 0; i < partials.size(); i++) {
            if (joined[i]) {
                continue;
            }
            List<double[]> points = new ArrayList<>(partials.get(i).points());
            int together = 1;
            for (int j = i + 1; j < partials.size(); j++) {
                if (joined[j]) {
                    continue;
                }
                List<double[]> both = new ArrayList<>(points);
                both.addAll(partials.get(j).points());
                if (solver.oneNeuronThrough(both)) {
                    points = both;
                    joined[j] = true;
                    together++;
                }
            }
            if (together == 1) {
                merged.add(partials.get(i));
                continue;
            }
            Optional<BoundaryTrace.Traced> joint = solver.throughPoints(points);
            // Walks of a deeper neuron, each in a few regions, can join into a neuron of this form that is not one: it
            // must predict the black box's critical points far from the walks too.
            if (joint.isPresent() && layer.stream().noneMatch(t -> Math.abs(KnownLayers.dot(t.upper(), joint.get().upper())) > 1 - 1e-4)
                    && solver.confirmed(joint.get().theta(), points, CONFIRMATIONS)) {
                layer.add(joint.get());
                traced++;
            } else if (joint.isEmpty()) {
                solver.partialThrough(points).ifPresent(merged::add);
            }
        }
        partials.clear();
        partials.addAll(merged);
        return traced;
    }

    /**
     * The walks that left weights open, completed now that layer m's signs are known. A walk gives
     * the span of (u, ℓ, β) through its exact points; flipping row k of layer m (ReLU(ẑ) = ReLU(−ẑ) + ẑ)
     * moves u_k·V_k into ℓ and u_k·c_k into β. The true neuron has no skip term, so it is the vector of
     * the span whose moved ℓ vanishes: the null vector of an |ℓ| × r system, accepted when it is the
     * only one. Rows (u over layer m as flipped, then β), each with ‖u‖ = 1; a neuron already among
     * the traced rows (or completed twice) is left out.
     */
    private List<double[]> complete(boolean[] flipped, double[][] traced) {
        int m = known.depth();
        double[][] v = known.weights(m - 1);
        double[] offsets = known.biases(m - 1);
        int upperWidth = v.length;
        int lowerWidth = v[0].length;
        List<double[]> rows = new ArrayList<>();
        for (BoundaryTrace.Partial partial : partials) {
            int r = partial.basis().length;
            if (r > lowerWidth || partial.basis()[0].length != upperWidth + lowerWidth + 1) {
                // Too many directions open, or walked over layers that have changed since.
                continue;
            }
            double[][] moved = new double[r][];
            double[][] skip = new double[lowerWidth][r];
            for (int i = 0; i < r; i++) {
                double[] b = partial.basis()[i].clone();
                for (int k = 0; k < upperWidth; k++) {
                    if (flipped[k]) {
                        for (int j = 0; j < lowerWidth; j++) {
                            b[upperWidth + j] += b[k] * v[k][j];
                        }
                        b[b.length - 1] += b[k] * offsets[k];
                    }
                }
                moved[i] = b;
                for (int j = 0; j < lowerWidth; j++) {
                    skip[j][i] = b[upperWidth + j];
                }
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(
                    new Array2DRowRealMatrix(skip, false));
            double[] sigma = svd.getSingularValues();
            // The basis is orthonormal and layer m's rows have unit length, so the singular values compare with 1: one
            // vector of the span without skip term, and only one (a direction that moves nothing, such as the weight on a
            // neuron that is off all along the walk and keeps its sign, has no skip term either and leaves it open).
            if (sigma.length < r || sigma[r - 1] > 1e-8 || sigma[r - 2] < 1e-3) {
                continue;
            }
            double[] c = svd.getV().getColumn(r - 1);
            double[] theta = new double[moved[0].length];
            double[] before = new double[moved[0].length];
            for (int i = 0; i < r; i++) {
                for (int k = 0; k < theta.length; k++) {
                    theta[k] += c[i] * moved[i][k];
                    before[k] += c[i] * partial.basis()[i][k];
                }
            }
            // A walk that followed a deeper neuron's boundary can fit this form too, in few regions: the completed neuron
            // must predict the black box's critical points in regions the walk never saw.
            if (!new NeuronFit(oracle, noise, known, random, maxRadius).confirmed(before, partial.points(), CONFIRMATIONS)) {
                continue;
            }
            double[] row = new double[upperWidth + 1];
            System.arraycopy(theta, 0, row, 0, upperWidth);
            row[upperWidth] = theta[theta.length - 1];
            double n = KinkAnalysis.norm(java.util.Arrays.copyOf(row, upperWidth));
            if (!(n > 0)) {
                continue;
            }
            for (int k = 0; k <= upperWidth; k++) {
                row[k] /= n;
            }
            boolean seen = java.util.stream.Stream.concat(java.util.Arrays.stream(traced), rows.stream())
                    .anyMatch(t -> Math.abs(KnownLayers.dot(java.util.Arrays.copyOf(t, upperWidth), java.util.Arrays.copyOf(row, upperWidth))
                            / KinkAnalysis.norm(java.util.Arrays.copyOf(t, upperWidth))) > 1 - 1e-4);
            if (!seen) {
                rows.add(row);
            }
        }
        partials.clear();
        return rows;
    }

    /** The largest |X·β − y| relative to the largest |y|. */
    private static double misfit(double[][] x, double[][] beta, double[][] y) {
        double worst = 0;
        double scale = 0;
        for (int r = 0; r < x.length; r++) {
            for (int o = 0; o < y[r].length; o++) {
                double fit = 0;
                for (int k = 0; k < beta.length; k++) {
                    fit += x[r][k] * beta[k][o];
                }
                worst = Math.max(worst, Math.abs(fit - y[r][o]));
                scale = Math.max(scale, Math.abs(y[r][o]));
            }
        }
        return worst / Math.max(scale, 1e-300);
    }

    /** Per input: the last hidden layer's activations, the layer below's (for the skip term), and 1. */
    private double[][] lastLayerFeatures(double[][] xs, int depth, int width, int lowerWidth) {
        double[][] features = new double[xs.length][width + lowerWidth + 1];
        for (int r = 0; r < xs.length; r++) {
            KnownLayers.State s = known.at(xs[r]);
            System.arraycopy(s.h()[depth - 1], 0, features[r], 0, width);
            System.arraycopy(s.activations(depth - 2, xs[r]), 0, features[r], width, lowerWidth);
            features[r][width + lowerWidth] = 1;
        }
        return features;
    }

    /** Up to n inputs with the largest fit residual (relative to the outputs' scale above 1e-7), the largest first. */
    private static List<double[]> worstFitted(double[][] xs, double[][] features, double[][] beta, double[][] ys, int n) {
        double scale = 0;
        double[] residual = new double[xs.length];
        for (int r = 0; r < xs.length; r++) {
            for (int o = 0; o < ys[r].length; o++) {
                double fit = 0;
                for (int k = 0; k < beta.length; k++) {
                    fit += features[r][k] * beta[k][o];
                }
                residual[r] = Math.max(residual[r], Math.abs(fit - ys[r][o]));
                scale = Math.max(scale, Math.abs(ys[r][o]));
            }
        }
        double floor = 1e-7 * scale;
        return java.util.stream.IntStream.range(0, xs.length).filter(r -> residual[r] > floor).boxed()
                .sorted((a, b) -> Double.compare(residual[b], residual[a])).limit(n).map(r -> xs[r].clone()).toList();
    }

    /** Opens the deepest layer again: its neurons become the traced ones, with no skip term (the layer below is fixed). */
    private void reopen() {
        int depth = known.depth();
        if (depth < 2) {
            return;
        }
        int lowerWidth = depth == 2 ? known.inputs() : known.width(depth - 3);
        KnownLayers.Layer removed = known.removeDeepest();
        partials.clear();
        double[][] w = removed.weights();
        double[] b = removed.biases();
        for (int i = 0; i < w.length; i++) {
            layer.add(new BoundaryTrace.Traced(w[i], new double[lowerWidth], b[i], List.of(), 0));
        }
        // The critical points whose walks failed in this layer are walked again (other random detours), with the new ones,
        // up to MAX_WALKS times each.
        candidates = new ArrayList<>(failedByLayer.getOrDefault(depth, List.of()));
        failedByLayer.remove(depth);
        failedWalks.clear();
        next = 0;
    }

    /**
     * σ in {0, 1} per neuron of the layer below from the skip terms ℓ_j = −Σ_k σ_k u_jk V_k; null
     * if the system is rank deficient or its solution is not near 0s and 1s.
     */
    static boolean[] solveSigns(double[][] upper, double[][] skips, double[][] below) {
        int n = below.length;
        int width = below[0].length;
        double[][] a = new double[upper.length * width][n];
        double[][] y = new double[upper.length * width][1];
        for (int j = 0; j < upper.length; j++) {
            for (int i = 0; i < width; i++) {
                for (int k = 0; k < n; k++) {
                    a[j * width + i][k] = -upper[j][k] * below[k][i];
                }
                y[j * width + i][0] = skips[j][i];
            }
        }
        // A neuron nothing above listens to (all its outgoing weights zero) has no sign to find, and none that matters:
        // its column is left out and it keeps the sign it has.
        double[] columnNorm = new double[n];
        for (int k = 0; k < n; k++) {
            for (double[] row : a) {
                columnNorm[k] += row[k] * row[k];
            }
            columnNorm[k] = Math.sqrt(columnNorm[k]);
        }
        double largest = java.util.Arrays.stream(columnNorm).max().orElse(0);
        int[] kept = java.util.stream.IntStream.range(0, n).filter(k -> columnNorm[k] > 1e-9 * largest).toArray();
        if (a.length < kept.length) {
            return null;
        }
        double[][] reduced = new double[a.length][kept.length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < kept.length; c++) {
                reduced[r][c] = a[r][kept[c]];
            }
        }
        double[][] solved = LinearSolve.leastSquares(reduced, y);
        if (solved == null) {
            return null;
        }
        double[][] sigma = new double[n][1];
        for (int c = 0; c < kept.length; c++) {
            sigma[kept[c]][0] = solved[c][0];
        }
        // Rounded to 0 or 1, the signs must explain the skip terms to rounding: a badly conditioned neuron may sit off 0
        // or 1 by more than the others and still be clear, and a wrong rounding shows in the residual.
        boolean[] flipped = new boolean[n];
        for (int k = 0; k < n; k++) {
            double s = sigma[k][0];
            if (Math.abs(s) < 0.25) {
                flipped[k] = false;
            } else if (Math.abs(s - 1) < 0.25) {
                flipped[k] = true;
            } else {
                return null;
            }
        }
        double residual = 0;
        double scale = 0;
        for (int r = 0; r < a.length; r++) {
            double fit = 0;
            for (int k = 0; k < n; k++) {
                fit += flipped[k] ? a[r][k] : 0;
            }
            residual = Math.max(residual, Math.abs(fit - y[r][0]));
            scale = Math.max(scale, Math.abs(y[r][0]));
            for (int k = 0; k < n; k++) {
                scale = Math.max(scale, Math.abs(a[r][k]));
            }
        }
        return residual <= 1e-6 * scale ? flipped : null;
    }

    /**
     * The output layer: f = A·h_L + S·h_{L−1} + c by least squares on random queries (S the skip
     * term of layer L's open signs), then the signs of layer L from S and a plain refit.
     */
    private void solveLastLayer() {
        int depth = known.depth();
        int d = oracle.inputs();
        long before = oracle.queries();
        Random inputs = new Random(seed ^ 0x5DEECE66DL);
        int lowerWidth = depth == 1 ? d : known.width(depth - 2);
        int width = known.width(depth - 1);
        int columns = width + lowerWidth + 1;
        // Inputs N(0, I), N(0, 9I), N(0, 100I) and near the deeper critical points found (where the deepest neurons
        // switch, so each is seen both on and off): a neuron dead at every input would make the fit singular, and one that
        // switches only far out would go unnoticed (the skip term absorbs a neuron that is on at every input).
        double[][] xs = new double[Math.max(4 * columns, FIT_INPUTS)][d];
        double[] spreads = {1, 10, 3};
        for (int r = 0; r < xs.length; r++) {
            double[] anchor = r % 4 == 3 && !anchors.isEmpty() ? anchors.get(inputs.nextInt(anchors.size())) : null;
            double spread = anchor != null ? 0.3 : spreads[r % 4 % 3];
            for (int j = 0; j < d; j++) {
                xs[r][j] = (anchor == null ? 0 : anchor[j]) + spread * inputs.nextGaussian();
            }
        }
        double[][] ys = oracle.query(xs);
        double[][] features = lastLayerFeatures(xs, depth, width, lowerWidth);
        double[][] beta = LinearSolve.leastSquares(features, ys);
        double misfit = beta == null ? Double.POSITIVE_INFINITY : misfit(features, beta, ys);
        if (misfit > 1e-7 && searchRounds < MAX_SEARCH_ROUNDS) {
            // The known layers cannot express f: a neuron was missed (no line crossed it, or its trace failed). It is
            // switched the other way at the inputs fitted worst, so lines through those meet its boundary.
            searchRounds++;
            reopen();
            wantsCandidates = true;
            unexplained = beta == null ? List.of() : worstFitted(xs, features, beta, ys, AIMED_LINES);
            stage = String.format(java.util.Locale.ROOT, "The recovered layers do not explain the outputs yet (relative misfit"
                    + " %.1e): searching more lines for critical points of missing neurons, through the inputs explained"
                    + " worst (round %d of %d).", misfit, searchRounds, MAX_SEARCH_ROUNDS);
            return;
        }
        if (beta == null) {
            done = true;
            stage = "The last layer's least-squares fit was singular.";
            return;
        }
        int outputs = oracle.outputs();
        double[][] a = new double[outputs][width];
        double[][] skip = new double[outputs][lowerWidth];
        double[] c = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int k = 0; k < width; k++) {
                a[o][k] = beta[k][o];
            }
            for (int i = 0; i < lowerWidth; i++) {
                skip[o][i] = beta[width + i][o];
            }
            c[o] = beta[columns - 1][o];
        }
        double[][] below = depth == 1 ? null : known.weights(depth - 1);
        boolean[] flipped = below == null ? null : solveSigns(a, skip, below);
        boolean signsKnown = flipped != null;
        if (signsKnown) {
            for (int k = 0; k < width; k++) {
                if (flipped[k]) {
                    for (int o = 0; o < outputs; o++) {
                        c[o] += a[o][k] * known.biases(depth - 1)[k];
                    }
                    known.flip(depth - 1, k);
                }
            }
            double[][] plain = new double[xs.length][width + 1];
            for (int r = 0; r < xs.length; r++) {
                System.arraycopy(known.at(xs[r]).h()[depth - 1], 0, plain[r], 0, width);
                plain[r][width] = 1;
            }
            double[][] refit = LinearSolve.leastSquares(plain, ys);
            if (refit != null) {
                for (int o = 0; o < outputs; o++) {
                    for (int k = 0; k < width; k++) {
                        a[o][k] = refit[k][o];
                    }
                    c[o] = refit[width][o];
                }
                skip = new double[outputs][lowerWidth];
            } else {
                signsKnown = false;
            }
        }
        List<double[][]> weights = new ArrayList<>(layerWeights());
        List<double[]> biases = new ArrayList<>(layerBiases());
        // A neuron of the last hidden layer that no output listens to changes nothing: it is left out.
        double largest = 0;
        for (double[] row : a) {
            for (double x : row) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        List<Integer> heard = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            double most = 0;
            for (double[] row : a) {
                most = Math.max(most, Math.abs(row[k]));
            }
            if (most > 1e-9 * largest) {
                heard.add(k);
            }
        }
        int dropped = width - heard.size();
        if (dropped > 0) {
            double[][] lastW = weights.get(depth - 1);
            double[] lastB = biases.get(depth - 1);
            weights.set(depth - 1, heard.stream().map(k -> lastW[k]).toArray(double[][]::new));
            biases.set(depth - 1, heard.stream().mapToDouble(k -> lastB[k]).toArray());
            for (int o = 0; o < outputs; o++) {
                double[] row = a[o];
                a[o] = heard.stream().mapToDouble(k -> row[k]).toArray();
            }
        }
        weights.add(a);
        biases.add(c);
        result = new RecoveredNetwork(weights, biases, skip, signsKnown, oracle.queries() - before);
        done = true;
        stage = (misfit > 1e-7 ? String.format(java.util.Locale.ROOT, "Some neuron is still missing (the outputs are fitted to a"
                + " relative misfit of %.1e after %d extra searches). ", misfit, searchRounds) : "")
                + (dropped > 0 ? dropped + " traced neuron(s) of layer " + depth + " that no output listens to left out. " : "")
                + "The last layer solved by least squares on " + xs.length + " queries"
                + (signsKnown ? ", and layer " + depth + "'s signs from its skip term." : "; layer " + depth + "'s signs are not"
                + " determined by the output layer's skip term (too few outputs, or a neuron missing), so the network is written"
                + " with the skip term.");
    }

    /**
     * The zero sets of every recovered neuron beyond the first layer (and of those traced so far in
     * the layer being traced) on the displayed plane, by marching squares on a grid × grid lattice:
     * {u0, v0, u1, v1, layer} per segment, layers counted from 1.
     */
    List<double[]> boundariesOnPlane(org.glassbox.regions.Plane plane, org.glassbox.regions.Window window, int grid) {
        // Redrawn only when the recovered neurons changed: most steps add none (a walk that failed, a skipped point).
        // (A sign flip leaves every zero set where it was; every other change alters a width or the traced count.)
        List<Object> key = List.of(plane, window, grid, layerWeights().stream().map(w -> w.length).toList(), layer.size());
        if (key.equals(drawnKey)) {
            return drawn;
        }
        drawn = draw(plane, window, grid);
        drawnKey = key;
        return drawn;
    }

    private List<Object> drawnKey;
    private List<double[]> drawn = List.of();

    private List<double[]> draw(org.glassbox.regions.Plane plane, org.glassbox.regions.Window window, int grid) {
        return DeeperBoundaries.onPlane(known, List.copyOf(layer), plane, window, grid);
    }

}
