package org.glassbox.regions;

import org.glassbox.experiment.Param;

/** Parameters of live training on a 2-D toy set, Playground-style. */
public record PlaygroundParameters(
        @Param(label = "Points", description = "How many points the toy data set has (half per class).", min = 10, max = 5000)
        int points,
        @Param(label = "Noise", description = "Gaussian jitter added to each point, as a fraction of a quarter of the plot.", min = 0, max = 1)
        double noise,
        @Param(label = "Learning rate", description = "Adam's step size.", min = 1e-5, max = 1)
        double learningRate,
        @Param(label = "Batch size", description = "Points per training step.", min = 1, max = 5000)
        int batchSize,
        @Param(label = "L2", description = "Weight decay (L2 regularisation) coefficient.", min = 0, max = 1)
        double l2,
        @Param(label = "Steps per frame", description = "Training steps between two redraws of the map.", min = 1, max = 1000)
        int stepsPerFrame,
        @Param(label = "Frames", description = "How many frames the run lasts.", min = 1, max = 100_000)
        int frames) {

    public static PlaygroundParameters defaults() {
        return new PlaygroundParameters(400, 0.1, 0.01, 20, 0, 10, 500);
    }
}
