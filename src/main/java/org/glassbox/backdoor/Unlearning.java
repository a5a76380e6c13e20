package org.glassbox.backdoor;

/**
 * Neural Cleanse's mitigation by unlearning (Wang et al., S&P 2019, §VI-C): fine-tune the flagged
 * model for one epoch on clean images of which a fifth carry the reversed trigger at their true
 * label, so that the trigger stops meaning the target; then attack success and clean accuracy
 * again, measured as before, with the true trigger.
 */
public record Unlearning(int reversedClass, int images, int stamped, double accuracyBefore, double accuracyAfter,
                         AttackSuccess before, AttackSuccess after) {

    /** The share of a clean training set stamped with the reversed trigger, as the paper does. */
    public static final double STAMPED_SHARE = 0.2;
}
