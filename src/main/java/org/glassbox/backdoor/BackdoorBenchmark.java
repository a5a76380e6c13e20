package org.glassbox.backdoor;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.glassbox.data.LabeledImages;

/**
 * Figures of the backdoor workspace: clean accuracy and attack success against the poisoned
 * fraction for both classifier shapes (the threshold below which the backdoor does not take),
 * training steps per second with and without poison, and Neural Cleanse's anomaly index of the
 * backdoored model and its clean twin over seeds, with the time it takes.
 */
public final class BackdoorBenchmark {

    private static final double[] FRACTIONS = {0, 0.005, 0.01, 0.05, 0.1};

    private BackdoorBenchmark() {
    }

    public static void run(PrintStream out, LabeledImages train, LabeledImages test, int seeds) throws Exception {
        BackdoorSetup d = BackdoorSetup.defaults();
        out.printf(Locale.ROOT, "BadNets, %d training images, %d epochs of batch %d, 4×4 checkerboard at (23, 23) → class %d, seed 1;"
                + " attack success on the %s%n", d.examples(), d.epochs(), d.batchSize(), d.targetClass(),
                "triggered test images of the other classes");
        out.printf(Locale.ROOT, "%-5s %9s %9s %12s %12s %14s %14s%n", "shape", "poisoned", "images", "clean acc.", "twin acc.",
                "attack succ.", "pair steps/s");
        for (Classifier shape : Classifier.values()) {
            for (double fraction : FRACTIONS) {
                BackdoorSetup setup = new BackdoorSetup(shape, d.examples(), d.epochs(), d.batchSize(), d.learningRate(), d.targetClass(),
                        fraction, d.trigger(), d.triggerSize(), d.triggerRow(), d.triggerColumn(), d.opacity(), 0, d.cleanseImages(),
                        d.trainingSteps());
                BackdoorTask task = new BackdoorTask(train, test, setup, 1);
                long t0 = System.nanoTime();
                BackdoorSnapshot s = null;
                for (int i = 0; i < task.iterations(); i++) {
                    s = task.step(i);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "%-5s %8.1f%% %9d %11.1f%% %11.1f%% %13.1f%% %14.1f%n", shape.name(), 100 * fraction,
                        task.poisonedRows().length, 100 * s.backdooredAccuracyNow(), 100 * s.twinAccuracyNow(),
                        100 * s.backdooredAsr().rate(), s.step() / seconds);
            }
        }
        out.printf(Locale.ROOT, "%nNeural Cleanse (%d steps per class and model, %d clean test images), MLP at 10 %% poison:%n",
                d.cleanseSteps(), d.cleanseImages());
        out.printf(Locale.ROOT, "%-5s %-30s %-30s %10s%n", "seed", "backdoored: target index, flagged", "clean twin: max index, flagged",
                "detect s");
        for (int seed = 1; seed <= seeds; seed++) {
            BackdoorTask task = new BackdoorTask(train, test, d, seed);
            BackdoorSnapshot s = null;
            long detectionStart = 0;
            for (int i = 0; i < task.iterations(); i++) {
                s = task.step(i);
                if (s.phase() == BackdoorSnapshot.Phase.TRAINING) {
                    detectionStart = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - detectionStart) / 1e9;
            Mad b = s.backdooredDetection().mad();
            Mad t = s.twinDetection().mad();
            out.printf(Locale.ROOT, "%-5d %-30s %-30s %10.1f%n", seed, String.format(Locale.ROOT, "%.2f, %s", b.anomalyIndex()[d.targetClass()],
                    b.flagged()), String.format(Locale.ROOT, "%.2f, %s", Arrays.stream(t.anomalyIndex()).max().orElse(0), t.flagged()),
                    seconds);
        }
    }
}
