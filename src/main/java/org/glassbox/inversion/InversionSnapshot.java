package org.glassbox.inversion;

/**
 * One step of an inversion: the dummy images now (a batch, flattened one after the other), the
 * matching loss, and how close they are to the private images: PSNR and SSIM averaged over the
 * pairs of the assignment, in which {@code assignment[i]} is the reconstruction matched to private image i.
 */
public record InversionSnapshot(int iteration, double[] dummy, double loss, double psnr, double ssim, int recoveredLabel,
                                int[] assignment) {

    public int batchSize() {
        return assignment.length;
    }

    /** The reconstruction matched to private image i. */
    public double[] reconstructionOf(int i) {
        int pixels = dummy.length / assignment.length;
        return java.util.Arrays.copyOfRange(dummy, assignment[i] * pixels, (assignment[i] + 1) * pixels);
    }
}
