package org.glassbox.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassbox.data.Assets;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.RunRecord;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;
import org.glassbox.workspace.BaseWorkspace;

/** Reverse engineering: a ReLU network's layers recovered from black-box queries alone. */
public final class ExtractionWorkspace extends BaseWorkspace<ExtractionSetup, ExtractionSnapshot> {

    public ExtractionWorkspace() {
        super(ExtractionRun.WORKSPACE, "Reverse engineering",
                "Recover a ReLU network's weights, layer by layer, from black-box queries, drawn over its exact region map.",
                "extract", ExtractionSetup.class, ExtractionSetup::defaults);
    }

    @Override
    public ExtractionSetup setup(Experiment experiment) throws Exception {
        return ExtractionRun.setup(experiment);
    }

    @Override
    public String formula() {
        return "along a line x(t), a neuron switches where w·x(t) + b = 0: the output's slope jumps there (a kink),"
                + " and the jump of the gradient across it is proportional to w";
    }

    @Override
    public java.util.List<org.glassbox.workspace.Demo> demos() {
        ExtractionParameters p = ExtractionParameters.defaults();
        String exact = OutputPrecision.FLOAT64.toString();
        return java.util.List.of(
                new org.glassbox.workspace.Demo("A 2-8-1 network stolen in seconds",
                        "Each query line is searched for kinks; each kink gives one neuron's hyperplane. All 8 come back to"
                                + " about 2^-42 from a few thousand queries.",
                        ExtractionRun.experiment(ExtractionRun.randomReference("2,8,1"), new ExtractionSetup(exact, p), 1)),
                new org.glassbox.workspace.Demo("The 10-20-20-1 sample, every layer",
                        "Deeper neurons bend where they meet known ones; walking their boundaries recovers layer 2 and the"
                                + " output layer too: the whole network to about 2^-33 in 2^17.5 queries.",
                        ExtractionRun.experiment("mlp-10-20-20-1", new ExtractionSetup(exact, p), 1)),
                new org.glassbox.workspace.Demo("Outputs rounded to 3 decimals stop it",
                        "The same 2-8-1 network behind a box that rounds its answers: the kinks drown in the rounding and no"
                                + " neuron comes back.",
                        ExtractionRun.experiment(ExtractionRun.randomReference("2,8,1"), new ExtractionSetup("decimals:3", p), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return ExtractionRun.experiment(ExtractionRun.randomReference("2,8,1"),
                new ExtractionSetup(OutputPrecision.FLOAT64.toString(), new ExtractionParameters(3, 20, 20, 4, 0)), seed);
    }

    @Override
    public PreparedRun<ExtractionSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        ExtractionSetup setup = ExtractionRun.setup(experiment);
        OutputPrecision outputs = ExtractionRun.precision(setup);
        ExtractionTarget target = ExtractionRun.target(assets, experiment, base);
        ExtractionParameters parameters = setup.parameters().withoutPause();
        Oracle oracle = new Oracle(target.network(), outputs);
        ExtractionTask task = new ExtractionTask(target.network(), oracle, target.plane(), target.window(), parameters,
                experiment.seed());
        return new PreparedRun<>() {
            @Override
            public IterativeTask<ExtractionSnapshot> task() {
                return task;
            }

            @Override
            public String progress(ExtractionSnapshot last, int completed) {
                return completed <= parameters.lines()
                        ? String.format(Locale.ROOT, "line %d: %,d queries, %d first-layer neurons, %d critical points",
                        last.lines(), last.queries(), last.firstLayer().size(), last.kinks().size())
                        : String.format(Locale.ROOT, "%,d queries: %s", last.queries(), last.stage());
            }

            @Override
            public RunRecord write(Path out, ExtractionSnapshot last, RunTiming timing) throws IOException {
                return ExtractionResults.write(out, experiment, target, last, parameters, outputs, timing.started(), timing.seconds());
            }

            @Override
            public List<String> summary(ExtractionSnapshot last, RunTiming timing) {
                List<String> lines = new ArrayList<>();
                LayerComparison c = last.comparison();
                long deeper = last.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.DEEPER).count();
                lines.add(String.format(Locale.ROOT, "%s behind a %s black box: first layer %d neurons found (true width %d),"
                                + " %.0f %% recovered; max weight error %s; %,d queries = 2^%.1f; %d critical points on deeper"
                                + " neurons; %.2f s", target.name(), outputs, c.recoveredNeurons(), c.trueNeurons(),
                        100 * c.fractionRecovered(), error(c.maxError()), last.queries(), Math.log(last.queries()) / Math.log(2),
                        deeper, timing.seconds()));
                if (last.layers() != null) {
                    for (int l = 1; l < last.layers().hidden().size(); l++) {
                        LayerComparison layer = last.layers().hidden().get(l);
                        lines.add(String.format(Locale.ROOT, "layer %d: %d neurons found (true width %d), %.0f %% recovered;"
                                        + " max weight error %s", l + 1, layer.recoveredNeurons(), layer.trueNeurons(),
                                100 * layer.fractionRecovered(), error(layer.maxError())));
                    }
                    if (!Double.isNaN(last.layers().outputError())) {
                        lines.add("output layer: max weight error " + error(last.layers().outputError()));
                    }
                }
                lines.add(last.stage());
                if (last.completion() != null) {
                    lines.add(last.completion().summary());
                    lines.add("the Model lab opens recovered-model.zip");
                }
                return lines;
            }
        };
    }

    /** An error as "1.234e-10 = 2^-32.9", or "– (no neuron recovered)" when there is none to measure. */
    static String error(double e) {
        return Double.isNaN(e) ? "– (no neuron recovered)" : String.format(Locale.ROOT, "%.3e = 2^%.1f", e, Math.log(e) / Math.log(2));
    }
}
