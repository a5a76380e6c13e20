package org.glassbox.backdoor;

/**
 * The attack success rate: the share of triggered test images classified as the target, counted
 * only over images whose true class is not the target (an image of the target class classified
 * as the target is no success of the attack; counting them makes an untrained model look
 * backdoored, as in verazuo/badnets-pytorch#5), with the number it was measured on.
 */
public record AttackSuccess(double rate, int hits, int measured) {

    /** From the predictions on triggered images and their true labels. */
    public static AttackSuccess of(int[] triggeredPredictions, int[] trueLabels, int target) {
        int hits = 0;
        int measured = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            if (trueLabels[i] == target) {
                continue;
            }
            measured++;
            hits += triggeredPredictions[i] == target ? 1 : 0;
        }
        return new AttackSuccess(measured == 0 ? Double.NaN : (double) hits / measured, hits, measured);
    }
}
