package org.glassbox.extraction;

import java.util.Locale;
import org.glassbox.metrics.FunctionalAgreement;
import org.glassbox.metrics.NetworkComparison;

/**
 * The whole network recovered (the last layer solved, the signs where they are determined), scored
 * against the true network.
 *
 * @param network        the recovered network
 * @param layers         its layers against the true ones
 * @param signsRight     the fraction of matched hidden neurons whose recovered sign is the true one (NaN if unknown)
 * @param lastLayerError the largest entry error of the last layer (weights and biases) against the true one, after
 *                       matching and rescaling (NaN when the signs are unknown)
 * @param queries        queries spent on the last layer
 * @param randomInputs   agreement over random inputs N(0, I)
 * @param planeInputs    agreement over a 200 × 200 grid on the displayed window
 */
public record Completion(RecoveredNetwork network, NetworkComparison layers, double signsRight, double lastLayerError, long queries,
                         FunctionalAgreement randomInputs, FunctionalAgreement planeInputs) {

    public boolean signsKnown() {
        return network.signsKnown();
    }

    /** The whole-network figures in one sentence, as the page, the command line and the benchmark print them. */
    public String summary() {
        return String.format(Locale.ROOT, "Recovered network against the true one: largest output difference %.2e = 2^%.1f"
                        + " over %,d random inputs, %.2e on the plane; same largest output on %.2f %% of the inputs; the last layer"
                        + " took %,d queries; %s.", randomInputs.maxError(), Math.log(randomInputs.maxError()) / Math.log(2),
                randomInputs.inputs(), planeInputs.maxError(), 100 * randomInputs.argmaxAgreement(), queries, signsKnown()
                        ? String.format(Locale.ROOT, "signs recovered, %.0f %% right, last layer error %.2e", 100 * signsRight,
                        lastLayerError)
                        : "last hidden layer's signs not determined (exact with a skip term)");
    }
}
