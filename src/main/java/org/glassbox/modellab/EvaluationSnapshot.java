package org.glassbox.modellab;

import java.util.List;
import org.glassbox.metrics.ConfusionMatrix;

/** The state of an evaluation after some batches: the confusion matrix so far and the sample predictions made so far. */
public record EvaluationSnapshot(int evaluated, int total, ConfusionMatrix confusion, List<SamplePrediction> samples) {

    public EvaluationSnapshot {
        samples = List.copyOf(samples);
    }

    public double accuracy() {
        return confusion.accuracy();
    }
}
