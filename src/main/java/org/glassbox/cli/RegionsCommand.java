package org.glassbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.data.ToyDataset;
import org.glassbox.experiment.Experiment;
import org.glassbox.regions.RegionsSetup;
import org.glassbox.regions.RegionsWorkspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glassbox regions}: the exact region map of a model, or of a toy network trained here, headless. */
@Command(name = "regions", aliases = "linear-regions", mixinStandardHelpOptions = true,
        description = "Compute the exact linear-region map of a ReLU network on a plane and write region-map.png,"
                + " regions.json (polygons, patterns, affine maps), run.json and report.html; with --train also region-counts.csv.")
final class RegionsCommand extends SetupCommand<RegionsSetup> implements Callable<Integer> {

    static final class Source {
        @Option(names = {"-m", "--model"}, description = "A catalog id (toy-spiral, mlp-784-128-10, …) or a DL4J/Keras model file.")
        String model;

        @Option(names = "--train", description = "Train a network live on this toy set first: ${COMPLETION-CANDIDATES}.")
        ToyDataset train;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    SeedAndOutput common;

    @Override
    public RegionsSetup setupDefaults() {
        return RegionsSetup.defaults();
    }

    @Override
    public Integer call() throws Exception {
        RegionsSetup setup = setup();
        Experiment experiment = source.train != null ? RegionsWorkspace.training(source.train, setup, common.seed)
                : RegionsWorkspace.experiment(source.model, "", setup, common.seed);
        return RunCommand.run(experiment, Path.of(""), common.out);
    }
}
