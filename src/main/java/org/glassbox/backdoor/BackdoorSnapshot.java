package org.glassbox.backdoor;

import java.util.List;

/**
 * The run after a frame: the training curves of the backdoored model and its clean twin (test
 * accuracy and attack success rate against steps), the latest attack success of each with the
 * count it was measured on, the predictions on a few test images with and without the trigger,
 * and Neural Cleanse's reversed triggers so far for both models; once they are done, the unlearning
 * with the flagged class's reversed trigger and STRIP's entropies (null while not run, or when
 * switched off; unlearning also when Neural Cleanse flagged nothing).
 */
public record BackdoorSnapshot(Phase phase, int step, int trainingSteps, double[] steps, double[] backdooredAccuracy,
                               double[] backdooredSuccess, double[] twinAccuracy, double[] twinSuccess, AttackSuccess backdooredAsr,
                               AttackSuccess twinAsr, Examples examples, Detection backdooredDetection, Detection twinDetection,
                               Unlearning unlearning, Strip.Result strip, Strip.Result twinStrip,
                               ActivationClustering.Result clustering) {

    /** What the frame just did; the last frame of a run is DONE whatever it did. */
    public enum Phase { TRAINING, DETECTING, UNLEARNING, STRIP, CLUSTERING, DONE }

    public double backdooredAccuracyNow() {
        return last(backdooredAccuracy);
    }

    public double twinAccuracyNow() {
        return last(twinAccuracy);
    }

    private static double last(double[] values) {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /**
     * What the page shows as pictures: poisoned training images with their true labels, and test
     * images of other classes than the target with both models' predictions, clean and triggered.
     */
    public record Examples(double[][] poisoned, int[] poisonedTrueLabels, int[] testIndex, double[][] test, double[][] triggeredTest,
                           int[] testLabels, int[] backdooredClean, int[] backdooredTriggered, int[] twinClean, int[] twinTriggered) {
    }

    /**
     * Neural Cleanse on one model: the classes finished so far, the class being searched with its
     * mask as it stands (null once all are done), and the outlier test once every class is in (null before).
     */
    public record Detection(List<NeuralCleanse.Reversed> classes, NeuralCleanse.Reversed searching, Mad mad) {

        public static final Detection NONE = new Detection(List.of(), null, null);

        public boolean complete() {
            return mad != null;
        }

        public double[] norms() {
            return classes.stream().mapToDouble(NeuralCleanse.Reversed::l1).toArray();
        }
    }
}
