package org.glassbox.inversion;

/** One step of an inversion: the dummy image now, the matching loss, and how close it is to the private image. */
public record InversionSnapshot(int iteration, double[] dummy, double loss, double psnr, double ssim, int recoveredLabel) {
}
