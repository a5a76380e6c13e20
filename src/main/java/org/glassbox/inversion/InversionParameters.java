package org.glassbox.inversion;

import org.glassbox.experiment.Param;

/** Parameters of a gradient-inversion attack; {@link InversionAttack} holds each paper's preset. */
public record InversionParameters(
        @Param(label = "Iterations", description = "Optimiser steps on the dummy image, per restart.", min = 1, max = 100_000)
        int iterations,
        @Param(label = "Learning rate", description = "The optimiser's step size (Adam), or its first trial step (L-BFGS).",
                min = 1e-5, max = 10, flags = "--lr")
        double learningRate,
        @Param(label = "HVP step", description = "Norm of the weight step ε₀ of the central-difference Hessian-vector product.",
                min = 1e-8, max = 1e-1)
        double hvpStep,
        @Param(label = "TV weight", description = "Weight of the total-variation prior (Inverting Gradients; 0 for DLG).",
                min = 0, max = 10, flags = "--tv")
        double tvWeight,
        @Param(label = "Restarts", description = "Attacks from fresh random dummies, one after another; the result is the"
                + " iterate of least matching loss over all of them.", min = 1, max = 32)
        int restarts) {

    public static InversionParameters defaults() {
        return InversionAttack.IDLG.defaults();
    }
}
