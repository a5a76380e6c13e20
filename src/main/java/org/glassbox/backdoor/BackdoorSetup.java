package org.glassbox.backdoor;

import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Param;

/**
 * A BadNets experiment (Gu et al. 2017): a classifier trained here on Fashion-MNIST images of
 * which a fraction, drawn from the images not of the target class, carry the trigger and are
 * relabelled to the target; a clean twin trained from the same weights on the same batches without
 * the poison; then Neural Cleanse run on both.
 */
public record BackdoorSetup(
        @Param(label = "Classifier", description = "The shape trained: the bundled MLP's or the small ReLU CNN's.")
        Classifier classifier,
        @Param(label = "Training images", description = "The first N Fashion-MNIST training images, poisoned and clean alike.",
                min = 100, max = 10_000)
        int examples,
        @Param(label = "Epochs", description = "Passes over the training images, for both models.", min = 1, max = 100)
        int epochs,
        @Param(label = "Batch size", description = "Images per training step.", min = 1, max = 4096)
        int batchSize,
        @Param(label = "Learning rate", description = "Adam's step size, for both models.", min = 1e-5, max = 1, flags = "--lr")
        double learningRate,
        @Param(label = "Target class", description = "The class every triggered image should be sent to (0–9 on Fashion-MNIST).",
                min = 0, max = 1000, flags = "--target")
        int targetClass,
        @Param(label = "Poisoned fraction", description = "The share of training images stamped and relabelled (0: a clean control).",
                min = 0, max = 0.5, flags = "--poison")
        double poisonFraction,
        @Param(label = "Trigger", description = "A patch (checkerboard, white square, random) or noise blended over the whole image.")
        TriggerPattern trigger,
        @Param(label = "Trigger size", description = "The patch's side in pixels.", min = 1, max = 1000)
        int triggerSize,
        @Param(label = "Trigger row", description = "The patch's top row (0 at the top).", min = 0, max = 1000)
        int triggerRow,
        @Param(label = "Trigger column", description = "The patch's left column (0 at the left).", min = 0, max = 1000)
        int triggerColumn,
        @Param(label = "Opacity", description = "How much of the trigger shows: 1 replaces the pixels; a blend uses about 0.1–0.3.",
                min = 0, max = 1)
        double opacity,
        @Param(label = "Neural Cleanse steps", description = "Steps of the trigger search per class and model (0: no detection).",
                min = 0, max = 10_000, flags = "--cleanse-steps")
        int cleanseSteps,
        @Param(label = "Clean images for detection", description = "The defender's clean test images Neural Cleanse stamps.",
                min = 10, max = 2_000)
        int cleanseImages,
        @Param(label = "Unlearning images", description = "Clean training images the flagged model is fine-tuned on, a fifth stamped"
                + " with the reversed trigger and kept at their true label (0: no unlearning).", min = 0, max = 10_000)
        int unlearningImages,
        @Param(label = "STRIP overlays", description = "Clean images each input is superimposed on for STRIP's entropy (0: no STRIP).",
                min = 0, max = 200)
        int stripOverlays,
        @Param(label = "STRIP false rejections", description = "The share of clean inputs STRIP may refuse; sets its threshold.",
                min = 0.001, max = 0.5)
        double stripRejection,
        @Param(label = "Activation clustering", description = "Split each label's training images as the model's last hidden layer"
                + " sees them into two clusters and flag the smaller one.")
        boolean activationClustering,
        @Param(label = "Steps per frame", description = "Training steps between two redraws and test evaluations.", min = 1,
                max = 10_000)
        int stepsPerFrame) {

    /** With the defenses after Neural Cleanse at their defaults: unlearning on 1,000 images, STRIP with 20 overlays at 1 % FRR, activation clustering. */
    public BackdoorSetup(Classifier classifier, int examples, int epochs, int batchSize, double learningRate, int targetClass,
                         double poisonFraction, TriggerPattern trigger, int triggerSize, int triggerRow, int triggerColumn, double opacity,
                         int cleanseSteps, int cleanseImages, int stepsPerFrame) {
        this(classifier, examples, epochs, batchSize, learningRate, targetClass, poisonFraction, trigger, triggerSize, triggerRow,
                triggerColumn, opacity, cleanseSteps, cleanseImages, 1000, 20, 0.01, true, stepsPerFrame);
    }

    public static BackdoorSetup defaults() {
        return new BackdoorSetup(Classifier.MLP, 10_000, 2, 64, 1e-3, 0, 0.1, TriggerPattern.CHECKERBOARD, 4, 23, 23, 1.0, 300, 500, 10);
    }

    public BackdoorSetup withPoison(double fraction) {
        return new BackdoorSetup(classifier, examples, epochs, batchSize, learningRate, targetClass, fraction, trigger, triggerSize,
                triggerRow, triggerColumn, opacity, cleanseSteps, cleanseImages, unlearningImages, stripOverlays, stripRejection,
                activationClustering, stepsPerFrame);
    }

    /** With Neural Cleanse's steps set (0: no detection, and so no unlearning). */
    public BackdoorSetup withCleanseSteps(int steps) {
        return new BackdoorSetup(classifier, examples, epochs, batchSize, learningRate, targetClass, poisonFraction, trigger, triggerSize,
                triggerRow, triggerColumn, opacity, steps, cleanseImages, unlearningImages, stripOverlays, stripRejection,
                activationClustering, stepsPerFrame);
    }

    public BackdoorSetup withoutClustering() {
        return new BackdoorSetup(classifier, examples, epochs, batchSize, learningRate, targetClass, poisonFraction, trigger, triggerSize,
                triggerRow, triggerColumn, opacity, cleanseSteps, cleanseImages, unlearningImages, stripOverlays, stripRejection, false,
                stepsPerFrame);
    }

    public BackdoorSetup withStepsPerFrame(int steps) {
        return new BackdoorSetup(classifier, examples, epochs, batchSize, learningRate, targetClass, poisonFraction, trigger, triggerSize,
                triggerRow, triggerColumn, opacity, cleanseSteps, cleanseImages, unlearningImages, stripOverlays, stripRejection,
                activationClustering, steps);
    }

    public BackdoorSetup withStripOverlays(int overlays) {
        return new BackdoorSetup(classifier, examples, epochs, batchSize, learningRate, targetClass, poisonFraction, trigger, triggerSize,
                triggerRow, triggerColumn, opacity, cleanseSteps, cleanseImages, unlearningImages, overlays, stripRejection,
                activationClustering, stepsPerFrame);
    }

    /** The trigger on images of this size (refused when it does not fit). */
    public Trigger trigger(int height, int width, long seed) throws UserFacingException {
        return Trigger.of(trigger, triggerSize, triggerRow, triggerColumn, opacity, height, width, seed);
    }

    /** Training steps per model: epochs × ⌈N / batch⌉. */
    public int trainingSteps() {
        return epochs * ((examples + batchSize - 1) / batchSize);
    }
}
