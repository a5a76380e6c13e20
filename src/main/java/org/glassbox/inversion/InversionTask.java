package org.glassbox.inversion;

import java.util.Arrays;
import java.util.Random;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.ImageMetrics;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attack on a client's batch: the client's gradient g* = ∇_W Σ ℓ(x*, y*), after its defense,
 * is all the attacker sees (with the model). The attacker optimises a dummy batch of the same size,
 * starting uniform in [0, 1] from the seed, on the attack's cost (squared L2 or cosine, plus TV),
 * with the label read from g* (iDLG) or learned jointly as a soft label softmax(u), u from N(0, 1)
 * (DLG). Each restart starts from a fresh draw; the best iterate is the one of least cost over all.
 * PSNR, SSIM and label accuracy against the private images are measured for the person watching,
 * never used by the attack.
 */
public final class InversionTask implements IterativeTask<InversionSnapshot> {

    private final InversionAttack attack;
    private final InversionOptimizer optimizer;
    private final InversionParameters parameters;
    private final GradientMatching matching;
    private final ClientBatch batch;
    private final int pixels;
    private final int classes;
    private final int imageLength;
    private final int[] recoveredLabels;
    private final INDArray fixedLabels;
    private final ModelHandle model;
    private final long seed;
    private final Lbfgs lbfgs = new Lbfgs(InversionOptimizer.LBFGS_MEMORY);
    private double[] adamM;
    private double[] adamV;
    private Objective.Point point;
    private Reconstruction best;
    private int bestIteration;

    /** iDLG with its preset optimiser on one image, no defense. */
    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionParameters parameters, long seed, boolean dlgWeights) {
        this(model, new double[][] {privateImage}, height, width, new int[] {privateLabel}, InversionAttack.IDLG, parameters,
                seed, dlgWeights, new Defense.None());
    }

    /** The attack with its paper's optimiser on one image. */
    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionAttack attack, InversionParameters parameters, long seed, boolean dlgWeights, Defense defense) {
        this(model, new double[][] {privateImage}, height, width, new int[] {privateLabel}, attack, parameters, seed,
                dlgWeights, defense);
    }

    /** The attack with its paper's optimiser on a batch whose images are all watched. */
    public InversionTask(ModelHandle model, double[][] privateImages, int height, int width, int[] privateLabels,
                         InversionAttack attack, InversionParameters parameters, long seed, boolean dlgWeights,
                         Defense defense) {
        this(model, ClientBatch.of(privateImages, privateLabels, height, width), attack, attack.optimizer(), parameters, seed,
                dlgWeights, defense);
    }

    /**
     * @param model      the attacked network; a double-precision copy is used
     * @param batch      the client's images; with several, the iDLG-style label read needs distinct
     *                   labels (the most negative rows of the last layer's gradient)
     * @param dlgWeights if true, the model's weights are first redrawn U(−0.5, 0.5) from the seed, as in
     *                   the DLG reference code: the client at the first round of federated training
     * @param defense    what the client does to its gradient before sharing it
     */
    public InversionTask(ModelHandle model, ClientBatch batch, InversionAttack attack, InversionOptimizer optimizer,
                         InversionParameters parameters, long seed, boolean dlgWeights, Defense defense) {
        this.attack = attack;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.batch = batch;
        this.seed = seed;
        this.model = model.withDataType(DataType.DOUBLE);
        if (dlgWeights) {
            Random w = new Random(Seeds.derive(seed, "dlg-weights"));
            double[] p = new double[(int) this.model.parameterCount()];
            for (int i = 0; i < p.length; i++) {
                p[i] = w.nextDouble() - 0.5;
            }
            this.model.setParameters(Nd4j.create(p, new long[] {1, p.length}, DataType.DOUBLE));
        }
        this.pixels = batch.pixels();
        this.classes = (int) this.model.outputSize();
        this.imageLength = batch.size() * pixels;
        double[] flat = new double[imageLength];
        for (int k = 0; k < batch.size(); k++) {
            System.arraycopy(batch.images()[k], 0, flat, k * pixels, pixels);
        }
        INDArray clientGradient = this.model.gradients(input(flat), oneHot(batch.labels(), classes)).parameters();
        INDArray sharedGradient = defense.apply(clientGradient, new Random(Seeds.derive(seed, "defense")));
        this.recoveredLabels = batch.size() == 1
                ? new int[] {LabelRecovery.fromGradient(this.model, sharedGradient)}
                : LabelRecovery.fromGradient(this.model, sharedGradient, batch.size());
        this.fixedLabels = oneHot(recoveredLabels, classes);
        this.matching = new GradientMatching(this.model, sharedGradient, parameters.hvpStep());
    }

    private INDArray input(double[] z) {
        INDArray images = Nd4j.create(Arrays.copyOf(z, imageLength), new long[] {batch.size(), pixels}, DataType.DOUBLE);
        return model.imageBatch(images, 1, batch.height(), batch.width());
    }

    private static INDArray oneHot(int[] labels, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, labels.length, classes);
        for (int k = 0; k < labels.length; k++) {
            y.putScalar(k, Math.min(labels[k], classes - 1), 1.0);
        }
        return y;
    }

    /** The label read from the shared gradient (the first, for a batch); DLG learns its own instead. */
    public int recoveredLabel() {
        return recoveredLabels[0];
    }

    /** The labels read from the shared gradient, in increasing class order. */
    public int[] recoveredLabels() {
        return recoveredLabels.clone();
    }

    public int batchSize() {
        return batch.size();
    }

    @Override
    public int iterations() {
        return parameters.iterations() * parameters.restarts();
    }

    @Override
    public InversionSnapshot step(int index) {
        int restart = index / parameters.iterations();
        int local = index % parameters.iterations();
        if (local == 0 || point == null) {
            start(restart);
        }
        if (optimizer == InversionOptimizer.LBFGS) {
            point = lbfgs.step(point, this::evaluate, parameters.learningRate(), this::project);
        } else {
            point = evaluate(adamStep(point, local));
        }
        Reconstruction now = score(point);
        if (best == null || now.loss() < best.loss()) {
            best = now;
            bestIteration = index + 1;
        }
        return new InversionSnapshot(index + 1, restart, now, bestIteration, best);
    }

    /** A fresh dummy for restart r: the image uniform in [0, 1], and for DLG the label logits from N(0, 1). */
    private void start(int restart) {
        Random random = new Random(Seeds.derive(seed, restart == 0 ? "dummy-init" : "dummy-init-" + restart));
        double[] z = new double[imageLength + (attack.jointLabel() ? batch.size() * classes : 0)];
        for (int i = 0; i < imageLength; i++) {
            z[i] = random.nextDouble();
        }
        for (int i = imageLength; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        adamM = new double[z.length];
        adamV = new double[z.length];
        lbfgs.reset();
        point = evaluate(z);
    }

    /** The attack's cost at z = (images, label logits) and its gradient. */
    private Objective.Point evaluate(double[] z) {
        INDArray x = input(z);
        INDArray y = attack.jointLabel() ? softLabels(z) : fixedLabels;
        GradientMatching.Evaluation e = attack.cosine() ? matching.evaluateCosine(x, y) : matching.evaluate(x, y);
        double[] gradient = new double[z.length];
        System.arraycopy(e.inputGradient().reshape(imageLength).toDoubleVector(), 0, gradient, 0, imageLength);
        double tv = 0;
        for (int k = 0; k < batch.size(); k++) {
            tv += totalVariation(z, gradient, k * pixels, parameters.tvWeight());
        }
        if (attack.jointLabel()) {
            double[] du = matching.labelGradient(x, y, e.weightCotangent()).reshape(batch.size() * classes).toDoubleVector();
            System.arraycopy(du, 0, gradient, imageLength, du.length);
        }
        return new Objective.Point(z.clone(), e.loss() + parameters.tvWeight() * tv, gradient);
    }

    private INDArray softLabels(double[] z) {
        double[] y = Arrays.copyOfRange(z, imageLength, z.length);
        for (int k = 0; k < batch.size(); k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, y[k * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                y[k * classes + c] = Math.exp(y[k * classes + c] - max);
                sum += y[k * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                y[k * classes + c] /= sum;
            }
        }
        return Nd4j.create(y, new long[] {batch.size(), classes}, DataType.DOUBLE);
    }

    /**
     * Adam (Kingma and Ba 2015; β1 0.9, β2 0.999, ε 1e-8) with bias correction; for Inverting
     * Gradients on the sign of the gradient, with the learning rate ×0.1 after 3/8, 5/8 and 7/8.
     */
    private double[] adamStep(Objective.Point at, int local) {
        double[] g = at.gradient().clone();
        if (attack.signedAdam()) {
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.signum(g[i]);
            }
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        int t = local + 1;
        double lr = parameters.learningRate() * decay(local) * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        double[] z = at.z().clone();
        for (int i = 0; i < z.length; i++) {
            adamM[i] = beta1 * adamM[i] + (1 - beta1) * g[i];
            adamV[i] = beta2 * adamV[i] + (1 - beta2) * g[i] * g[i];
            z[i] -= lr * adamM[i] / (Math.sqrt(adamV[i]) + 1e-8);
        }
        return project(z);
    }

    private double decay(int local) {
        if (!attack.signedAdam()) {
            return 1;
        }
        double f = (double) local / parameters.iterations();
        return f >= 7.0 / 8 ? 1e-3 : f >= 5.0 / 8 ? 1e-2 : f >= 3.0 / 8 ? 1e-1 : 1;
    }

    /** Inverting Gradients' box: the image part clamped to [0, 1]; the label logits are free. */
    private double[] project(double[] z) {
        if (attack.boxed()) {
            for (int i = 0; i < imageLength; i++) {
                z[i] = Math.max(0, Math.min(1, z[i]));
            }
        }
        return z;
    }

    /**
     * Matches the watched private images to the dummies by least total MSE, then averages PSNR,
     * SSIM and label agreement over the pairs.
     */
    private Reconstruction score(Objective.Point at) {
        int n = batch.size();
        double[] dummy = Arrays.copyOf(at.z(), imageLength);
        double[][] images = new double[n][];
        for (int k = 0; k < n; k++) {
            images[k] = clamp(Arrays.copyOfRange(dummy, k * pixels, (k + 1) * pixels));
        }
        int watched = batch.watched();
        double[][] cost = new double[watched][n];
        for (int i = 0; i < watched; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = ImageMetrics.mse(batch.images()[i], images[j]);
            }
        }
        int[] assignment = n == 1 ? new int[] {0} : Assignment.minimumCost(cost);
        int[] labels = attack.jointLabel() ? argmaxLabels(at.z()) : recoveredLabels.clone();
        double psnr = 0;
        double ssim = 0;
        double labelAccuracy = 0;
        for (int i = 0; i < watched; i++) {
            psnr += ImageMetrics.psnr(images[assignment[i]], batch.images()[i]) / watched;
            ssim += ImageMetrics.ssim(images[assignment[i]], batch.images()[i], batch.height(), batch.width()) / watched;
            labelAccuracy += labels[assignment[i]] == batch.labels()[i] ? 1.0 / watched : 0;
        }
        return new Reconstruction(dummy, at.value(), psnr, ssim, labelAccuracy, labels, assignment);
    }

    private int[] argmaxLabels(double[] z) {
        int[] labels = new int[batch.size()];
        for (int k = 0; k < labels.length; k++) {
            int offset = imageLength + k * classes;
            for (int c = 1; c < classes; c++) {
                if (z[offset + c] > z[offset + labels[k]]) {
                    labels[k] = c;
                }
            }
        }
        return labels;
    }

    /**
     * Anisotropic total variation, mean |x[r][c+1] − x[r][c]| + mean |x[r+1][c] − x[r][c]|; adds
     * weight times its subgradient to {@code gradient} and returns the TV itself.
     */
    private double totalVariation(double[] image, double[] gradient, int offset, double weight) {
        if (weight == 0) {
            return 0;
        }
        int height = batch.height();
        int width = batch.width();
        double nx = height * (width - 1.0);
        double ny = (height - 1.0) * width;
        double tv = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = offset + r * width + c;
                if (c + 1 < width) {
                    double d = image[i + 1] - image[i];
                    tv += Math.abs(d) / nx;
                    gradient[i + 1] += weight * Math.signum(d) / nx;
                    gradient[i] -= weight * Math.signum(d) / nx;
                }
                if (r + 1 < height) {
                    double d = image[i + width] - image[i];
                    tv += Math.abs(d) / ny;
                    gradient[i + width] += weight * Math.signum(d) / ny;
                    gradient[i] -= weight * Math.signum(d) / ny;
                }
            }
        }
        return tv;
    }

    private static double[] clamp(double[] image) {
        double[] c = new double[image.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(0, Math.min(1, image[i]));
        }
        return c;
    }
}
