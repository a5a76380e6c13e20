package org.glassbox.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.extraction.ExtractionParameters;
import org.glassbox.extraction.ExtractionRun;
import org.glassbox.extraction.ExtractionSetup;
import org.glassbox.extraction.ExtractionSnapshot;
import org.glassbox.extraction.ExtractionTask;
import org.glassbox.extraction.ExtractionTarget;
import org.glassbox.extraction.KinkPoint;
import org.glassbox.extraction.Oracle;
import org.glassbox.extraction.OutputPrecision;
import org.glassbox.metrics.LayerComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glassbox extract}: reverse-engineer a ReLU network from black-box queries, headless. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Recover a fully connected ReLU network from its outputs alone: the first layer by Rolnick and Kording's"
                + " Algorithm 1 with exact kinks, deeper layers by following boundaries (their Algorithm 2), signs and the last"
                + " layer by least squares. Prints the queries used and each layer's error against the true network; writes"
                + " map.png, neurons.csv, run.json, report.html and the recovered model.")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--experiment", description = "An experiment file of the Reverse engineering workspace; the other flags are then ignored.")
    Path experimentFile;

    @Option(names = {"-m", "--model"}, description = "A catalog id or model file of dense ReLU layers (default: a seeded random network).")
    String model;

    @Option(names = "--random", defaultValue = "10,20,20,1",
            description = "Widths of a seeded random ReLU network (He-normal weights), when no --model is given. Default: ${DEFAULT-VALUE}.")
    String random;

    @Option(names = "--precision", defaultValue = "float64",
            description = "What the black box answers: float64, float32 or decimals:N. Default: ${DEFAULT-VALUE}.")
    String precision;

    @Option(names = "--lines", description = "Random lines to search (default: ${DEFAULT-VALUE}).", defaultValue = "12")
    int lines;

    @Option(names = "--half-length", defaultValue = "20", description = "Half-length of each line. Default: ${DEFAULT-VALUE}.")
    double halfLength;

    @Mixin
    SeedAndOutput common;

    @Override
    public Integer call() throws Exception {
        long seed = common.seed;
        Path out = common.out;
        if (experimentFile != null) {
            return run(ExperimentFiles.read(experimentFile), experimentFile.toAbsolutePath().getParent(), out);
        }
        ExtractionParameters parameters = Parameters.requireValid(new ExtractionParameters(lines, halfLength,
                ExtractionParameters.defaults().probes(), ExtractionParameters.defaults().probeRadius(), 0));
        String network = model != null ? model : ExtractionRun.randomReference(random);
        return run(ExtractionRun.experiment(network, new ExtractionSetup(precision, parameters), seed), Path.of(""), out);
    }

    /** Runs a Reverse engineering experiment at full speed, prints its figures and writes its results. */
    static int run(Experiment experiment, Path base, Path out) throws Exception {
        ExtractionSetup setup = ExtractionRun.setup(experiment);
        OutputPrecision outputs = ExtractionRun.precision(setup);
        ExtractionTarget target = ExtractionRun.target(Assets.locate(), experiment, base);
        ExtractionParameters parameters = setup.parameters().withoutPause();
        long seed = experiment.seed();
        Oracle oracle = new Oracle(target.network(), outputs);
        ExtractionTask task = new ExtractionTask(target.network(), oracle, target.plane(), target.window(), parameters, seed);
        java.time.Instant started = java.time.Instant.now();
        long t0 = System.nanoTime();
        ExtractionSnapshot last = null;
        for (int i = 0; i < task.iterations() && !task.finished(); i++) {
            last = task.step(i);
            if (i < parameters.lines()) {
                System.out.printf(Locale.ROOT, "line %d: %,d queries, %d first-layer neurons, %d critical points%n", last.lines(),
                        last.queries(), last.firstLayer().size(), last.kinks().size());
            } else {
                System.out.printf(Locale.ROOT, "%,d queries: %s%n", last.queries(), last.stage());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LayerComparison c = last.comparison();
        long deeper = last.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.DEEPER).count();
        System.out.printf(Locale.ROOT, "%s behind a %s black box: first layer %d neurons found (true width %d), %.0f %% recovered;"
                        + " max weight error %s; %,d queries = 2^%.1f; %d critical points on deeper neurons; %.2f s%n",
                target.name(), outputs, c.recoveredNeurons(), c.trueNeurons(), 100 * c.fractionRecovered(), error(c.maxError()),
                last.queries(), Math.log(last.queries()) / Math.log(2), deeper, seconds);
        if (last.layers() != null) {
            for (int l = 1; l < last.layers().hidden().size(); l++) {
                LayerComparison layer = last.layers().hidden().get(l);
                System.out.printf(Locale.ROOT, "layer %d: %d neurons found (true width %d), %.0f %% recovered; max weight error"
                                + " %s%n", l + 1, layer.recoveredNeurons(), layer.trueNeurons(), 100 * layer.fractionRecovered(),
                        error(layer.maxError()));
            }
            if (!Double.isNaN(last.layers().outputError())) {
                System.out.println("output layer: max weight error " + error(last.layers().outputError()));
            }
        }
        System.out.println(last.stage());
        if (last.completion() != null) {
            System.out.println(last.completion().summary());
        }
        java.util.List<String> files = org.glassbox.extraction.ExtractionResults.write(out, target, last, parameters, outputs, seed,
                started, seconds);
        System.out.println("wrote " + String.join(", ", files) + " to " + out.toAbsolutePath()
                + (files.contains("recovered-model.zip") ? " (the Model lab opens recovered-model.zip)" : ""));
        return 0;
    }

    /** An error as "1.234e-10 = 2^-32.9", or "– (no neuron recovered)" when there is none to measure. */
    private static String error(double e) {
        return Double.isNaN(e) ? "– (no neuron recovered)" : String.format(Locale.ROOT, "%.3e = 2^%.1f", e, Math.log(e) / Math.log(2));
    }
}
