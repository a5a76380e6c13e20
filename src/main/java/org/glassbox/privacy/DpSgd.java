package org.glassbox.privacy;

import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DP-SGD (Abadi et al., "Deep Learning with Differential Privacy", CCS 2016) on a DL4J network, as
 * the accountant assumes it: each step takes a Poisson sample (every example independently with
 * probability q, so the batch size varies), clips each example's gradient to norm C, sums,
 * adds N(0, σ²C²) to every coordinate, divides by the expected batch size qN (not the actual one,
 * which would leak it) and takes a plain SGD step. The sampling and the noise come from their own
 * seeded generators, so a seed fixes the run.
 *
 * <p>{@link #epsilon} is the accountant's ε for the steps taken so far.
 */
public final class DpSgd {

    /** q, σ, C and the learning rate; C = ∞ and σ = 0 make plain SGD on the same Poisson batches (the non-private twin). */
    public record Settings(double sampleRate, double noiseMultiplier, double clipNorm, double learningRate) {
        public Settings {
            if (!(sampleRate > 0 && sampleRate <= 1) || !(noiseMultiplier >= 0) || !(clipNorm > 0) || !(learningRate > 0)) {
                throw new IllegalArgumentException("q = " + sampleRate + ", σ = " + noiseMultiplier + ", C = " + clipNorm
                        + ", learning rate " + learningRate);
            }
        }
    }

    /** What one step did: how many examples the Poisson sample took, and the share of them whose gradient was clipped. */
    public record Step(int sampled, double clippedShare) {
    }

    private final MultiLayerNetwork network;
    private final INDArray features;
    private final INDArray labels;
    private final Settings settings;
    private final Random sampling;
    private final Random noise;
    private long steps;

    /** @param features one example per row; {@code labels} one-hot, one row per example */
    public DpSgd(MultiLayerNetwork network, INDArray features, INDArray labels, Settings settings, long seed) {
        if (features.rows() != labels.rows()) {
            throw new IllegalArgumentException(features.rows() + " examples with " + labels.rows() + " labels");
        }
        this.network = network;
        this.features = features;
        this.labels = labels;
        this.settings = settings;
        this.sampling = new Random(org.glassbox.engine.Seeds.derive(seed, "poisson-sampling"));
        this.noise = new Random(org.glassbox.engine.Seeds.derive(seed, "gaussian-noise"));
    }

    public Step step() {
        int n = features.rows();
        int params = (int) network.numParams();
        double[] sum = new double[params];
        java.util.List<Integer> batch = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (sampling.nextDouble() < settings.sampleRate()) {
                batch.add(i);
            }
        }
        int sampled = batch.size();
        int clipped = 0;
        if (Double.isInfinite(settings.clipNorm())) {
            // nothing is clipped (the non-private twin): one backward pass over the batch gives the same sum
            if (sampled > 0) {
                int[] rows = batch.stream().mapToInt(Integer::intValue).toArray();
                Pair<Gradient, INDArray> g = network.calculateGradients(features.getRows(rows), labels.getRows(rows), null, null);
                sum = g.getFirst().gradient().dup().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
            }
        } else {
            for (int i : batch) {
                if (clipInto(sum, exampleGradient(i), settings.clipNorm())) {
                    clipped++;
                }
            }
        }
        double scale = settings.learningRate() / (settings.sampleRate() * n);
        double sd = settings.noiseMultiplier() == 0 ? 0 : settings.noiseMultiplier() * settings.clipNorm();
        double[] update = new double[params];
        for (int k = 0; k < params; k++) {
            update[k] = scale * (sum[k] + sd * noise.nextGaussian());
        }
        INDArray theta = network.params();
        network.setParams(theta.sub(Nd4j.create(update).castTo(theta.dataType()).reshape(theta.shape())));
        steps++;
        return new Step(sampled, sampled == 0 ? 0 : (double) clipped / sampled);
    }

    /** The gradient of example i's loss with respect to the flat parameters (DL4J returns the batch's sum; here a batch of one). */
    private double[] exampleGradient(int i) {
        INDArray x = features.getRow(i, true);
        INDArray y = labels.getRow(i, true);
        Pair<Gradient, INDArray> g = network.calculateGradients(x, y, null, null);
        return g.getFirst().gradient().dup().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
    }

    /**
     * Adds g, scaled to norm at most C ({@code g · min(1, C / ‖g‖)}), into {@code sum}; true if it
     * had to be scaled down.
     */
    static boolean clipInto(double[] sum, double[] g, double clipNorm) {
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double factor = norm > clipNorm ? clipNorm / norm : 1;
        for (int k = 0; k < g.length; k++) {
            sum[k] += factor * g[k];
        }
        return factor < 1;
    }

    public long steps() {
        return steps;
    }

    /** The accountant's ε after the steps taken so far, at δ (Balle et al. 2020 conversion, dp_accounting's orders). */
    public RdpAccountant.Conversion epsilon(double delta) {
        if (settings.noiseMultiplier() == 0) {
            return new RdpAccountant.Conversion(Double.POSITIVE_INFINITY, Double.NaN);
        }
        double[] orders = RdpAccountant.DEFAULT_ORDERS;
        return RdpAccountant.epsilon(orders, RdpAccountant.compose(settings.sampleRate(), settings.noiseMultiplier(), steps, orders),
                delta);
    }

    public MultiLayerNetwork network() {
        return network;
    }
}
