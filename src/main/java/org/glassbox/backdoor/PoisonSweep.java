package org.glassbox.backdoor;

import java.util.Arrays;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.metrics.Curves;
import org.glassbox.metrics.Plot;

/**
 * Attack success against the poisoned fraction: the setup's BadNets run (training only, no
 * defenses) once per fraction, same seed, so that the backdoor's threshold shows — below some
 * fraction the trigger does not take. One fraction per iteration.
 */
public final class PoisonSweep implements IterativeTask<PoisonSweep.Snapshot> {

    /** The fractions swept, from none to the workspace's default. */
    public static final double[] FRACTIONS = {0, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1};

    /** The fractions done so far, each with its attack success, the count it was measured on, and both clean accuracies. */
    public record Snapshot(double[] fractions, double[] attackSuccess, int[] measured, double[] accuracy, double[] twinAccuracy) {

        /** fraction, attack success, measured on, clean accuracy, twin's: one row per fraction, written through a temporary file. */
        public void writeCsv(java.nio.file.Path file) throws java.io.IOException {
            java.util.List<String> rows = new java.util.ArrayList<>();
            rows.add("poisoned_fraction,attack_success,measured_on,clean_accuracy,twin_accuracy");
            for (int i = 0; i < fractions.length; i++) {
                rows.add(String.format(java.util.Locale.ROOT, "%s,%s,%d,%s,%s", fractions[i], attackSuccess[i], measured[i], accuracy[i],
                        twinAccuracy[i]));
            }
            org.glassbox.experiment.ResultFolder.writeFile(file, partial -> java.nio.file.Files.write(partial, rows));
        }

        /** Attack success and clean accuracy against the poisoned fraction, in per cent. */
        public Plot plot() {
            double[] percent = Arrays.stream(fractions).map(f -> 100 * f).toArray();
            Plot plot = new Plot("Attack success against the poisoned fraction", "poisoned training images (%)", "share of test images")
                    .yRange(0, 1);
            plot.series("attack success", percent, attackSuccess);
            plot.series("clean accuracy", percent, accuracy);
            plot.series("clean twin's accuracy", percent, twinAccuracy, true);
            return plot;
        }
    }

    private final LabeledImages train;
    private final LabeledImages test;
    private final BackdoorSetup setup;
    private final long seed;
    private Snapshot done = new Snapshot(new double[0], new double[0], new int[0], new double[0], new double[0]);

    public PoisonSweep(LabeledImages train, LabeledImages test, BackdoorSetup setup, long seed) {
        this.train = train;
        this.test = test;
        this.setup = setup;
        this.seed = seed;
    }

    @Override
    public int iterations() {
        return FRACTIONS.length;
    }

    @Override
    public Snapshot step(int index) throws Exception {
        BackdoorSetup s = setup.withPoison(FRACTIONS[index]).withCleanseSteps(0).withStripOverlays(0).withoutClustering()
                .withStepsPerFrame(setup.trainingSteps());
        BackdoorTask task = new BackdoorTask(train, test, s, seed);
        BackdoorSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        int[] measured = Arrays.copyOf(done.measured(), done.measured().length + 1);
        measured[measured.length - 1] = last.backdooredAsr().measured();
        done = new Snapshot(Curves.append(done.fractions(), FRACTIONS[index]), Curves.append(done.attackSuccess(),
                last.backdooredAsr().rate()), measured, Curves.append(done.accuracy(), last.backdooredAccuracyNow()),
                Curves.append(done.twinAccuracy(), last.twinAccuracyNow()));
        return done;
    }
}
