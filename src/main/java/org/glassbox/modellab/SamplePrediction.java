package org.glassbox.modellab;

/** The model's decision on one image of the evaluated set. */
public record SamplePrediction(int index, int truth, int predicted, double confidence) {

    public boolean correct() {
        return truth == predicted;
    }
}
