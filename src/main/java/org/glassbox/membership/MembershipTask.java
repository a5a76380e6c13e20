package org.glassbox.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The audit, one model per step: step 0 draws the pool and the target's half, trains the target and
 * runs the threshold attacks (Yeom et al. 2018: loss, confidence, and the gap baseline, "member if
 * classified right"); each later step trains one LiRA shadow model on its own random half and
 * refreshes LiRA's scores, so the ROC sharpens as shadows finish. Every draw comes from the seed:
 * the pool and halves from named sub-seeds, each model's initialisation and batch order from its own.
 */
public final class MembershipTask implements IterativeTask<MembershipSnapshot> {

    public static final String LOSS = "Loss threshold";
    public static final String CONFIDENCE = "Confidence threshold";
    public static final String GAP = "Gap (correct = member)";
    public static final String LIRA_ONLINE = "LiRA online";
    public static final String LIRA_OFFLINE = "LiRA offline";
    public static final String AUGMENTATION = "Label-only: translations";
    public static final String NOISE = "Label-only: noise";

    /** Label-only, data augmentation (Choquette-Choo et al. 2021): shifts of up to d = 1 pixel, 4d + 1 = 5 queries. */
    static final int SHIFT = 1;
    /** Label-only, decision-boundary distance by Gaussian noise: queries per candidate, and σ (the paper sweeps 0.02–0.10). */
    static final int NOISE_SAMPLES = 50;
    static final double NOISE_SIGMA = 0.1;

    private final LabeledImages train;
    private final LabeledImages test;
    private final MembershipSetup setup;
    private final long seed;

    private int[] poolIndex;
    private boolean[] member;
    private INDArray poolFeatures;
    private int[] poolLabels;
    private double[] targetPhi;
    private final List<AttackResult> threshold = new ArrayList<>();
    private double memberAccuracy;
    private double nonMemberAccuracy;
    private double testAccuracy;
    private final List<double[]> shadowPhi = new ArrayList<>();
    private final List<boolean[]> shadowIn = new ArrayList<>();

    public MembershipTask(LabeledImages train, LabeledImages test, MembershipSetup setup, long seed) {
        if (setup.pool() > train.size()) {
            throw new IllegalArgumentException("the pool of " + setup.pool() + " images is larger than the " + train.size()
                    + " training images shipped");
        }
        this.train = train;
        this.test = test;
        this.setup = setup;
        this.seed = seed;
    }

    /** Shadow models trained at once, one per core, each on one ND4J thread (one model on two threads is slower here). */
    private final int workers = Runtime.getRuntime().availableProcessors();

    @Override
    public int iterations() {
        return 1 + (setup.shadows() + workers - 1) / workers;
    }

    @Override
    public MembershipSnapshot step(int index) {
        if (index == 0) {
            drawPool();
            member = half(Seeds.derive(seed, "target-half"));
            MultiLayerNetwork target = trainOn(member, Seeds.derive(seed, "target"));
            double[][] logits = logits(target, poolFeatures);
            targetPhi = new double[logits.length];
            double[] loss = new double[logits.length];
            double[] confidence = new double[logits.length];
            double[] correct = new double[logits.length];
            int rightIn = 0;
            int rightOut = 0;
            for (int i = 0; i < logits.length; i++) {
                targetPhi[i] = Lira.logitScaledConfidence(logits[i], poolLabels[i]);
                double ce = Lira.crossEntropy(logits[i], poolLabels[i]);
                loss[i] = -ce;
                confidence[i] = Math.exp(-ce);
                correct[i] = argmax(logits[i]) == poolLabels[i] ? 1 : 0;
                if (member[i]) {
                    rightIn += (int) correct[i];
                } else {
                    rightOut += (int) correct[i];
                }
            }
            int members = count(member);
            memberAccuracy = (double) rightIn / members;
            nonMemberAccuracy = (double) rightOut / (member.length - members);
            testAccuracy = accuracy(target, test);
            threshold.add(AttackResult.of(LOSS, loss, member));
            threshold.add(AttackResult.of(CONFIDENCE, confidence, member));
            threshold.add(AttackResult.of(GAP, correct, member));
            threshold.add(AttackResult.of(AUGMENTATION, translationsKept(target), member, 4 * SHIFT + 1));
            threshold.add(AttackResult.of(NOISE, noiseKept(target, Seeds.derive(seed, "noise")), member, NOISE_SAMPLES));
            return snapshot("target trained on " + members + " members" + (setup.dpNoise() > 0 ? String.format(java.util.Locale.ROOT,
                    " by DP-SGD (σ %s, C %s: ε = %.2f at δ = 1e-5)", setup.dpNoise(), setup.dpClip(), targetEpsilon()) : ""));
        }
        int first = (index - 1) * workers;
        int last = Math.min(setup.shadows(), first + workers);
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        org.glassbox.engine.ComputeBackend.setThreads(1);
        try {
            List<java.util.concurrent.Future<double[]>> phis = new ArrayList<>();
            List<boolean[]> halves = new ArrayList<>();
            for (int k = first; k < last; k++) {
                boolean[] in = half(Seeds.derive(seed, "shadow-half-" + k));
                long shadowSeed = Seeds.derive(seed, "shadow-" + k);
                halves.add(in);
                // on the app's parallel threads, the same ones audit after audit, so that native memory is reused
                phis.add(org.glassbox.engine.JobExecutors.parallel(() -> shadowPhi(in, shadowSeed)));
            }
            for (int j = 0; j < phis.size(); j++) {
                shadowPhi.add(phis.get(j).get());
                shadowIn.add(halves.get(j));
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a shadow model failed to train: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shadow models trained", e);
        } finally {
            org.glassbox.engine.ComputeBackend.setThreads(Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors())));
        }
        return snapshot(last - first == 1 ? "shadow model " + last + " of " + setup.shadows() + " trained"
                : "shadow models " + (first + 1) + "–" + last + " of " + setup.shadows() + " trained");
    }

    /** φ of every candidate under one shadow model trained on {@code in}. */
    private double[] shadowPhi(boolean[] in, long shadowSeed) {
        MultiLayerNetwork shadow = trainOn(in, shadowSeed);
        double[][] logits = logits(shadow, poolFeatures);
        double[] phi = new double[logits.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = Lira.logitScaledConfidence(logits[i], poolLabels[i]);
        }
        return phi;
    }

    private MembershipSnapshot snapshot(String stage) {
        List<AttackResult> attacks = new ArrayList<>(threshold);
        if (shadowPhi.size() >= 2) {
            Lira.Fits fits = Lira.fit(shadowPhi.toArray(double[][]::new), shadowIn.toArray(boolean[][]::new), setup.fixedVariance());
            attacks.add(AttackResult.of(LIRA_ONLINE, Lira.online(targetPhi, fits), member));
            attacks.add(AttackResult.of(LIRA_OFFLINE, Lira.offline(targetPhi, fits), member));
        }
        return new MembershipSnapshot(stage, shadowPhi.size(), setup.shadows(), memberAccuracy, nonMemberAccuracy, testAccuracy,
                poolIndex.clone(), member.clone(), List.copyOf(attacks));
    }

    /**
     * For each candidate, how many of its shifted copies (by 0 and by 1 to {@link #SHIFT} pixels left, right,
     * up and down, zeros shifted in) the target labels right: labels only, no scores.
     */
    private double[] translationsKept(MultiLayerNetwork target) {
        int h = train.height();
        int w = train.width();
        int copies = 4 * SHIFT + 1;
        double[] kept = new double[poolIndex.length];
        int chunk = 100;
        for (int from = 0; from < poolIndex.length; from += chunk) {
            int to = Math.min(poolIndex.length, from + chunk);
            double[][] rows = new double[(to - from) * copies][];
            for (int i = from; i < to; i++) {
                double[] x = train.image(poolIndex[i]);
                int r = (i - from) * copies;
                rows[r++] = x;
                for (int s = 1; s <= SHIFT; s++) {
                    rows[r++] = shifted(x, h, w, 0, s);
                    rows[r++] = shifted(x, h, w, 0, -s);
                    rows[r++] = shifted(x, h, w, s, 0);
                    rows[r++] = shifted(x, h, w, -s, 0);
                }
            }
            double[][] z = logits(target, Nd4j.create(rows).castTo(DataType.FLOAT));
            for (int k = 0; k < z.length; k++) {
                int i = from + k / copies;
                kept[i] += argmax(z[k]) == poolLabels[i] ? 1 : 0;
            }
        }
        return kept;
    }

    private static double[] shifted(double[] x, int h, int w, int dy, int dx) {
        double[] out = new double[x.length];
        for (int r = 0; r < h; r++) {
            int from = r - dy;
            if (from < 0 || from >= h) {
                continue;
            }
            for (int c = 0; c < w; c++) {
                int fc = c - dx;
                if (fc >= 0 && fc < w) {
                    out[r * w + c] = x[from * w + fc];
                }
            }
        }
        return out;
    }

    /** For each candidate, the share of {@link #NOISE_SAMPLES} copies with N(0, σ²) pixel noise that keep the right label. */
    private double[] noiseKept(MultiLayerNetwork target, long noiseSeed) {
        Random random = new Random(noiseSeed);
        double[] kept = new double[poolIndex.length];
        int chunk = 20;
        for (int from = 0; from < poolIndex.length; from += chunk) {
            int to = Math.min(poolIndex.length, from + chunk);
            double[][] rows = new double[(to - from) * NOISE_SAMPLES][];
            for (int i = from; i < to; i++) {
                double[] x = train.image(poolIndex[i]);
                for (int n = 0; n < NOISE_SAMPLES; n++) {
                    double[] noisy = new double[x.length];
                    for (int p = 0; p < x.length; p++) {
                        noisy[p] = x[p] + NOISE_SIGMA * random.nextGaussian();
                    }
                    rows[(i - from) * NOISE_SAMPLES + n] = noisy;
                }
            }
            double[][] z = logits(target, Nd4j.create(rows).castTo(DataType.FLOAT));
            for (int k = 0; k < z.length; k++) {
                int i = from + k / NOISE_SAMPLES;
                kept[i] += argmax(z[k]) == poolLabels[i] ? 1.0 / NOISE_SAMPLES : 0;
            }
        }
        return kept;
    }

    /** The pool: a seeded sample without replacement of the training images. */
    private void drawPool() {
        int[] all = new int[train.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Seeds.shuffle(all, new Random(Seeds.derive(seed, "pool")));
        poolIndex = java.util.Arrays.copyOf(all, setup.pool());
        java.util.Arrays.sort(poolIndex);
        double[][] rows = new double[poolIndex.length][];
        poolLabels = new int[poolIndex.length];
        for (int i = 0; i < poolIndex.length; i++) {
            rows[i] = train.image(poolIndex[i]);
            poolLabels[i] = train.labels()[poolIndex[i]];
        }
        poolFeatures = Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    /** Exactly half of the pool (rounded down), drawn from the seed. */
    private boolean[] half(long halfSeed) {
        int[] order = new int[poolIndex.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Seeds.shuffle(order, new Random(halfSeed));
        boolean[] in = new boolean[order.length];
        for (int i = 0; i < order.length / 2; i++) {
            in[order[i]] = true;
        }
        return in;
    }

    private org.glassbox.privacy.DpSgd.Settings dpSettings(int members) {
        return new org.glassbox.privacy.DpSgd.Settings(Math.min(1, (double) setup.batchSize() / members), setup.dpNoise(),
                setup.dpClip(), setup.dpLearningRate());
    }

    private long dpSteps(int members) {
        return (long) Math.ceil((double) setup.epochs() * members / setup.batchSize());
    }

    /** The target's ε at δ = 10⁻⁵ when it is trained by DP-SGD (NaN when it is not). */
    public double targetEpsilon() {
        if (setup.dpNoise() <= 0) {
            return Double.NaN;
        }
        int members = setup.pool() / 2;
        double[] orders = org.glassbox.privacy.RdpAccountant.DEFAULT_ORDERS;
        return org.glassbox.privacy.RdpAccountant.epsilon(orders, org.glassbox.privacy.RdpAccountant.compose(
                dpSettings(members).sampleRate(), setup.dpNoise(), dpSteps(members), orders), 1e-5).epsilon();
    }

    private MultiLayerNetwork trainOn(boolean[] in, long modelSeed) {
        int[] rows = new int[count(in)];
        for (int i = 0, r = 0; i < in.length; i++) {
            if (in[i]) {
                rows[r++] = i;
            }
        }
        INDArray x = poolFeatures.getRows(rows);
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows.length, train.classNames().size());
        for (int r = 0; r < rows.length; r++) {
            y.putScalar(r, poolLabels[rows[r]], 1f);
        }
        DataSet data = new DataSet(x, y);
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(setup, train.height() * train.width(),
                train.classNames().size(), modelSeed));
        net.init();
        if (setup.dpNoise() > 0) {
            // DP-SGD as the accountant assumes it: Poisson batches of expected size batchSize, as many steps as the epochs take
            org.glassbox.privacy.DpSgd dp = new org.glassbox.privacy.DpSgd(net, x, y, dpSettings(rows.length), Seeds.derive(modelSeed,
                    "dp-sgd"));
            for (long s = 0; s < dpSteps(rows.length); s++) {
                dp.step();
            }
            return net;
        }
        Random order = new Random(Seeds.derive(modelSeed, "batches"));
        int[] shuffled = new int[rows.length];
        for (int epoch = 0; epoch < setup.epochs(); epoch++) {
            for (int i = 0; i < shuffled.length; i++) {
                shuffled[i] = i;
            }
            Seeds.shuffle(shuffled, order);
            for (int from = 0; from < shuffled.length; from += setup.batchSize()) {
                net.fit((DataSet) data.get(java.util.Arrays.copyOfRange(shuffled, from, Math.min(shuffled.length,
                        from + setup.batchSize()))));
            }
        }
        return net;
    }

    /** The target's and the shadows' recipe: ReLU layers, softmax output, cross-entropy, Adam, optional L2. */
    static MultiLayerConfiguration configuration(MembershipSetup setup, int inputs, int classes, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(setup.learningRate()))
                .weightInit(WeightInit.RELU)
                .l2(setup.l2())
                .list();
        int in = inputs;
        int layer = 0;
        for (int width : setup.hiddenWidths()) {
            list.layer(layer++, new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        list.layer(layer, new OutputLayer.Builder(LossFunction.MCXENT).nIn(in).nOut(classes).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    /** The output layer's pre-softmax values, z = h W + b, from the activations that feed it. */
    static double[][] logits(MultiLayerNetwork net, INDArray features) {
        int last = net.getnLayers() - 1;
        List<INDArray> activations = net.feedForwardToLayer(last, features, false);
        INDArray h = activations.get(last);
        INDArray z = h.mmul(net.getLayer(last).getParam("W")).addRowVector(net.getLayer(last).getParam("b"));
        return z.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double accuracy(MultiLayerNetwork net, LabeledImages data) {
        int correct = 0;
        for (int from = 0; from < data.size(); from += 500) {
            int to = Math.min(data.size(), from + 500);
            double[][] z = logits(net, data.features(from, to, DataType.FLOAT));
            for (int i = 0; i < z.length; i++) {
                correct += argmax(z[i]) == data.labels()[from + i] ? 1 : 0;
            }
        }
        return (double) correct / data.size();
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

}
