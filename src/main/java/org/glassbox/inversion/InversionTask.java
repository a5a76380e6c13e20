package org.glassbox.inversion;

import java.util.Random;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.ImageMetrics;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attack on one private image: the client's gradient g* = ∇_W ℓ(x*, y*) is all the attacker
 * sees (with the model). The label comes from g* (iDLG); the dummy image starts uniform in [0, 1]
 * from the seed and follows Adam (Kingma and Ba 2015: β1 = 0.9, β2 = 0.999, ε = 1e-8) on the
 * attack's cost: {@link InversionAttack#DLG} or {@link InversionAttack#INVERTING_GRADIENTS}. PSNR and SSIM against x* are measured for the person watching, never used.
 */
public final class InversionTask implements IterativeTask<InversionSnapshot> {

    private final InversionAttack attack;
    private final InversionParameters parameters;
    private final GradientMatching matching;
    private final double[][] privateImages;
    private final int pixels;
    private final int height;
    private final int width;
    private final INDArray label;
    private final int[] recoveredLabels;
    private final ModelHandle model;
    private final double[] x;
    private final double[] m;
    private final double[] s;

    /**
     * @param model        the attacked network; a double-precision copy is used
     * @param privateImage the client's image, pixels in [0, 1], flattened
     * @param privateLabel the client's label (only to compute the shared gradient)
     */
    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionParameters parameters, long seed, boolean dlgWeights) {
        this(model, privateImage, height, width, privateLabel, InversionAttack.DLG, parameters, seed, dlgWeights,
                new Defense.None());
    }

    /**
     * @param defense    what the client does to its gradient before sharing it
     * @param dlgWeights if true, the model's weights are first redrawn U(−0.5, 0.5) from the seed, as in
     *                   the DLG reference code: the client at the first round of federated training
     */
    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionAttack attack, InversionParameters parameters, long seed, boolean dlgWeights,
                         Defense defense) {
        this(model, new double[][] {privateImage}, height, width, new int[] {privateLabel}, attack, parameters, seed,
                dlgWeights, defense);
    }

    /**
     * A batch of 1 to {@link Assignment#MAX_SIZE} private images sharing one gradient (of their summed loss).
     * With one image the label comes from iDLG; with several, the batch's labels must differ, and
     * they are read as the most negative rows of the last layer's gradient. Reconstructions are
     * matched to originals by the assignment of least total MSE before PSNR and SSIM are averaged.
     */
    public InversionTask(ModelHandle model, double[][] privateImages, int height, int width, int[] privateLabels,
                         InversionAttack attack, InversionParameters parameters, long seed, boolean dlgWeights,
                         Defense defense) {
        if (privateImages.length < 1 || privateImages.length > Assignment.MAX_SIZE || privateImages.length != privateLabels.length) {
            throw new IllegalArgumentException("a batch needs 1 to " + Assignment.MAX_SIZE + " images, each with a label");
        }
        this.attack = attack;
        this.parameters = parameters;
        this.model = model.withDataType(DataType.DOUBLE);
        if (dlgWeights) {
            Random w = new Random(Seeds.derive(seed, "dlg-weights"));
            double[] p = new double[(int) this.model.parameterCount()];
            for (int i = 0; i < p.length; i++) {
                p[i] = w.nextDouble() - 0.5;
            }
            this.model.setParameters(Nd4j.create(p, new long[] {1, p.length}, DataType.DOUBLE));
        }
        this.privateImages = new double[privateImages.length][];
        for (int k = 0; k < privateImages.length; k++) {
            this.privateImages[k] = privateImages[k].clone();
        }
        this.height = height;
        this.width = width;
        this.pixels = height * width;
        int classes = (int) this.model.outputSize();
        double[] flat = new double[privateImages.length * pixels];
        for (int k = 0; k < privateImages.length; k++) {
            System.arraycopy(privateImages[k], 0, flat, k * pixels, pixels);
        }
        INDArray clientGradient = this.model.gradients(input(flat), oneHot(privateLabels, classes)).parameters();
        INDArray sharedGradient = defense.apply(clientGradient, new Random(Seeds.derive(seed, "defense")));
        this.recoveredLabels = privateImages.length == 1
                ? new int[] {LabelRecovery.fromGradient(this.model, sharedGradient)}
                : LabelRecovery.fromGradient(this.model, sharedGradient, privateImages.length);
        this.label = oneHot(recoveredLabels, classes);
        this.matching = new GradientMatching(this.model, sharedGradient, parameters.hvpStep());
        Random random = new Random(Seeds.derive(seed, "dummy-init"));
        this.x = new double[flat.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        this.m = new double[x.length];
        this.s = new double[x.length];
    }

    private INDArray input(double[] flat) {
        return model.imageBatch(Nd4j.create(flat, new long[] {flat.length / pixels, pixels}, DataType.DOUBLE), 1, height, width);
    }

    private static INDArray oneHot(int[] labels, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, labels.length, classes);
        for (int k = 0; k < labels.length; k++) {
            y.putScalar(k, Math.min(labels[k], classes - 1), 1.0);
        }
        return y;
    }

    /** The label read from the shared gradient (the first, for a batch). */
    public int recoveredLabel() {
        return recoveredLabels[0];
    }

    public int[] recoveredLabels() {
        return recoveredLabels.clone();
    }

    public int batchSize() {
        return privateImages.length;
    }

    @Override
    public int iterations() {
        return parameters.iterations();
    }

    @Override
    public InversionSnapshot step(int index) {
        boolean ig = attack == InversionAttack.INVERTING_GRADIENTS;
        GradientMatching.Evaluation e = ig ? matching.evaluateCosine(input(x), label) : matching.evaluate(input(x), label);
        double[] g = e.inputGradient().reshape(x.length).toDoubleVector();
        double tv = 0;
        for (int k = 0; k < privateImages.length; k++) {
            tv += totalVariation(x, g, k * pixels, parameters.tvWeight());
        }
        double loss = e.loss() + parameters.tvWeight() * tv;
        if (ig) {
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.signum(g[i]);
            }
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        int t = index + 1;
        double lr = parameters.learningRate() * decay(index, ig) * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < x.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            x[i] -= lr * m[i] / (Math.sqrt(s[i]) + 1e-8);
            if (ig) {
                x[i] = Math.max(0, Math.min(1, x[i]));
            }
        }
        return score(t, x.clone(), loss);
    }

    /** Matches the reconstructions to the originals by least total MSE, then averages PSNR and SSIM over the pairs. */
    private InversionSnapshot score(int iteration, double[] dummy, double loss) {
        int n = privateImages.length;
        double[][] images = new double[n][];
        for (int k = 0; k < n; k++) {
            images[k] = clamp(java.util.Arrays.copyOfRange(dummy, k * pixels, (k + 1) * pixels));
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = ImageMetrics.mse(privateImages[i], images[j]);
            }
        }
        int[] assignment = n == 1 ? new int[] {0} : Assignment.minimumCost(cost);
        double psnr = 0;
        double ssim = 0;
        for (int i = 0; i < n; i++) {
            psnr += ImageMetrics.psnr(images[assignment[i]], privateImages[i]) / n;
            ssim += ImageMetrics.ssim(images[assignment[i]], privateImages[i], height, width) / n;
        }
        return new InversionSnapshot(iteration, dummy, loss, psnr, ssim, recoveredLabels[0], assignment);
    }

    /** Inverting Gradients' step schedule: the learning rate times 0.1 after 3/8, 5/8 and 7/8 of the iterations. */
    private double decay(int index, boolean ig) {
        if (!ig) {
            return 1;
        }
        double f = (double) index / parameters.iterations();
        return f >= 7.0 / 8 ? 1e-3 : f >= 5.0 / 8 ? 1e-2 : f >= 3.0 / 8 ? 1e-1 : 1;
    }

    /**
     * Anisotropic total variation, mean |x[r][c+1] − x[r][c]| + mean |x[r+1][c] − x[r][c]|; adds
     * weight times its subgradient to {@code gradient} and returns the TV itself.
     */
    private double totalVariation(double[] image, double[] gradient, int offset, double weight) {
        if (weight == 0) {
            return 0;
        }
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
