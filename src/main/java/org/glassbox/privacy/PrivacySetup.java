package org.glassbox.privacy;

import org.glassbox.experiment.Param;

/**
 * What an experiment of the Differential privacy workspace holds: a one-hidden-layer MLP trained on
 * N Fashion-MNIST training images by DP-SGD, beside a twin trained without the noise on the same
 * Poisson batches from the same initialisation, and the δ at which ε is reported.
 */
public record PrivacySetup(
        @Param(label = "Training images", description = "N: the Fashion-MNIST training images both models learn from.",
                min = 100, max = 10_000)
        int examples,
        @Param(label = "Hidden width", description = "Neurons in the MLP's one hidden layer.", min = 1, max = 1024)
        int hidden,
        @Param(label = "Steps", description = "DP-SGD steps (each on its own Poisson sample).", min = 1, max = 100_000)
        int steps,
        @Param(label = "Sampling rate q", description = "Each image's chance to be in a step's batch; the expected batch is qN.",
                min = 1e-5, max = 1, flags = "-q")
        double sampleRate,
        @Param(label = "Noise multiplier σ", description = "The noise's standard deviation over the clip norm (0: no privacy).",
                min = 0, max = 100, flags = "--noise")
        double noiseMultiplier,
        @Param(label = "Clip norm C", description = "Each image's gradient is scaled down to at most this norm.", min = 1e-4, max = 1e4,
                flags = "--clip")
        double clipNorm,
        @Param(label = "Learning rate", description = "Plain SGD's step size, for both models.", min = 1e-5, max = 100, flags = "--lr")
        double learningRate,
        @Param(label = "δ", description = "The δ of (ε, δ); keep it well below 1/N.", min = 1e-12, max = 0.1)
        double delta,
        @Param(label = "Steps per frame", description = "Steps between two redraws and test evaluations.", min = 1, max = 10_000)
        int stepsPerFrame) {

    public static PrivacySetup defaults() {
        return new PrivacySetup(1000, 64, 300, 0.05, 1.1, 1.0, 0.5, 1e-5, 10);
    }

    public DpSgd.Settings privateSettings() {
        return new DpSgd.Settings(sampleRate, noiseMultiplier, clipNorm, learningRate);
    }

    /**
     * The twin: the same batches, clipping and learning rate, and no noise, so that the gap between
     * the two is the noise's doing. (Without clipping, at a learning rate that suits clipped
     * gradients, plain SGD overshoots: it trailed the private model, 63 % against 76 %.)
     */
    public DpSgd.Settings plainSettings() {
        return new DpSgd.Settings(sampleRate, 0, clipNorm, learningRate);
    }
}
