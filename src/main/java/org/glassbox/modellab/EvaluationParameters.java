package org.glassbox.modellab;

import org.glassbox.experiment.Param;

/** Parameters of evaluating a classifier on a labelled image set. */
public record EvaluationParameters(
        @Param(label = "Images", description = "How many images of the test set to evaluate, from the first.",
                min = 1, max = 100_000) int images,
        @Param(label = "Batch size", description = "Images per forward pass; one batch is one iteration.",
                min = 1, max = 4096) int batchSize,
        @Param(label = "Sample predictions", description = "How many randomly chosen images to show with their predictions.",
                min = 0, max = 64) int samples) {

    public static EvaluationParameters defaults() {
        return new EvaluationParameters(2000, 100, 24);
    }
}
