package org.glassbox.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.data.ToyDataset;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.Versions;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoader;
import org.glassbox.models.samples.SampleTrainer;
import org.glassbox.regions.Architecture;
import org.glassbox.regions.Coloring;
import org.glassbox.regions.ExactPartition;
import org.glassbox.regions.MapMarker;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.PlaygroundParameters;
import org.glassbox.regions.PlaygroundSnapshot;
import org.glassbox.regions.PlaygroundTask;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.RegionMapFiles;
import org.glassbox.regions.RegionMapImage;
import org.glassbox.regions.Window;
import picocli.CommandLine.ArgGroup;
import org.glassbox.experiment.Param;
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
        long seed = common.seed;
        Path out = common.out;
        Assets assets = Assets.locate();
        PiecewiseLinearNetwork network;
        PlaygroundSnapshot trained = null;
        Plane plane = Plane.identity2d();
        Window home = PlaygroundTask.TRAINING_WINDOW;
        List<MapMarker> markers = new ArrayList<>();
        List<String> files = new ArrayList<>(List.of("region-map.png", "regions.json", "run.json", "report.html"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        String name;
        if (source.train != null) {
            PlaygroundParameters p = new PlaygroundParameters(400, 0.1, 0.01, 20, 0, stepsPerFrame, frames);
            Parameters.requireValid(p);
            PlaygroundTask task = new PlaygroundTask(source.train, Architecture.parse(hidden), p, seed);
            PlaygroundSnapshot last = null;
            for (int i = 0; i < task.iterations(); i++) {
                last = task.step(i);
            }
            network = last.network();
            for (int i = 0; i < task.points().size(); i++) {
                markers.add(new MapMarker(task.points().xy()[i][0], task.points().xy()[i][1], task.points().labels()[i], null));
            }
            trained = last;
            files.add("region-counts.csv");
            metrics.put("loss", last.loss());
            metrics.put("accuracy", last.accuracy());
            name = source.train.id() + " " + Architecture.parse(hidden).shape(2, 2);
        } else {
            ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
            CatalogEntry entry = catalog.find(source.model).orElse(null);
            Path path = entry != null ? catalog.pathOf(entry) : Path.of(source.model);
            ModelHandle model = entry != null ? catalog.load(entry.id()) : ModelLoader.load(path);
            network = PiecewiseLinearNetwork.of(model, path);
            name = model.name();
            if (network.inputs() == 784) {
                LabeledImages test = FashionMnist.test(assets);
                if (images.length != 3) {
                    throw new UserFacingException("--images needs three test image numbers.", "For example --images 0,1,2.");
                }
                double[][] x = new double[3][];
                double[][] at = {{0, 0}, {1, 0}, {0, 1}};
                for (int k = 0; k < 3; k++) {
                    if (images[k] < 0 || images[k] >= test.size()) {
                        throw new UserFacingException("Test image " + images[k] + " does not exist.", "Use 0 to " + (test.size() - 1) + ".");
                    }
                    x[k] = test.image(images[k]);
                    markers.add(new MapMarker(at[k][0], at[k][1], test.labels()[images[k]],
                            "#" + images[k] + " " + test.classNames().get(test.labels()[images[k]])));
                }
                try {
                    plane = Plane.through(x[0], x[1], x[2]);
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException("--images " + images[0] + "," + images[1] + "," + images[2]
                            + " do not make a plane: " + e.getMessage() + ".", "Pick three different test images.");
                }
                home = new Window(-0.25, 1.25, -0.25, 1.25);
            } else if (network.inputs() != 2) {
                throw new UserFacingException(path.getFileName() + " takes " + network.inputs() + " inputs.",
                        "The region map works on 2-input networks, or on 784-input image models through three test images.");
            } else if (entry != null && entry.dataset().startsWith("toy:")) {
                ToyDataset.Points points = SampleTrainer.toyTrainingPoints(entry.dataset(), entry.seed());
                for (int i = 0; i < points.size(); i++) {
                    markers.add(new MapMarker(points.xy()[i][0], points.xy()[i][1], points.labels()[i], null));
                }
            }
        }
        if (window != null) {
            if (window.length != 4) {
                throw new UserFacingException("--window needs four numbers: uMin,uMax,vMin,vMax.", "For example --window -1,1,-1,1.");
            }
            try {
                home = new Window(window[0], window[1], window[2], window[3]);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("--window: " + e.getMessage() + ".", "Give uMin < uMax and vMin < vMax.");
            }
        }
        RegionMap map = ExactPartition.compute(network, plane, home);
        PlaygroundSnapshot trainingRun = trained;
        Window shown = home;
        String shownName = name;
        ResultFolder.write(out, folder -> {
            if (trainingRun != null) {
                RegionMapFiles.writeTrainingCsv(trainingRun, stepsPerFrame, folder.resolve("region-counts.csv"));
            }
            RegionMapImage.write(map, markers, coloring, size, folder.resolve("region-map.png"));
            RegionMapFiles.writeJson(map, folder.resolve("regions.json"));
            metrics.put("regions", map.size());
            metrics.put("mapSeconds", map.seconds());
            metrics.put("decisionBoundarySegments", map.boundary().size());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("workspace", "linear-regions");
            run.put("model", shownName);
            run.put("seed", seed);
            run.put("window", shown);
            run.put("versions", Versions.current());
            run.put("metrics", metrics);
            run.put("files", files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), run);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("network", shownName);
            what.put("plane", network.inputs() == 2 ? "the input plane itself" : "through test images " + java.util.Arrays.toString(images));
            what.put("window", String.format(Locale.ROOT, "u ∈ [%g, %g], v ∈ [%g, %g]", shown.uMin(), shown.uMax(), shown.vMin(), shown.vMax()));
            what.put("colouring", coloring);
            what.put("seed", seed);
            new HtmlReport("Linear regions: " + shownName)
                    .paragraph(String.format(Locale.ROOT, "%,d linear regions, computed exactly (double precision) in %.1f ms;"
                            + " %d decision-boundary segments.", map.size(), map.seconds() * 1e3, map.boundary().size()))
                    .table("What was run", what)
                    .table("Figures", metrics)
                    .image("Region map", RegionMapImage.render(map, markers, coloring, size))
                    .write(folder.resolve("report.html"));
            return null;
        });
        System.out.printf(Locale.ROOT, "%s: %,d regions in %.1f ms on u ∈ [%g, %g], v ∈ [%g, %g]%n", name, map.size(),
                map.seconds() * 1e3, home.uMin(), home.uMax(), home.vMin(), home.vMax());
        System.out.println("wrote " + String.join(", ", files) + " to " + out.toAbsolutePath());
        return 0;
    }
}
