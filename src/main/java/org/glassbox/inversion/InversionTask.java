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
    private final double[] privateImage;
    private final int height;
    private final int width;
    private final INDArray label;
    private final int recoveredLabel;
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
        this.privateImage = privateImage.clone();
        this.height = height;
        this.width = width;
        int classes = (int) this.model.outputSize();
        INDArray clientGradient = this.model.gradients(input(privateImage), oneHot(privateLabel, classes)).parameters();
        INDArray sharedGradient = defense.apply(clientGradient, new Random(Seeds.derive(seed, "defense")));
        this.recoveredLabel = LabelRecovery.fromGradient(this.model, sharedGradient);
        this.label = oneHot(recoveredLabel, classes);
        this.matching = new GradientMatching(this.model, sharedGradient, parameters.hvpStep());
        Random random = new Random(Seeds.derive(seed, "dummy-init"));
        this.x = new double[privateImage.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        this.m = new double[x.length];
        this.s = new double[x.length];
    }

    private INDArray input(double[] pixels) {
        return model.imageBatch(Nd4j.create(pixels, new long[] {1, pixels.length}, DataType.DOUBLE), 1, height, width);
    }

    private static INDArray oneHot(int label, int classes) {
        return Nd4j.zeros(DataType.DOUBLE, 1, classes).putScalar(0, label, 1.0);
    }

    public int recoveredLabel() {
        return recoveredLabel;
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
        double loss = e.loss() + parameters.tvWeight() * totalVariation(x, g, parameters.tvWeight());
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
        double[] shown = x.clone();
        return new InversionSnapshot(t, shown, loss, ImageMetrics.psnr(clamp(shown), privateImage),
                ImageMetrics.ssim(clamp(shown), privateImage, height, width), recoveredLabel);
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
    private double totalVariation(double[] image, double[] gradient, double weight) {
        if (weight == 0) {
            return 0;
        }
        double nx = height * (width - 1.0);
        double ny = (height - 1.0) * width;
        double tv = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
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
