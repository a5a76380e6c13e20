package org.glassbox.inversion;

import org.glassbox.experiment.Param;

/**
 * Deep Leakage from Gradients with iDLG's label (Zhu et al. 2019; Zhao et al. 2020): the label is
 * read from the shared gradient, then the dummy image alone is fitted by Adam on the squared-L2
 * matching loss.
 */
public record InversionParameters(
        @Param(label = "Iterations", description = "Optimiser steps on the dummy image.", min = 1, max = 100_000)
        int iterations,
        @Param(label = "Learning rate", description = "Adam's step size on the dummy image.", min = 1e-5, max = 10)
        double learningRate,
        @Param(label = "HVP step", description = "Norm of the weight step ε₀ of the central-difference Hessian-vector product.",
                min = 1e-8, max = 1e-1)
        double hvpStep) {

    public static InversionParameters defaults() {
        return new InversionParameters(1000, 0.05, GradientMatching.DEFAULT_STEP);
    }
}
