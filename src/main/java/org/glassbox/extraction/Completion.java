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

    /** The whole-network figures in one sentence, as the page, the command line and the benchmark print them. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "Recovered network against the true one: largest output difference %.2e = 2^%.1f"
                        + " over %,d random inputs, %.2e on the plane; same largest output on %.2f %% of the inputs; the last layer"
                        + " took %,d queries; %s.", randomInputs.maxError(), Math.log(randomInputs.maxError()) / Math.log(2),
                randomInputs.inputs(), planeInputs.maxError(), 100 * randomInputs.argmaxAgreement(), queries, signsKnown
                        ? String.format(java.util.Locale.ROOT, "signs recovered, %.0f %% right, last layer error %.2e", 100 * signsRight,
                        lastLayerError)
                        : "signs not determined (more neurons than inputs: exact with an affine skip term)");
    }
}
