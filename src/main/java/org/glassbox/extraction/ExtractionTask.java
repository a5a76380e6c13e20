package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.FunctionalAgreement;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.metrics.NetworkComparison;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.Window;

/**
 * Rolnick and Kording's Algorithm 1 against a black box, one random line per step: the line's
 * critical points ({@link LineSearch}), the hyperplane at each ({@link KinkAnalysis}), the test
 * that it extends across the input space (first layer) or bends (deeper), and de-duplication. The
 * first layer's width is inferred: it is the number of distinct first-layer hyperplanes found.
 * Lines are drawn on the displayed plane, so that every query point can be shown on it.
 *
 * <p>The attack only queries the oracle. The true network is held to score the recovered layer
 * for the person watching.
 */
public final class ExtractionTask implements IterativeTask<ExtractionSnapshot> {

    /** Precision refinement (a least-squares plane through 2d + 2 exact critical points) runs up to this many inputs. */
    public static final int REFINE_MAX_INPUTS = 64;

    private final PiecewiseLinearNetwork truth;
    private final Oracle oracle;
    private final Plane plane;
    private final Window window;
    private final ExtractionParameters parameters;
    private final Random lines;
    private final Random probes;
    private final LineSearch search;
    private final KinkAnalysis analysis;
    private final List<RecoveredNeuron> firstLayer = new ArrayList<>();
    private final List<Hyperplane> deeper = new ArrayList<>();
    private final List<DeeperLayers.Candidate> candidates = new ArrayList<>();
    private DeeperLayers deeperLayers;
    private Completion completion;
    private boolean finished;
    private int linesSearched;
    private final List<KinkPoint> kinks = new ArrayList<>();
    private final List<double[]> segments = new ArrayList<>();
    private final long seed;
    private final List<Double> log2Error = new ArrayList<>();
    private final List<Long> queriesAfter = new ArrayList<>();

    public ExtractionTask(PiecewiseLinearNetwork truth, Oracle oracle, Plane plane, Window window,
                          ExtractionParameters parameters, long seed) {
        if (plane.dimension() != oracle.inputs()) {
            throw new IllegalArgumentException("the plane lies in " + plane.dimension() + " dimensions, the network takes "
                    + oracle.inputs());
        }
        this.truth = truth;
        this.oracle = oracle;
        this.plane = plane;
        this.window = window;
        this.parameters = parameters;
        this.seed = seed;
        this.lines = new Random(Seeds.derive(seed, "extraction-lines"));
        this.probes = new Random(Seeds.derive(seed, "extraction-probes"));
        Noise noise = Noise.of(oracle.precision());
        this.search = new LineSearch(oracle, noise, 1e-9 * parameters.halfLength());
        this.analysis = new KinkAnalysis(oracle, noise);
    }

    /** Steps the deeper stage may take at most: one per critical point traced, one per layer closed. */
    public static final int MAX_DEEPER_STEPS = 2000;

    /** One step per line, then the deeper layers a critical point at a time, bounded by {@link #MAX_DEEPER_STEPS}. */
    @Override
    public int iterations() {
        return parameters.lines() + 1 + MAX_DEEPER_STEPS;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public boolean bounded() {
        return true;
    }

    /** Lines are the first half of the estimate; the critical points of the layer being traced, the second. */
    @Override
    public double progress(int completed) {
        if (finished) {
            return 1;
        }
        if (deeperLayers == null) {
            return 0.5 * Math.min(completed, parameters.lines()) / parameters.lines();
        }
        return 0.5 + 0.5 * deeperLayers.layerProgress();
    }

    @Override
    public ExtractionSnapshot step(int index) {
        if (index >= parameters.lines()) {
            return finish(index == parameters.lines());
        }
        searchLine(this::classify, false, null);
        LayerComparison comparison = compare();
        double error = comparison.maxError();
        record(error);
        pause();
        return snapshot(index + 1, comparison, "Searching line " + (index + 1) + " of " + parameters.lines());
    }

    /** What to do with one critical point of a line: x, the line's direction, and the room to the next kink. */
    private interface KinkHandler {
        void handle(double[] x, double[] v, double room);
    }

    /**
     * One random line, its critical points each handed over: on the displayed plane, or (with more
     * than two inputs, while looking for missing neurons) through the given point (a random one
     * N(0, I) when null) in a random direction of the whole input space, which reaches boundaries
     * the plane never meets.
     */
    private void searchLine(KinkHandler handler, boolean anywhere, double[] through) {
        double half = parameters.halfLength();
        int d = oracle.inputs();
        double[] o;
        double[] v;
        if (anywhere && (d > 2 || through != null)) {
            o = new double[d];
            v = new double[d];
            for (int j = 0; j < d; j++) {
                o[j] = through != null ? through[j] : lines.nextGaussian();
                v[j] = lines.nextGaussian();
            }
        } else {
            double u0 = window.uMin() + lines.nextDouble() * window.width();
            double v0 = window.vMin() + lines.nextDouble() * window.height();
            double angle = lines.nextDouble() * Math.PI;
            o = plane.point(u0, v0);
            double[] onLine = plane.point(u0 + Math.cos(angle), v0 + Math.sin(angle));
            v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = onLine[j] - o[j];
            }
        }
        double n = KinkAnalysis.norm(v);
        for (int j = 0; j < d; j++) {
            v[j] /= n;
        }
        if (d == 2 || !anywhere) {
            // On the displayed plane: drawn.
            double[] a = plane.coordinates(LineSearch.point(o, v, -half));
            double[] b = plane.coordinates(LineSearch.point(o, v, half));
            segments.add(new double[] {a[0], a[1], b[0], b[1]});
        }
        linesSearched++;
        handleKinks(search.kinks(o, v, -half, half), v, half, handler);
    }

    private static void handleKinks(List<LineSearch.Kink> found, double[] v, double half, KinkHandler handler) {
        for (int i = 0; i < found.size(); i++) {
            double before = i == 0 ? found.get(i).t() + half : found.get(i).t() - found.get(i - 1).t();
            double after = i == found.size() - 1 ? half - found.get(i).t() : found.get(i + 1).t() - found.get(i).t();
            handler.handle(found.get(i).x(), v, Math.min(before, after));
        }
    }

    /**
     * An extra line while the deeper stage looks for missing neurons: a critical point that a known
     * neuron explains costs nothing; any other becomes a new starting point for a boundary walk.
     */
    private void searchForMissing(List<DeeperLayers.Candidate> found, double[] through) {
        searchLine((x, v, room) -> {
            double[] uv = plane.coordinates(x);
            if (firstLayerThrough(x) >= 0) {
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.FIRST_LAYER));
                return;
            }
            if (deeperLayers.explains(x)) {
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.DEEPER));
                return;
            }
            Optional<KinkAnalysis.Witness> witness = analysis.hyperplaneAt(x, v, room);
            if (witness.isEmpty()) {
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.UNCLEAR));
                return;
            }
            found.add(new DeeperLayers.Candidate(witness.get().x(), witness.get().plane().w()));
            kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.DEEPER));
        }, true, through);
    }

    /** Extra lines per round of the search for missing neurons. */
    static final int EXTRA_LINES = 4;

    /**
     * The steps after the last line. If every critical point lay on a first-layer hyperplane, the
     * network has one hidden layer and its last layer (and, when contractive, the signs) are solved
     * at once; otherwise the deeper layers are traced one critical point per step
     * ({@link DeeperLayers}).
     */
    private ExtractionSnapshot finish(boolean first) {
        int lines = parameters.lines();
        LayerComparison comparison = compare();
        if (first) {
            boolean deeperSeen = kinks.stream().anyMatch(k -> k.kind() == KinkPoint.Kind.DEEPER);
            if (firstLayer.isEmpty()) {
                finished = true;
                return snapshot(lines, comparison, "No first-layer neuron was recovered, so the attack cannot go on.");
            }
            if (deeperSeen) {
                deeperLayers = new DeeperLayers(oracle, firstLayer.stream().map(RecoveredNeuron::plane).toList(), candidates,
                        Seeds.derive(seed, "deeper-layers"), 50 * (1 + parameters.halfLength()));
            } else {
                OneHiddenLayerSolution solution = OneHiddenLayerSolution.solve(oracle,
                        firstLayer.stream().map(RecoveredNeuron::plane).toList(), Seeds.derive(seed, "last-layer"), 1.0);
                finished = true;
                if (solution == null) {
                    return snapshot(lines, comparison, "The last layer's least-squares fit was singular.");
                }
                completion = score(solution.network());
                return snapshot(lines, comparison, "One hidden layer: the last layer was solved by least squares"
                        + (solution.signsKnown() ? ", and the signs from its affine part." : "; the signs are not determined"
                        + " (more neurons than inputs), so the function is written with an affine skip term."));
            }
        }
        if (deeperLayers.wantsCandidates()) {
            // Lines through the inputs the recovered layers explain worst first (a missing neuron is switched the other way
            // there from where the fit was made, so a line through one meets its boundary), then random ones.
            List<DeeperLayers.Candidate> found = new ArrayList<>();
            List<double[]> aims = deeperLayers.unexplained();
            for (int i = 0; i < Math.max(EXTRA_LINES, aims.size()); i++) {
                searchForMissing(found, i < aims.size() ? aims.get(i) : null);
            }
            deeperLayers.addCandidates(found);
        } else {
            deeperLayers.step();
        }
        if (deeperLayers.done()) {
            finished = true;
            if (deeperLayers.result() != null) {
                completion = score(deeperLayers.result());
            }
        }
        NetworkComparison layers = completion != null ? completion.layers() : deeperComparison();
        record(layers.hidden().stream().mapToDouble(LayerComparison::maxError).filter(e -> !Double.isNaN(e)).max()
                .orElse(Double.NaN));
        pause();
        return snapshot(lines, comparison, layers, deeperLayers.stage());
    }

    /** One point of the error-against-queries curve: the largest weight error over the layers compared so far. */
    private void record(double error) {
        log2Error.add(Double.isNaN(error) ? Double.NaN : Math.log(Math.max(error, 1e-300)) / Math.log(2));
        queriesAfter.add(oracle.queries());
    }

    private void pause() {
        if (parameters.pauseMillis() > 0) {
            try {
                Thread.sleep(parameters.pauseMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ExtractionSnapshot snapshot(int lines, LayerComparison comparison, String stage) {
        return snapshot(lines, comparison, completion != null ? completion.layers() : deeperComparison(), stage);
    }

    private ExtractionSnapshot snapshot(int lines, LayerComparison comparison, NetworkComparison layers, String stage) {
        int shown = Math.max(Math.min(lines, parameters.lines()), linesSearched);
        List<double[]> traces = new ArrayList<>();
        List<double[]> boundaries = List.of();
        int tracing = 0;
        if (deeperLayers != null) {
            tracing = deeperLayers.done() ? 0 : deeperLayers.tracingLayer();
            for (DeeperLayers.Path path : deeperLayers.paths()) {
                for (int i = 0; i + 1 < path.points().size(); i++) {
                    double[] a = plane.coordinates(path.points().get(i));
                    double[] b = plane.coordinates(path.points().get(i + 1));
                    traces.add(new double[] {a[0], a[1], b[0], b[1], path.traced() ? path.layer() : -path.layer()});
                }
            }
            boundaries = deeperLayers.boundariesOnPlane(plane, window, 160);
        }
        return new ExtractionSnapshot(shown, oracle.queries(), List.copyOf(kinks), List.copyOf(firstLayer), comparison,
                List.copyOf(segments), log2Error.stream().mapToDouble(Double::doubleValue).toArray(),
                queriesAfter.stream().mapToLong(Long::longValue).toArray(), completion, stage,
                layers, List.copyOf(traces), boundaries, tracing);
    }

    /** The layers recovered so far against the true ones, while the deeper stage runs. */
    private NetworkComparison deeperComparison() {
        if (deeperLayers == null) {
            return null;
        }
        List<double[][]> w = new ArrayList<>(deeperLayers.layerWeights());
        List<double[]> b = new ArrayList<>(deeperLayers.layerBiases());
        double[][] traced = deeperLayers.tracedWeights();
        if (traced.length > 0) {
            // While the layer below has its signs open, a traced neuron's bias carries Σ u_jk ĉ_k of the rows that are
            // flipped against the truth (the skip term's constant). For the table only, that share is put back, using
            // the truth's signs, so that the traced weights and bias can be compared before the attack fixes the signs.
            LayerComparison below = NetworkComparison.compare(truth.weights(), truth.biases(), w, b, false).hidden()
                    .get(w.size() - 1);
            double[] belowBias = b.get(b.size() - 1);
            double[] bias = deeperLayers.tracedBiases();
            for (LayerComparison.NeuronMatch m : below.matches()) {
                if (m.cosine() < 0) {
                    for (int j = 0; j < traced.length; j++) {
                        bias[j] += traced[j][m.recovered()] * belowBias[m.recovered()];
                    }
                }
            }
            w.add(traced);
            b.add(bias);
        }
        return NetworkComparison.compare(truth.weights(), truth.biases(), w, b, false);
    }

    /** The recovered network against the true one: layers, signs, last layer, and outputs on random inputs and on the plane. */
    private Completion score(RecoveredNetwork network) {
        Random inputs = new Random(Seeds.derive(seed, "agreement"));
        int d = oracle.inputs();
        // 100,000 inputs as the issue asks, fewer for a wide first layer (about 2·10^8 multiply-adds in all).
        int count = Math.max(1000, Math.min(100_000, 200_000_000 / Math.max(1, truth.hiddenNeurons() * d)));
        double[][] random = new double[count][d];
        for (double[] x : random) {
            for (int j = 0; j < d; j++) {
                x[j] = inputs.nextGaussian();
            }
        }
        int grid = 200;
        double[][] planePoints = new double[grid * grid][];
        for (int r = 0; r < grid; r++) {
            for (int c = 0; c < grid; c++) {
                planePoints[r * grid + c] = plane.point(window.uMin() + (c + 0.5) / grid * window.width(),
                        window.vMin() + (r + 0.5) / grid * window.height());
            }
        }
        FunctionalAgreement onRandom = FunctionalAgreement.over(truth::logits, network::apply, random);
        FunctionalAgreement onPlane = FunctionalAgreement.over(truth::logits, network::apply, planePoints);
        NetworkComparison layers = NetworkComparison.compare(truth.weights(), truth.biases(), network.weights(), network.biases(),
                true);
        double signsRight = network.signsKnown() ? layers.signsRight() : Double.NaN;
        double lastError = network.signsKnown() ? layers.outputError() : Double.NaN;
        return new Completion(network, layers, signsRight, lastError, network.queries(), onRandom, onPlane);
    }

    /** The first recovered first-layer neuron whose hyperplane passes through x (to 1e-7 relative), or −1. */
    private int firstLayerThrough(double[] x) {
        double tolerance = 1e-7 * (1 + KinkAnalysis.norm(x));
        for (int i = 0; i < firstLayer.size(); i++) {
            if (Math.abs(firstLayer.get(i).plane().value(x)) < tolerance) {
                return i;
            }
        }
        return -1;
    }

    /** Names the neuron behind the critical point x, spending no queries when a known first-layer plane explains it. */
    private void classify(double[] x, double[] v, double room) {
        double[] uv = plane.coordinates(x);
        int through = firstLayerThrough(x);
        if (through >= 0) {
            firstLayer.set(through, new RecoveredNeuron(firstLayer.get(through).plane(), firstLayer.get(through).witnesses() + 1));
            kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.FIRST_LAYER));
            return;
        }
        Optional<KinkAnalysis.Witness> witness = analysis.hyperplaneAt(x, v, room);
        if (witness.isEmpty()) {
            kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.UNCLEAR));
            return;
        }
        Hyperplane h = witness.get().plane();
        for (int i = 0; i < firstLayer.size(); i++) {
            if (firstLayer.get(i).plane().sameAs(h, 1e-6)) {
                firstLayer.set(i, new RecoveredNeuron(firstLayer.get(i).plane(), firstLayer.get(i).witnesses() + 1));
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.FIRST_LAYER));
                return;
            }
        }
        for (Hyperplane known : deeper) {
            if (known.sameAs(h, 1e-8)) {
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.DEEPER));
                return;
            }
        }
        if (analysis.extendsEverywhere(witness.get(), probes, parameters.probeRadius(), parameters.probes(), 0.8)) {
            // Refinement solves a d×d system from 2d + 2 exact points; above REFINE_MAX_INPUTS the gradient-jump
            // estimate is kept once short lines across it confirm that the box kinks where it says.
            Optional<Hyperplane> refined = oracle.inputs() <= REFINE_MAX_INPUTS ? analysis.refine(witness.get(), probes, 1.0)
                    : Optional.empty();
            if (refined.isEmpty() && !analysis.confirms(witness.get(), probes, 1.0, 3)) {
                kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.UNCLEAR));
                return;
            }
            firstLayer.add(new RecoveredNeuron(refined.orElse(h), 1));
            kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.FIRST_LAYER));
        } else {
            deeper.add(h);
            candidates.add(new DeeperLayers.Candidate(witness.get().x(), h.w()));
            kinks.add(new KinkPoint(uv[0], uv[1], KinkPoint.Kind.DEEPER));
        }
    }

    private LayerComparison compare() {
        double[][] w = new double[firstLayer.size()][];
        double[] b = new double[firstLayer.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = firstLayer.get(i).plane().w();
            b[i] = firstLayer.get(i).plane().b();
        }
        return LayerComparison.compare(truth.weights().get(0), truth.biases().get(0), w, b);
    }
}
