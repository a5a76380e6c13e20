package org.glassbox.inversion;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The figures the gradient-inversion issue asks for, printed by {@code glassbox benchmark --suite
 * inversion}: time and iterations to 30 dB for each attack at batch 1, per-image PSNR of a batch
 * of 4 after 60 s, the cost of an attack iteration in plain gradient computations, and the defense
 * table (final PSNR of the attack, test accuracy after defended training). Figures, not pass/fail.
 */
public final class InversionBenchmark {

    private final ModelHandle lenet;
    private final LabeledImages train;
    private final LabeledImages test;
    private final PrintStream out;

    public InversionBenchmark(ModelHandle lenet, LabeledImages train, LabeledImages test, PrintStream out) {
        this.lenet = lenet;
        this.train = train;
        this.test = test;
        this.out = out;
    }

    /** All of it; {@code batchSeconds} is the budget of the batch-of-4 run (60 in the issue). */
    public void run(long[] seeds, double batchSeconds, int priceSteps) throws Exception {
        out.println("Gradient inversion on " + lenet.name() + ", DLG's setting (weights U(-0.5, 0.5) from the seed), test image 0");
        batchOne(seeds);
        out.println();
        batchOfFour(batchSeconds);
        out.println();
        iterationCost();
        out.println();
        defenseTable(priceSteps);
    }

    private ClientBatch images(int... indices) {
        double[][] images = new double[indices.length][];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            images[k] = test.image(indices[k]);
            labels[k] = test.labels()[indices[k]];
        }
        return ClientBatch.of(images, labels, test.height(), test.width());
    }

    private void batchOne(long[] seeds) throws Exception {
        for (InversionAttack attack : InversionAttack.values()) {
            InversionTask warmUp = new InversionTask(lenet, images(0), attack, attack.optimizer(), attack.defaults(), 0, true,
                    new Defense.None());
            for (int i = 0; i < 30; i++) {
                warmUp.step(i);
            }
        }
        out.println("(after 30 warm-up iterations of each attack, so that the JIT compiler's start is not timed)");
        out.printf(Locale.ROOT, "%-22s %-8s %5s %12s %12s %8s %10s %10s%n", "attack", "optim", "seed", "it to 30 dB",
                "s to 30 dB", "it/s", "final dB", "best dB");
        for (InversionAttack attack : InversionAttack.values()) {
            for (InversionOptimizer optimizer : List.of(InversionOptimizer.LBFGS, InversionOptimizer.ADAM)) {
                if (attack == InversionAttack.INVERTING_GRADIENTS && optimizer == InversionOptimizer.LBFGS) {
                    continue;
                }
                InversionParameters p = optimizer == attack.optimizer() ? attack.defaults()
                        : optimizer == InversionOptimizer.ADAM ? new InversionParameters(1000, 0.05, GradientMatching.DEFAULT_STEP, 0, 1)
                        : new InversionParameters(300, 1.0, GradientMatching.DEFAULT_STEP, 0, 1);
                for (long seed : seeds) {
                    InversionTask task = new InversionTask(lenet, images(0), attack, optimizer, p, seed, true, new Defense.None());
                    long t0 = System.nanoTime();
                    double[] to30 = {-1, Double.NaN};
                    InversionSnapshot last = org.glassbox.workspace.HeadlessRunner.runToEnd(task, s -> {
                        if (to30[0] < 0 && s.psnr() >= 30) {
                            to30[0] = s.iteration();
                            to30[1] = (System.nanoTime() - t0) / 1e9;
                        }
                    });
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    int at30 = (int) to30[0];
                    double s30 = to30[1];
                    out.printf(Locale.ROOT, "%-22s %-8s %5d %12s %12s %8.1f %10.1f %10.1f%n", name(attack), optimizer, seed,
                            at30 < 0 ? "not reached" : Integer.toString(at30), at30 < 0 ? "-" : String.format(Locale.ROOT, "%.2f", s30),
                            task.iterations() / seconds, last.psnr(), last.best().psnr());
                }
            }
        }
    }

    private static String name(InversionAttack attack) {
        return switch (attack) {
            case DLG -> "DLG (joint label)";
            case IDLG -> "iDLG";
            case INVERTING_GRADIENTS -> "Inverting Gradients";
        };
    }

    /** The first four test images of distinct classes, attacked by iDLG (L-BFGS) until the time is up. */
    private void batchOfFour(double seconds) {
        int[] indices = new int[4];
        int found = 0;
        for (int i = 0; found < 4; i++) {
            int label = test.labels()[i];
            boolean fresh = true;
            for (int k = 0; k < found; k++) {
                fresh &= test.labels()[indices[k]] != label;
            }
            if (fresh) {
                indices[found++] = i;
            }
        }
        InversionTask task = new InversionTask(lenet, images(indices), InversionAttack.IDLG, InversionOptimizer.LBFGS,
                new InversionParameters(100_000, 1.0, GradientMatching.DEFAULT_STEP, 0, 1), 1, true, new Defense.None());
        long t0 = System.nanoTime();
        InversionSnapshot last = null;
        for (int i = 0; (System.nanoTime() - t0) / 1e9 < seconds; i++) {
            last = task.step(i);
        }
        Reconstruction r = last.current();
        double[] psnr = new double[4];
        for (int k = 0; k < 4; k++) {
            psnr[k] = org.glassbox.metrics.ImageMetrics.psnr(r.of(k), test.image(indices[k]));
        }
        out.printf(Locale.ROOT, "Batch of 4 (test images %s), iDLG with L-BFGS, seed 1: after %.0f s (%d iterations) PSNR per image"
                + " %s dB, labels %.0f %% right%n", Arrays.toString(indices), seconds, last.iteration(),
                Arrays.toString(Arrays.stream(psnr).map(v -> Math.round(v * 10) / 10.0).toArray()), 100 * r.labelAccuracy());
    }

    /** Wall time of one attack iteration over that of one plain gradient computation (batch 1, same model, double precision). */
    private void iterationCost() {
        ModelHandle model = lenet.withDataType(DataType.DOUBLE);
        INDArray x = model.imageBatch(test.features(0, 1, DataType.DOUBLE), 1, 28, 28);
        INDArray y = test.oneHot(0, 1, DataType.DOUBLE);
        int n = 200;
        for (int i = 0; i < 20; i++) {
            model.gradients(x, y);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            model.gradients(x, y);
        }
        double plain = (System.nanoTime() - t0) / 1e6 / n;
        out.printf(Locale.ROOT, "One plain gradient computation: %.2f ms%n", plain);
        for (InversionAttack attack : InversionAttack.values()) {
            InversionTask task = new InversionTask(lenet, images(0), attack, attack.optimizer(),
                    new InversionParameters(n + 20, attack.defaults().learningRate(), GradientMatching.DEFAULT_STEP,
                            attack.defaults().tvWeight(), 1), 1, true, new Defense.None());
            for (int i = 0; i < 20; i++) {
                task.step(i);
            }
            long t1 = System.nanoTime();
            for (int i = 20; i < n + 20; i++) {
                task.step(i);
            }
            double ms = (System.nanoTime() - t1) / 1e6 / n;
            out.printf(Locale.ROOT, "One %s iteration (%s): %.2f ms = %.1f plain gradients%n", name(attack), attack.optimizer(), ms,
                    ms / plain);
        }
    }

    /** DLG's defense table: final PSNR of iDLG (L-BFGS, 300 steps) and test accuracy after training with the defense. */
    private void defenseTable(int priceSteps) throws Exception {
        List<Defense> defenses = List.of(new Defense.None(), new Defense.GaussianNoise(1e-4), new Defense.GaussianNoise(1e-3),
                new Defense.GaussianNoise(1e-2), new Defense.GaussianNoise(1e-1), new Defense.Pruning(0.1), new Defense.Pruning(0.2),
                new Defense.Pruning(0.5), new Defense.Pruning(0.9), new Defense.Aggregation(3), new Defense.Aggregation(7));
        out.printf(Locale.ROOT, "Defense table: iDLG (L-BFGS, 300 steps, seed 1) on test image 0; LeNet trained %d steps"
                + " (batch 32, Adam 3e-3, seed 1) with the defense on every gradient%n", priceSteps);
        out.printf(Locale.ROOT, "%-34s %14s %14s %18s%n", "defense", "final PSNR dB", "best PSNR dB", "test accuracy %");
        for (Defense d : defenses) {
            ClientBatch batch = images(0);
            if (d instanceof Defense.Aggregation a) {
                try {
                    batch = a.enlarge(batch, train, 1);
                } catch (org.glassbox.engine.UserFacingException e) {
                    throw new IllegalStateException(e);
                }
            }
            InversionTask task = new InversionTask(lenet, batch, InversionAttack.IDLG, InversionOptimizer.LBFGS,
                    InversionAttack.IDLG.defaults(), 1, true, d);
            InversionSnapshot last = org.glassbox.workspace.HeadlessRunner.runToEnd(task);
            DefensePriceTask price = new DefensePriceTask(SampleModels.lenetSigmoid(1), d, train, test, 1, priceSteps, 32, 1);
            PriceSnapshot p = price.step(0);
            String accuracy = String.format(Locale.ROOT, "%.1f", 100 * p.accuracyDefended())
                    + (d instanceof Defense.Aggregation a ? " (" + (1 + a.extraImages()) + "× the compute)" : "");
            out.printf(Locale.ROOT, "%-34s %14.1f %14.1f %18s%n", d.describe(), last.psnr(), last.best().psnr(), accuracy);
        }
    }
}
