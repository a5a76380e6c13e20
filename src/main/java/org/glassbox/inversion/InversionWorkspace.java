package org.glassbox.inversion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.RunRecord;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;
import org.glassbox.workspace.BaseWorkspace;

/** Gradient inversion: private images rebuilt from the gradient a client shares (DLG, iDLG, Inverting Gradients). */
public final class InversionWorkspace extends BaseWorkspace<InversionSetup, InversionSnapshot> {

    public InversionWorkspace() {
        super(InversionRun.WORKSPACE, "Gradient inversion",
                "Watch a private training image re-appear from the gradient a federated client shares.",
                "invert", InversionSetup.class, InversionSetup::defaults);
    }

    @Override
    public InversionSetup setup(Experiment experiment) throws Exception {
        return InversionRun.setup(experiment);
    }

    @Override
    public String formula() {
        return "find x′ (and y′) minimising ‖∇θ L(x′, y′) − g‖², g the client's gradient  ·  PSNR = 10 log₁₀(1 / MSE(x, x′))";
    }

    @Override
    public List<org.glassbox.workspace.Demo> demos() {
        InversionSetup d = InversionSetup.defaults();
        InversionAttack dlg = InversionAttack.DLG;
        return List.of(
                new org.glassbox.workspace.Demo("iDLG rebuilds a boot from its gradient",
                        "The attacker sees only the gradient; the label is read from it, then the image is fitted until the"
                                + " two gradients match: past 30 dB in about two seconds.",
                        InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, d, 1)),
                new org.glassbox.workspace.Demo("DLG learns the image and its label together",
                        "Deep Leakage from Gradients starts from noise for both and gets there too, a little later (30 dB near"
                                + " iteration 80).",
                        InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, new InversionSetup(dlg, dlg.optimizer(),
                                d.image(), d.batch(), d.fileLabel(), d.resize(), true, d.defense(), d.strength(), d.clipNorm(),
                                false, dlg.defaults()), 1)),
                new org.glassbox.workspace.Demo("Noise σ = 0.1 on the gradient stops it",
                        "The same attack on the same seed, side by side: about 100 dB without the noise, about 5 dB with it.",
                        InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, new InversionSetup(d.attack(), d.optimizer(),
                                d.image(), d.batch(), d.fileLabel(), d.resize(), d.dlgWeights(), DefenseKind.GAUSSIAN, 0.1,
                                d.clipNorm(), true, d.parameters()), 1)));
    }

    @Override
    public Experiment example(long seed) {
        InversionSetup d = InversionSetup.defaults();
        InversionParameters p = d.parameters();
        InversionSetup quick = new InversionSetup(d.attack(), d.optimizer(), d.image(), d.batch(), d.fileLabel(), d.resize(),
                d.dlgWeights(), d.defense(), d.strength(), d.clipNorm(), d.sideBySide(),
                new InversionParameters(12, p.learningRate(), p.hvpStep(), p.tvWeight(), p.restarts()));
        return InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, quick, seed);
    }

    @Override
    public PreparedRun<InversionSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        InversionRun.Prepared run = InversionRun.prepare(assets, experiment, base);
        InversionTask attack = run.task();
        List<InversionSnapshot> history = new ArrayList<>();
        List<InversionSnapshot> undefended = new ArrayList<>();
        IterativeTask<InversionSnapshot> task = !run.sideBySide() ? attack : new IterativeTask<>() {
            private final SideBySideTask pair = new SideBySideTask(attack, run.undefendedTask());

            @Override
            public int iterations() {
                return pair.iterations();
            }

            @Override
            public InversionSnapshot step(int index) {
                SideBySideTask.Pair both = pair.step(index);
                undefended.add(both.undefended());
                return both.defended();
            }
        };
        long start = System.nanoTime();
        double[] to30 = {-1, Double.NaN};
        return new PreparedRun<>() {
            @Override
            public IterativeTask<InversionSnapshot> task() {
                return task;
            }

            @Override
            public void observe(InversionSnapshot s) {
                history.add(s);
                if (to30[0] < 0 && s.psnr() >= 30) {
                    to30[0] = s.iteration();
                    to30[1] = (System.nanoTime() - start) / 1e9;
                }
            }

            @Override
            public RunRecord write(Path out, InversionSnapshot last, RunTiming timing) throws IOException {
                return InversionRun.writeResults(out, experiment, run, history, undefended, timing.started(), timing.seconds());
            }

            @Override
            public List<String> summary(InversionSnapshot last, RunTiming timing) {
                Reconstruction best = last.best();
                int[] matched = new int[best.watched()];
                for (int i = 0; i < matched.length; i++) {
                    matched[i] = best.labelOf(i);
                }
                double seconds = timing.seconds();
                return List.of(
                        String.format(Locale.ROOT, "%s on %s, %s", run.setup().attack(), run.model().name(), run.defense().describe()),
                        String.format(Locale.ROOT, "labels: %s (true: %s)", run.labelNames(matched), run.labelNames(run.watched().labels())),
                        String.format(Locale.ROOT, "%d iterations in %.2f s: %.1f iterations/s; final PSNR %.2f dB, SSIM %.4f;"
                                        + " best iterate (least loss) %d: %.2f dB", task.iterations(), seconds, task.iterations() / seconds,
                                last.psnr(), last.ssim(), last.bestIteration(), best.psnr()),
                        to30[0] < 0 ? "30 dB not reached"
                                : String.format(Locale.ROOT, "30 dB reached at iteration %d, after %.2f s", (int) to30[0], to30[1]));
            }
        };
    }
}
