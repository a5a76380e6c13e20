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
 * matching loss. PSNR and SSIM against x* are measured for the person watching, never used.
 */
public final class InversionTask implements IterativeTask<InversionSnapshot> {

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
                         InversionParameters parameters, long seed) {
        this(model, privateImage, height, width, privateLabel, parameters, seed, false, new Defense.None());
    }

    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionParameters parameters, long seed, boolean dlgWeights) {
        this(model, privateImage, height, width, privateLabel, parameters, seed, dlgWeights, new Defense.None());
    }

    /**
     * @param defense    what the client does to its gradient before sharing it
     * @param dlgWeights if true, the model's weights are first redrawn U(−0.5, 0.5) from the seed, as in
     *                   the DLG reference code: the client at the first round of federated training
     */
    public InversionTask(ModelHandle model, double[] privateImage, int height, int width, int privateLabel,
                         InversionParameters parameters, long seed, boolean dlgWeights, Defense defense) {
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
        GradientMatching.Evaluation e = matching.evaluate(input(x), label);
        double[] g = e.inputGradient().reshape(x.length).toDoubleVector();
        double beta1 = 0.9;
        double beta2 = 0.999;
        int t = index + 1;
        double lr = parameters.learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < x.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            x[i] -= lr * m[i] / (Math.sqrt(s[i]) + 1e-8);
        }
        double[] shown = x.clone();
        return new InversionSnapshot(t, shown, e.loss(), ImageMetrics.psnr(clamp(shown), privateImage),
                ImageMetrics.ssim(clamp(shown), privateImage, height, width), recoveredLabel);
    }

    private static double[] clamp(double[] image) {
        double[] c = new double[image.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(0, Math.min(1, image[i]));
        }
        return c;
    }
}
