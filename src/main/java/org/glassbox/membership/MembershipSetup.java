package org.glassbox.membership;

import org.glassbox.experiment.Param;

/**
 * A membership-inference audit: the target is an MLP trained here on a seeded random half of a pool
 * of Fashion-MNIST training images (the members; the other half are the non-members), and the
 * shadow models of LiRA are trained the same way on other random halves of the same pool.
 */
public record MembershipSetup(
        @Param(label = "Pool", description = "Fashion-MNIST training images drawn for the audit; the target trains on a random half.",
                min = 20, max = 10_000)
        int pool,
        @Param(label = "Hidden widths", description = "The MLP's hidden layers (target and shadows), e.g. 128 or 256, 128.")
        String hidden,
        @Param(label = "Epochs", description = "Passes over the training half; many epochs on few images overfit and leak.",
                min = 1, max = 500)
        int epochs,
        @Param(label = "Batch size", description = "Images per training step.", min = 1, max = 4096)
        int batchSize,
        @Param(label = "Learning rate", description = "Adam's step size.", min = 1e-5, max = 1)
        double learningRate,
        @Param(label = "L2", description = "Weight decay, a defense: it narrows the gap between members and the rest.",
                min = 0, max = 1)
        double l2,
        @Param(label = "Shadow models", description = "LiRA's shadow models, each on its own random half of the pool"
                + " (0: threshold attacks only; the papers use 64 to 256).", min = 0, max = 256)
        int shadows,
        @Param(label = "Fixed variance", description = "LiRA with one σ for all examples (recommended below about 64 shadows).")
        boolean fixedVariance,
        @Param(label = "DP-SGD noise σ", description = "Train the target and the shadows with DP-SGD at this noise multiplier,"
                + " Poisson sampling at rate batch/members (0: ordinary training with Adam).", min = 0, max = 100, flags = "--dp-noise")
        double dpNoise,
        @Param(label = "DP-SGD clip norm", description = "DP-SGD's per-image clip norm C.", min = 1e-4, max = 1e4, flags = "--dp-clip")
        double dpClip,
        @Param(label = "DP-SGD learning rate", description = "DP-SGD's plain SGD step size.", min = 1e-5, max = 100, flags = "--dp-lr")
        double dpLearningRate) {

    /** An audit of ordinary (non-private) training. */
    public MembershipSetup(int pool, String hidden, int epochs, int batchSize, double learningRate, double l2, int shadows,
                           boolean fixedVariance) {
        this(pool, hidden, epochs, batchSize, learningRate, l2, shadows, fixedVariance, 0, 1.0, 0.5);
    }

    public static MembershipSetup defaults() {
        return new MembershipSetup(2000, "128", 30, 64, 1e-3, 0, 16, true);
    }

    /** The same audit with the target and shadows trained by DP-SGD at noise σ. */
    public MembershipSetup withDpNoise(double sigma) {
        return new MembershipSetup(pool, hidden, epochs, batchSize, learningRate, l2, shadows, fixedVariance, sigma, dpClip,
                dpLearningRate);
    }

    public int[] hiddenWidths() {
        String[] parts = hidden.split("[,\\s]+");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i].trim());
        }
        return widths;
    }
}
