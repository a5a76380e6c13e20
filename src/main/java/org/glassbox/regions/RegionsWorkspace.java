package org.glassbox.regions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.data.ToyDataset;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.samples.SampleTrainer;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;
import org.glassbox.workspace.BaseWorkspace;

/**
 * Linear regions: the exact map of a ReLU network's linear regions on a plane, for a bundled or
 * given model, or for a network trained here on a 2-D toy set (the map drawn at the end).
 */
public final class RegionsWorkspace extends BaseWorkspace<RegionsSetup, RegionsWorkspace.Snapshot> {

    public static final String WORKSPACE = "linear-regions";
    /** The model of an experiment that trains its network here, on the toy set its data names ("toy:spiral"). */
    public static final String TRAIN_HERE = "train-here";
    public static final String TOY_PREFIX = "toy:";
    /** The data of an experiment on a 2-input model: the input plane itself. */
    public static final String INPUT_PLANE = "input-plane";

    /** A frame of training (null for a bundled model), and the map once it is drawn (null until the last step). */
    public record Snapshot(PlaygroundSnapshot training, RegionMap map) {
    }

    public RegionsWorkspace() {
        super(WORKSPACE, "Linear regions",
                "The exact linear pieces of a ReLU network on a plane, live while it trains.",
                "regions", RegionsSetup.class, RegionsSetup::defaults);
    }

    @Override
    public RegionsSetup setup(Experiment experiment) throws Exception {
        if (!WORKSPACE.equals(experiment.workspace())) {
            throw new UserFacingException("This experiment is for workspace '" + experiment.workspace() + "', not " + WORKSPACE + ".",
                    "Open it from its own workspace.");
        }
        RegionsSetup setup = ExperimentFiles.parameters(experiment, RegionsSetup.class, RegionsSetup.defaults());
        Parameters.requireValid(setup.training());
        if (setup.size() < 16 || setup.size() > 8192) {
            throw new UserFacingException("Picture size must be between 16 and 8192; it is " + setup.size() + ".",
                    "Change the value and run again.");
        }
        if (setup.coloring() == null) {
            throw new UserFacingException("The experiment has no colouring.", "Give \"coloring\": PATTERN, SLOPE or CLASS.");
        }
        return setup;
    }

    public static Experiment experiment(String model, String data, RegionsSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, model, data, ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    /** An experiment that trains a network here on a toy set. */
    public static Experiment training(ToyDataset toy, RegionsSetup setup, long seed) {
        return experiment(TRAIN_HERE, TOY_PREFIX + toy.id(), setup, seed);
    }

    @Override
    public String formula() {
        return "f(x) = W₃·relu(W₂·relu(W₁x + b₁) + b₂) + b₃ is affine wherever the on/off pattern of the ReLUs is fixed:"
                + " each region is one pattern, its edges where a neuron's wᵢ·h + bᵢ = 0";
    }

    @Override
    public List<org.glassbox.workspace.Demo> demos() {
        RegionsSetup d = RegionsSetup.defaults();
        return List.of(
                new org.glassbox.workspace.Demo("A spiral: the regions multiply as it learns",
                        "A 2-16-16-16-2 ReLU network is learning the spiral; every polygon is one linear piece, computed exactly,"
                                + " and the black line is its decision boundary.",
                        training(ToyDataset.byId("spiral"), d, 1)),
                new org.glassbox.workspace.Demo("One hidden layer draws only straight lines",
                        "64 neurons in one layer: each neuron is one line across the whole plane, so the regions are an"
                                + " arrangement of lines, whatever the training does.",
                        training(ToyDataset.byId("spiral"), new RegionsSetup("64", d.training(), d.images(), null, d.coloring(),
                                d.size()), 1)));
    }

    @Override
    public Experiment example(long seed) {
        RegionsSetup d = RegionsSetup.defaults();
        PlaygroundParameters t = d.training();
        return training(ToyDataset.byId("spiral"), new RegionsSetup("8, 8", new PlaygroundParameters(t.points(), t.noise(),
                t.learningRate(), t.batchSize(), t.l2(), 5, 6), d.images(), null, d.coloring(), 300), seed);
    }

    @Override
    public PreparedRun<Snapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        RegionsSetup setup = setup(experiment);
        Plane plane = Plane.identity2d();
        Window home = PlaygroundTask.TRAINING_WINDOW;
        List<MapMarker> markers = new ArrayList<>();
        PlaygroundTask playground = null;
        PiecewiseLinearNetwork fixed = null;
        String name;
        String planeText = "the input plane itself";
        if (TRAIN_HERE.equals(experiment.model())) {
            if (experiment.data() == null || !experiment.data().startsWith(TOY_PREFIX)) {
                throw new UserFacingException("An experiment that trains here names its toy set as data, e.g. \"toy:spiral\"; it has '"
                        + experiment.data() + "'.", "Set \"data\" to toy:spiral, toy:circles, toy:xor or toy:moons.");
            }
            ToyDataset toy = ToyDataset.byId(experiment.data().substring(TOY_PREFIX.length()));
            Architecture architecture = Architecture.parse(setup.hidden());
            playground = new PlaygroundTask(toy, architecture, setup.training(), experiment.seed());
            for (int i = 0; i < playground.points().size(); i++) {
                markers.add(new MapMarker(playground.points().xy()[i][0], playground.points().xy()[i][1],
                        playground.points().labels()[i], null));
            }
            name = toy.id() + " " + architecture.shape(2, 2);
        } else {
            ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
            CatalogEntry entry = catalog.find(experiment.model()).orElse(null);
            Path path = catalog.sourceOf(experiment.model(), base);
            ModelHandle model = catalog.resolve(experiment.model(), base);
            fixed = PiecewiseLinearNetwork.of(model, path);
            name = model.name();
            if (fixed.inputs() == 784) {
                int[] images = setup.images();
                LabeledImages test = FashionMnist.test(assets);
                if (images == null || images.length != 3) {
                    throw new UserFacingException("The plane needs three test image numbers.", "For example --images 0,1,2.");
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
                    throw new UserFacingException("Test images " + images[0] + ", " + images[1] + ", " + images[2]
                            + " do not make a plane: " + e.getMessage() + ".", "Pick three different test images.");
                }
                home = new Window(-0.25, 1.25, -0.25, 1.25);
                planeText = "through test images " + java.util.Arrays.toString(images);
            } else if (fixed.inputs() != 2) {
                throw new UserFacingException(path.getFileName() + " takes " + fixed.inputs() + " inputs.",
                        "The region map works on 2-input networks, or on 784-input image models through three test images.");
            } else if (entry != null && entry.dataset().startsWith("toy:")) {
                ToyDataset.Points points = SampleTrainer.toyTrainingPoints(entry.dataset(), entry.seed());
                for (int i = 0; i < points.size(); i++) {
                    markers.add(new MapMarker(points.xy()[i][0], points.xy()[i][1], points.labels()[i], null));
                }
            }
        }
        if (setup.window() != null) {
            double[] w = setup.window();
            if (w.length != 4) {
                throw new UserFacingException("The window needs four numbers: uMin,uMax,vMin,vMax.", "For example --window -1,1,-1,1.");
            }
            try {
                home = new Window(w[0], w[1], w[2], w[3]);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("The window: " + e.getMessage() + ".", "Give uMin < uMax and vMin < vMax.");
            }
        }
        return new Run(experiment, setup, name, planeText, plane, home, List.copyOf(markers), playground, fixed);
    }

    private static final class Run implements PreparedRun<Snapshot>, IterativeTask<Snapshot> {
        private final Experiment experiment;
        private final RegionsSetup setup;
        private final String name;
        private final String planeText;
        private final Plane plane;
        private final Window window;
        private final List<MapMarker> markers;
        private final PlaygroundTask playground;
        private final PiecewiseLinearNetwork fixed;
        private PlaygroundSnapshot lastFrame;

        Run(Experiment experiment, RegionsSetup setup, String name, String planeText, Plane plane, Window window,
            List<MapMarker> markers, PlaygroundTask playground, PiecewiseLinearNetwork fixed) {
            this.experiment = experiment;
            this.setup = setup;
            this.name = name;
            this.planeText = planeText;
            this.plane = plane;
            this.window = window;
            this.markers = markers;
            this.playground = playground;
            this.fixed = fixed;
        }

        @Override
        public IterativeTask<Snapshot> task() {
            return this;
        }

        /** The training frames, if any, then one step that draws the map. */
        @Override
        public int iterations() {
            return (playground == null ? 0 : playground.iterations()) + 1;
        }

        @Override
        public Snapshot step(int index) throws Exception {
            if (index < iterations() - 1) {
                lastFrame = playground.step(index);
                return new Snapshot(lastFrame, null);
            }
            PiecewiseLinearNetwork network = lastFrame != null ? lastFrame.network() : fixed;
            return new Snapshot(lastFrame, ExactPartition.compute(network, plane, window));
        }

        @Override
        public RunRecord write(Path out, Snapshot last, RunTiming timing) throws IOException {
            RegionMap map = last.map();
            return ResultFolder.write(out, folder -> {
                List<String> files = new ArrayList<>();
                Map<String, Object> metrics = new LinkedHashMap<>();
                if (last.training() != null) {
                    RegionMapFiles.writeTrainingCsv(last.training(), setup.training().stepsPerFrame(), folder.resolve("region-counts.csv"));
                    files.add("region-counts.csv");
                    metrics.put("loss", last.training().loss());
                    metrics.put("accuracy", last.training().accuracy());
                }
                RegionMapImage.write(map, markers, setup.coloring(), setup.size(), folder.resolve("region-map.png"));
                files.add("region-map.png");
                RegionMapFiles.writeJson(map, folder.resolve("regions.json"));
                files.add("regions.json");
                metrics.put("regions", map.size());
                metrics.put("decisionBoundarySegments", map.boundary().size());
                files.add("run.json");
                files.add("report.html");
                RunRecord record = new RunRecord(experiment, Versions.current(), timing.started().toString(), timing.seconds(),
                        metrics, files);
                ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("network", name);
                what.put("plane", planeText);
                what.put("window", windowText());
                what.put("colouring", setup.coloring());
                what.put("seed", experiment.seed());
                new HtmlReport("Linear regions: " + name)
                        .paragraph(String.format(Locale.ROOT, "%,d linear regions, computed exactly (double precision) in %.1f ms;"
                                + " %d decision-boundary segments.", map.size(), map.seconds() * 1e3, map.boundary().size()))
                        .table("What was run", what)
                        .table("Figures", metrics)
                        .image("Region map", RegionMapImage.render(map, markers, setup.coloring(), setup.size()))
                        .write(folder.resolve("report.html"));
                return record;
            });
        }

        private String windowText() {
            return String.format(Locale.ROOT, "u ∈ [%g, %g], v ∈ [%g, %g]", window.uMin(), window.uMax(), window.vMin(), window.vMax());
        }

        @Override
        public List<String> summary(Snapshot last, RunTiming timing) {
            return List.of(String.format(Locale.ROOT, "%s: %,d regions in %.1f ms on %s", name, last.map().size(),
                    last.map().seconds() * 1e3, windowText()));
        }
    }
}
