package org.glassbox.inversion;

import java.util.Arrays;

/**
 * The attacker's dummy batch at one iterate, scored against the private images: {@code dummy}
 * holds the reconstructions one after another, {@code labels[k]} is dummy k's label (read from the
 * gradient, or the argmax of its learned soft label), and {@code assignment[i]} is the dummy matched
 * to watched private image i by least total MSE. PSNR and SSIM are averaged over the matched pairs;
 * label accuracy is the fraction of pairs whose label is the private image's.
 */
public record Reconstruction(double[] dummy, double loss, double psnr, double ssim, double labelAccuracy, int[] labels,
                             int[] assignment) {

    /** How many private images are scored. */
    public int watched() {
        return assignment.length;
    }

    /** The reconstruction matched to private image i. */
    public double[] of(int i) {
        int pixels = dummy.length / labels.length;
        return Arrays.copyOfRange(dummy, assignment[i] * pixels, (assignment[i] + 1) * pixels);
    }

    /** The label of the reconstruction matched to private image i. */
    public int labelOf(int i) {
        return labels[assignment[i]];
    }
}
