package org.glassbox.models;

/** One row of a model's layer table. Shapes are per example (batch dimension left out). */
public record LayerSummary(int index, String name, String type, String inputShape, String outputShape,
                           long parameters, String activation) {
}
