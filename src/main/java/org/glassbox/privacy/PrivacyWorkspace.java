package org.glassbox.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.Plot;
import org.glassbox.workspace.BaseWorkspace;
import org.glassbox.workspace.Demo;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;

/** Differential privacy: DP-SGD beside a non-private twin, ε drawn live from the Rényi-DP accountant beside both accuracies. */
public final class PrivacyWorkspace extends BaseWorkspace<PrivacySetup, PrivacySnapshot> {

    public static final String WORKSPACE = "differential-privacy";
    /** The model of a run trained here (an MLP from the setup). */
    public static final String TRAIN_HERE = "train-here";

    public PrivacyWorkspace() {
        super(WORKSPACE, "Differential privacy",
                "Train with DP-SGD beside the same training without noise and watch ε grow with every step while the accuracies part.",
                "privacy", PrivacySetup.class, PrivacySetup::defaults);
    }

    public static Experiment experiment(PrivacySetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, TRAIN_HERE, FashionMnist.TRAIN_ID, ExperimentFiles.JSON.valueToTree(setup),
                seed);
    }

    @Override
    public String formula() {
        return "g̃ = (Σ_{i∈B} g_i · min(1, C/‖g_i‖) + N(0, σ²C²I)) / (qN), B a Poisson sample of rate q  ·  ε = min_α [T·RDP_α(q, σ)"
                + " + log((α−1)/α) − (log δ + log α)/(α − 1)]";
    }

    @Override
    public List<Demo> demos() {
        PrivacySetup d = PrivacySetup.defaults();
        return List.of(
                new Demo("DP-SGD at σ = 1.1: private, and still learning",
                        "The same network, the same batches, both clipped: the private one adds noise to every step;"
                                + " its accuracy trails the noiseless twin's while ε climbs with every step.", experiment(d, 1)),
                new Demo("Little noise (σ = 0.5): close to the twin, ε in the tens",
                        "Less noise buys accuracy and costs privacy: after the same 300 steps ε is several times larger.",
                        experiment(new PrivacySetup(d.examples(), d.hidden(), d.steps(), d.sampleRate(), 0.5, d.clipNorm(),
                                d.learningRate(), d.delta(), d.stepsPerFrame()), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return experiment(new PrivacySetup(300, 16, 20, 0.1, 1.0, 1.0, 0.5, 1e-5, 5), seed);
    }

    @Override
    public PrivacySetup setup(Experiment experiment) throws Exception {
        requireOwn(experiment);
        requireTrainedHere(experiment, TRAIN_HERE, FashionMnist.TRAIN_ID, "cannot be retrained with DP-SGD here yet");
        return super.setup(experiment);
    }

    @Override
    public PreparedRun<PrivacySnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        PrivacySetup setup = setup(experiment);
        LabeledImages train = FashionMnist.train(assets);
        if (setup.examples() > train.size()) {
            throw new UserFacingException(setup.examples() + " training images asked for; " + train.size() + " are shipped.",
                    "Use at most " + train.size() + ".");
        }
        PrivacyTask task = new PrivacyTask(train, FashionMnist.test(assets), setup, experiment.seed());
        return new PreparedRun<>() {
            @Override
            public IterativeTask<PrivacySnapshot> task() {
                return task;
            }

            @Override
            public String progress(PrivacySnapshot s, int completed) {
                return line(s);
            }

            @Override
            public RunRecord write(Path out, PrivacySnapshot last, RunTiming timing) throws IOException {
                return writeResults(out, experiment, setup, last, timing);
            }

            @Override
            public List<String> summary(PrivacySnapshot last, RunTiming timing) {
                return List.of(line(last) + String.format(Locale.ROOT, "; %.1f s", timing.seconds()));
            }
        };
    }

    static String line(PrivacySnapshot s) {
        return String.format(Locale.ROOT, "step %,d: ε = %.3f (α = %s) · test accuracy %.1f %% private, %.1f %% without noise",
                s.step(), s.epsilon(), Double.isNaN(s.order()) ? "–" : String.valueOf(s.order()), 100 * s.privateAccuracy(),
                100 * s.plainAccuracy());
    }

    /** The ε curve and the two accuracy curves, as the page draws them and as the report shows them. */
    public static Plot epsilonPlot(PrivacySnapshot s) {
        Plot plot = new Plot("Privacy spent", "step", "ε (δ fixed)");
        plot.series("ε", s.steps(), s.epsilons());
        return plot;
    }

    public static Plot accuracyPlot(PrivacySnapshot s, String privateName) {
        Plot plot = new Plot("Test accuracy", "step", "accuracy on the test images").yRange(0, 1);
        plot.series(privateName, s.steps(), s.privateCurve());
        plot.series("same steps without noise", s.steps(), s.plainCurve());
        return plot;
    }

    /** curves.csv, run.json and report.html, through a staging folder (run.json last). */
    public static RunRecord writeResults(Path out, Experiment experiment, PrivacySetup setup, PrivacySnapshot last, RunTiming timing)
            throws IOException {
        return ResultFolder.write(out, folder -> {
            List<String> rows = new ArrayList<>();
            rows.add("step,epsilon,private_accuracy,plain_accuracy");
            for (int i = 0; i < last.steps().length; i++) {
                rows.add(String.format(Locale.ROOT, "%.0f,%s,%s,%s", last.steps()[i], last.epsilons()[i], last.privateCurve()[i],
                        last.plainCurve()[i]));
            }
            Files.write(folder.resolve("curves.csv"), rows);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("steps", last.step());
            metrics.put("epsilon", last.epsilon());
            metrics.put("order", last.order());
            metrics.put("delta", setup.delta());
            metrics.put("privateAccuracy", last.privateAccuracy());
            metrics.put("plainAccuracy", last.plainAccuracy());
            Map<String, Object> timings = new LinkedHashMap<>();
            timings.put("stepsPerSecond", last.step() / Math.max(timing.seconds(), 1e-9));
            List<String> files = List.of("curves.csv", "run.json", "report.html");
            RunRecord record = new RunRecord(experiment, Versions.current(), timing.started().toString(), timing.seconds(), timings,
                    metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            new HtmlReport("Differential privacy: DP-SGD beside the same training without noise")
                    .paragraph(line(last) + ". Poisson sampling at q = " + setup.sampleRate() + ", σ = " + setup.noiseMultiplier()
                            + ", C = " + setup.clipNorm() + ", δ = " + setup.delta() + "; ε from the Rényi-DP accountant of the sampled"
                            + " Gaussian mechanism (Mironov, Talwar and Zhang 2019), Balle et al. 2020 conversion.")
                    .table("Setup", Map.of("setup", setup, "seed", experiment.seed()))
                    .table("Figures", metrics)
                    .image("ε against steps", epsilonPlot(last).image(760, 380))
                    .image("Test accuracy against steps", accuracyPlot(last, "DP-SGD").image(760, 380))
                    .write(folder.resolve("report.html"));
            return record;
        });
    }
}
