package org.glassbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.data.ToyDataset;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.Param;
import org.glassbox.regions.Coloring;
import org.glassbox.regions.PlaygroundParameters;
import org.glassbox.regions.RegionsSetup;
import org.glassbox.regions.RegionsWorkspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glassbox regions}: the exact region map of a model, or of a toy network trained here, headless. */
@Command(name = "regions", mixinStandardHelpOptions = true,
        description = "Compute the exact linear-region map of a ReLU network on a plane and write region-map.png,"
                + " regions.json (polygons, patterns, affine maps), run.json and report.html; with --train also region-counts.csv.")
final class RegionsCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = {"-m", "--model"}, description = "A catalog id (toy-spiral, mlp-784-128-10, …) or a DL4J/Keras model file.")
        String model;

        @Option(names = "--train", description = "Train a network live on this toy set first: ${COMPLETION-CANDIDATES}.")
        ToyDataset train;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--hidden", defaultValue = "16, 16, 16", description = "With --train: hidden widths. Default: ${DEFAULT-VALUE}.")
    String hidden;

    @Option(names = "--frames", defaultValue = "200", description = "With --train: frames to train. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--steps-per-frame", defaultValue = "10", description = "With --train: steps per frame. Default: ${DEFAULT-VALUE}.")
    int stepsPerFrame;

    @Option(names = "--window", split = ",", description = "uMin,uMax,vMin,vMax of the window (default: the model's usual view).")
    double[] window;

    @Option(names = "--images", split = ",", defaultValue = "0,1,2",
            description = "For 784-input models: the three test images the plane passes through. Default: ${DEFAULT-VALUE}.")
    int[] images;

    @Option(names = "--color", defaultValue = "PATTERN", description = "Colouring: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Coloring coloring;

    @Param(label = "--size", description = "PNG size in pixels", min = 16, max = 8192)
    @Option(names = "--size", defaultValue = "900", description = "PNG size in pixels. Default: ${DEFAULT-VALUE}.")
    int size;

    @Mixin
    SeedAndOutput common;

    @Override
    public Integer call() throws Exception {
        RegionsSetup d = RegionsSetup.defaults();
        PlaygroundParameters t = d.training();
        RegionsSetup setup = new RegionsSetup(hidden, new PlaygroundParameters(t.points(), t.noise(), t.learningRate(),
                t.batchSize(), t.l2(), stepsPerFrame, frames), images, window, coloring, size);
        Experiment experiment = source.train != null ? RegionsWorkspace.training(source.train, setup, common.seed)
                : RegionsWorkspace.experiment(source.model, "", setup, common.seed);
        return RunCommand.run(experiment, Path.of(""), common.out);
    }
}
