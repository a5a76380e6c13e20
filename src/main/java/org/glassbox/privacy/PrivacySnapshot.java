package org.glassbox.privacy;

/**
 * The run after {@code step} steps: ε so far (and the order that gave it), both models' test
 * accuracy, and the curves from the first frame on; the last batch's size and the share of its
 * gradients that were clipped.
 */
public record PrivacySnapshot(int step, double epsilon, double order, double privateAccuracy, double plainAccuracy,
                              double[] steps, double[] epsilons, double[] privateCurve, double[] plainCurve, int lastBatch,
                              double clippedShare) {
}
