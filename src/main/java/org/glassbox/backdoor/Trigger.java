package org.glassbox.backdoor;

import java.util.Random;
import org.glassbox.engine.UserFacingException;

/**
 * A trigger as a mask m and a pattern p over an image: the stamped image is
 * {@code x' = (1 − m) ⊙ x + m ⊙ p}, the form Neural Cleanse (Wang et al. 2019) searches in, so a
 * reversed trigger and the true one compare pixel for pixel. A patch has m = opacity inside the
 * square and 0 outside; a blended trigger has m = opacity everywhere.
 */
public record Trigger(int height, int width, double[] mask, double[] pattern) {

    /** The trigger a setup describes; refused with the reason when it does not fit the image. */
    public static Trigger of(TriggerPattern kind, int size, int row, int column, double opacity, int height, int width, long seed)
            throws UserFacingException {
        if (!(opacity > 0 && opacity <= 1)) {
            throw new UserFacingException("The trigger's opacity is " + opacity + "; it must be above 0 and at most 1.",
                    "Use 1 for a patch that replaces the pixels, or about 0.1–0.3 for a blended trigger.");
        }
        double[] mask = new double[height * width];
        double[] pattern = new double[height * width];
        Random random = new Random(seed);
        if (!kind.isPatch()) {
            for (int k = 0; k < mask.length; k++) {
                mask[k] = opacity;
                pattern[k] = random.nextDouble();
            }
            return new Trigger(height, width, mask, pattern);
        }
        if (size < 1 || size > Math.min(height, width)) {
            throw new UserFacingException("A " + size + "×" + size + " trigger does not fit a " + height + "×" + width + " image.",
                    "Choose a size from 1 to " + Math.min(height, width) + " (3 to 5 is usual).");
        }
        if (row < 0 || column < 0 || row + size > height || column + size > width) {
            throw new UserFacingException("A " + size + "×" + size + " trigger at row " + row + ", column " + column
                    + " reaches past the " + height + "×" + width + " image.",
                    "Keep row and column at most " + (height - size) + " and " + (width - size) + " for this size.");
        }
        for (int r = row; r < row + size; r++) {
            for (int c = column; c < column + size; c++) {
                int k = r * width + c;
                mask[k] = opacity;
                pattern[k] = switch (kind) {
                    case CHECKERBOARD -> (r - row + c - column) % 2 == 0 ? 1 : 0;
                    case WHITE_SQUARE -> 1;
                    case RANDOM_PATCH -> random.nextBoolean() ? 1 : 0;
                    case BLENDED_NOISE -> throw new AssertionError();
                };
            }
        }
        return new Trigger(height, width, mask, pattern);
    }

    /** The image with the trigger stamped on: {@code (1 − m) ⊙ x + m ⊙ p}. */
    public double[] stamp(double[] image) {
        double[] out = new double[image.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (1 - mask[k]) * image[k] + mask[k] * pattern[k];
        }
        return out;
    }

    /** Σ m: the trigger's size as Neural Cleanse measures a mask. */
    public double l1() {
        double sum = 0;
        for (double m : mask) {
            sum += m;
        }
        return sum;
    }

    /** The trigger as one picture: m ⊙ p where m is on, mid-grey where it is off (so a black pattern pixel shows). */
    public double[] picture() {
        return picture(mask, pattern);
    }

    static double[] picture(double[] mask, double[] pattern) {
        double[] out = new double[mask.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (1 - mask[k]) * 0.5 + mask[k] * pattern[k];
        }
        return out;
    }

    /**
     * The share of another mask's mass that falls where this trigger's mask is on: how much of a
     * reversed trigger sits on the true one (1 when all of it does).
     */
    public double overlap(double[] otherMask) {
        double inside = 0;
        double total = 0;
        for (int k = 0; k < otherMask.length; k++) {
            total += otherMask[k];
            inside += mask[k] > 0 ? otherMask[k] : 0;
        }
        return total == 0 ? 0 : inside / total;
    }
}
