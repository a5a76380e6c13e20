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
@Command(name = "extract", aliases = "reverse-engineering", mixinStandardHelpOptions = true,
        description = "Recover a fully connected ReLU network from its outputs alone: the first layer by Rolnick and Kording's"
                + " Algorithm 1 with exact kinks, deeper layers by following boundaries (their Algorithm 2), signs and the last"
                + " layer by least squares. Prints the queries used and each layer's error against the true network; writes"
                + " map.png, neurons.csv, run.json, report.html and the recovered model.")
final class ExtractCommand extends SetupCommand<ExtractionSetup> implements Callable<Integer> {

    @Option(names = "--experiment", description = "An experiment file of the Reverse engineering workspace; the other flags are then ignored.")
    Path experimentFile;

    @Option(names = {"-m", "--model"}, description = "A catalog id or model file of dense ReLU layers (default: a seeded random network).")
    String model;

    @Option(names = "--random", defaultValue = "10,20,20,1",
            description = "Widths of a seeded random ReLU network (He-normal weights), when no --model is given. Default: ${DEFAULT-VALUE}.")
    String random;

    @Mixin
    SeedAndOutput common;

    @Override
    public ExtractionSetup setupDefaults() {
        return ExtractionSetup.defaults();
    }

    @Override
    public Integer call() throws Exception {
        long seed = common.seed;
        Path out = common.out;
        if (experimentFile != null) {
            return RunCommand.run(ExperimentFiles.read(experimentFile), experimentFile.toAbsolutePath().getParent(), out);
        }
        String network = model != null ? model : ExtractionRun.randomReference(random);
        return RunCommand.run(ExtractionRun.experiment(network, setup(), seed), Path.of(""), out);
    }

}
