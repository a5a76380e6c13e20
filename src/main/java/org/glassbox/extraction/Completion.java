package org.glassbox.extraction;

/**
 * The network finished after its first layer (when no deeper neuron was seen): the last layer and,
 * for a contractive first layer, the signs; scored against the true network.
 *
 * @param signsKnown       whether the first layer's signs were recovered
 * @param signsRight       the fraction of matched neurons whose recovered sign is the true one (NaN if unknown)
 * @param lastLayerError   the largest entry error of the last layer (weights and biases) against the true one, after
 *                         matching and rescaling (NaN when the signs are unknown)
 * @param queries          queries spent on the last layer
 * @param randomInputs     agreement over random inputs N(0, I)
 * @param planeInputs      agreement over a 200 × 200 grid on the displayed window
 * @param solution         the recovered network
 */
public record Completion(OneHiddenLayerSolution solution, boolean signsKnown, double signsRight, double lastLayerError, long queries,
                         org.glassbox.metrics.FunctionalAgreement randomInputs, org.glassbox.metrics.FunctionalAgreement planeInputs) {
}
