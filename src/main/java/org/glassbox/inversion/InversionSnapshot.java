package org.glassbox.inversion;

/**
 * One step of an inversion: the current iterate, and the best so far, the one of least matching
 * loss over all restarts (what the attacker would keep: it cannot see PSNR).
 *
 * @param iteration     steps taken, over all restarts
 * @param restart       which restart this step belongs to, from 0
 * @param bestIteration the step at which {@code best} was reached
 */
public record InversionSnapshot(int iteration, int restart, Reconstruction current, int bestIteration,
                                Reconstruction best) {

    public double loss() {
        return current.loss();
    }

    public double psnr() {
        return current.psnr();
    }

    public double ssim() {
        return current.ssim();
    }

    public double[] dummy() {
        return current.dummy();
    }

    /** How many private images are scored. */
    public int batchSize() {
        return current.watched();
    }

    /** The current reconstruction matched to private image i. */
    public double[] reconstructionOf(int i) {
        return current.of(i);
    }
}
