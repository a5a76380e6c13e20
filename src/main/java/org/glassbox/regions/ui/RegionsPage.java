package org.glassbox.regions.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.data.ToyDataset;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Job;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.Parameters;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.samples.SampleTrainer;
import org.glassbox.regions.Architecture;
import org.glassbox.regions.Coloring;
import org.glassbox.regions.MapMarker;
import org.glassbox.regions.ExactPartition;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.PlaygroundParameters;
import org.glassbox.regions.PlaygroundSnapshot;
import org.glassbox.regions.PlaygroundTask;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.RegionMapFiles;
import org.glassbox.regions.Window;
import org.glassbox.regions.RegionsWorkspace;
import org.glassbox.regions.RegionsSetup;
import org.glassbox.experiment.Experiment;
import org.glassbox.ui.PlotView;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.Forms;
import org.glassbox.ui.LatestOnly;
import org.glassbox.ui.ParameterSheet;

/**
 * Linear regions: the exact map of a ReLU network's linear pieces on a plane, live while a toy
 * network trains, or for a bundled model; zoom and pan recompute it for the new window.
 */
public final class RegionsPage extends org.glassbox.ui.WorkspacePageBase {

    private static final String MNIST_ID = "mlp-784-128-10";

    private record Request(PiecewiseLinearNetwork network, Plane plane, Window window) {
    }

    /** A map and the network it is of, so that a map that arrives after the network changed is not shown. */
    private record Computed(PiecewiseLinearNetwork network, RegionMap map) {
    }

    private final ModelCatalog catalog;
    private final BorderPane root = new BorderPane();
    private final ComboBox<ToyDataset> dataset = new ComboBox<>();
    private final TextField architecture = new TextField("16, 16, 16");
    private final ParameterSheet<PlaygroundParameters> sheet =
            new ParameterSheet<>(PlaygroundParameters.class, PlaygroundParameters.defaults(), Seeds.DEFAULT);
    private final ComboBox<CatalogEntry> sample = new ComboBox<>();
    private final TextField images = new TextField("0, 1, 2");
    private final ComboBox<Coloring> coloring = new ComboBox<>();
    private final RegionMapView view = new RegionMapView(PlaygroundTask.TRAINING_WINDOW);
    private final Label summary = new Label("Press F5 to train, or show a sample model.");
    private final Label hover = new Label();
    private final PlotView lossPlot = new PlotView(new Plot("Training loss", "training step", "cross-entropy"));
    private final PlotView regionPlot = new PlotView(new Plot("Linear regions in the window", "training step", "regions"));
    private final LatestOnly<Request, Computed> recompute;
    private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(12, 4);

    private PiecewiseLinearNetwork network;
    private List<MapMarker> markers = List.of();
    private Plane plane = Plane.identity2d();
    private PlaygroundSnapshot lastSnapshot;
    private String source = "";
    /** The sample model on screen, or null when the map is of a network trained here. */
    private CatalogEntry shownSample;
    /** What an opened experiment set that the page has no control for (the exported picture's size, a fixed window): saved back as it came. */
    private int pictureSize = RegionsSetup.defaults().size();
    private double[] fixedWindow;

    public RegionsPage(Assets assets) throws IOException {
        this(org.glassbox.ui.PageContext.background(assets));
    }

    /** A page whose background work runs on the context's executor. */
    public RegionsPage(org.glassbox.ui.PageContext context) throws IOException {
        super(context, new RegionsWorkspace());
        this.catalog = ModelCatalog.read(assets.sampleModels());
        this.recompute = new LatestOnly<>(r -> new Computed(r.network(), ExactPartition.compute(r.network(), r.plane(), r.window())),
                c -> {
                    if (c.network() == network) {
                        showMap(c.map());
                    }
                }, e -> messages.showProblem(Failures.describe(e)));
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        dataset.getItems().setAll(ToyDataset.values());
        dataset.setValue(ToyDataset.SPIRAL);
        dataset.setId("toyDataset");
        dataset.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ToyDataset d) {
                return d == null ? "" : d.id();
            }

            @Override
            public ToyDataset fromString(String s) {
                return ToyDataset.byId(s);
            }
        });
        architecture.setId("architecture");
        architecture.setTooltip(new Tooltip("Hidden layer widths, e.g. 16, 16, 16 (1 to " + Architecture.MAX_LAYERS
                + " layers of 1 to " + Architecture.MAX_WIDTH + ")"));
        Label trainTitle = new Label("Train live");
        trainTitle.getStyleClass().add("title-4");
        VBox train = new VBox(8, trainTitle, Forms.row("Data set", dataset, 110), Forms.row("Hidden layers", architecture, 110), sheet);

        Label sampleTitle = new Label("Or show a sample model");
        sampleTitle.getStyleClass().add("title-4");
        sample.getItems().setAll(catalog.models().stream()
                .filter(e -> e.task().equals("toy-classifier") || e.id().equals(MNIST_ID)).toList());
        sample.setPromptText("Choose a model");
        sample.setId("regionSample");
        images.setTooltip(new Tooltip("For the Fashion-MNIST model: three test images (0 to 1999) the plane passes through,"
                + " or one image and two random directions (from the seed)"));
        Button show = new Button("Show map");
        show.setOnAction(e -> showSample());
        VBox samples = new VBox(8, sampleTitle, Forms.row("Model", sample, 110), Forms.row("Test images", images, 110), show);

        VBox settings = new VBox(12, train, new Separator(), samples);
        settings.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(scroll);
        left.setBottom(controls);
        left.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it

        coloring.getItems().setAll(Coloring.values());
        coloring.setValue(Coloring.PATTERN);
        coloring.valueProperty().addListener((o, a, c) -> view.setColoring(c));
        Button reset = new Button("Reset view");
        reset.setTooltip(new Tooltip("Back to the whole window (key 0 on the map)"));
        reset.setOnAction(e -> view.resetView());
        Button png = new Button("Map PNG…");
        png.setOnAction(e -> exportPng());
        Button json = new Button("Polygons JSON…");
        json.setOnAction(e -> exportJson());
        Button csv = new Button("Counts CSV…");
        csv.setOnAction(e -> exportCsv());
        Button report = new Button("Report…");
        report.setTooltip(new Tooltip("A one-page HTML report: the map, what was run, the figures and the versions"));
        report.setOnAction(e -> exportReport());
        Label colourBy = new Label("Colour by");
        colourBy.setLabelFor(coloring);
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(8, 6, colourBy, coloring, reset,
                new Label("Export"), png, json, csv, report);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("regionSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hover.setId("regionHover");
        hover.setMinHeight(60);
        hover.setStyle("-fx-font-family: monospace;");
        hover.textProperty().bind(view.hoverText());
        view.setOnWindowChange(this::windowChanged);
        VBox.setVgrow(view, Priority.ALWAYS);
        HBox curves = new HBox(8, lossPlot, regionPlot);
        HBox.setHgrow(lossPlot, Priority.ALWAYS);
        HBox.setHgrow(regionPlot, Priority.ALWAYS);
        legend.setId("regionLegend");
        Label hint = new Label("Wheel or +/− to zoom, double-click to dive toward a vertex, drag or arrows to pan, 0 to reset");
        hint.getStyleClass().add("text-caption");
        hint.setWrapText(true);
        VBox right = new VBox(8, explanation(), toolbar, summary, view, legend, hint, hover, curves);
        right.setPadding(new Insets(12));

        // the map takes the height that is left; below its smallest useful size the pane scrolls instead of overlapping
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        view.setMinSize(240, 240);
        SplitPane split = settingsBeside(left, rightScroll);
        split.setDividerPositions(0.33);
        root.setCenter(withMessagesOver(split));
    }

    @Override
    public void run() {
        if (jobs.isBusy()) {
            return;
        }
        messages.clear();
        PlaygroundParameters parameters = sheet.value();
        List<String> problems = Parameters.problems(parameters);
        Architecture arch;
        try {
            if (!problems.isEmpty()) {
                throw new UserFacingException(String.join(" ", problems), "Change the value and run again.");
            }
            arch = Architecture.parse(architecture.getText());
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
            return;
        }
        long seed = sheet.seed();
        shownSample = null;
        // the network on screen is replaced now, not at the first snapshot: a view change in between
        // must not recompute the old network's map on the new plane
        network = null;
        lastSnapshot = null;
        PlaygroundTask task = new PlaygroundTask(dataset.getValue(), arch, parameters, seed);
        plane = Plane.identity2d();
        source = dataset.getValue().id() + " · " + arch.shape(2, 2);
        List<MapMarker> markers = new ArrayList<>();
        ToyDataset.Points points = task.points();
        for (int i = 0; i < points.size(); i++) {
            markers.add(new MapMarker(points.xy()[i][0], points.xy()[i][1], points.labels()[i], null));
        }
        this.markers = List.copyOf(markers);
        showLegend(arch.hidden().length, markers);
        view.setMarkers(markers);
        view.setHome(PlaygroundTask.TRAINING_WINDOW);
        Job<PlaygroundSnapshot> next = new Job<>("Train " + source, seed, task);
        jobs.start(next, this::showSnapshot);
    }

    private void showSnapshot(PlaygroundSnapshot s) {
        lastSnapshot = s;
        narrate("Each coloured polygon is a piece where the network is one linear function. Every training step moves the"
                + " neurons' lines, and the pieces split, merge and bend to follow the data.");
        network = s.network();
        if (view.window().equals(PlaygroundTask.TRAINING_WINDOW)) {
            showMap(s.map());
        } else {
            recompute.submit(new Request(network, plane, view.window()));
        }
        double[] steps = new double[s.lossCurve().length];
        double[] counts = new double[s.regionCurve().length];
        for (int i = 0; i < counts.length; i++) {
            steps[i] = (double) s.steps() * (i + 1) / counts.length;
            counts[i] = s.regionCurve()[i];
        }
        lossPlot.plot().series("loss", steps, s.lossCurve());
        regionPlot.plot().series("regions", steps, counts);
    }

    private void showMap(RegionMap map) {
        view.setMap(map);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s · %,d regions · computed in %.1f ms",
                source, map.size(), map.seconds() * 1e3));
        if (lastSnapshot != null && network == lastSnapshot.network()) {
            text.append(String.format(Locale.ROOT, " · step %,d · loss %.4f · accuracy %.1f %%", lastSnapshot.steps(),
                    lastSnapshot.loss(), 100 * lastSnapshot.accuracy()));
        }
        Window w = map.window();
        text.append(String.format(Locale.ROOT, "%nwindow u ∈ [%.6g, %.6g], v ∈ [%.6g, %.6g] (width %.3g)", w.uMin(), w.uMax(),
                w.vMin(), w.vMax(), w.width()));
        summary.setText(text.toString());
    }

    private void windowChanged(Window w) {
        if (network != null) {
            recompute.submit(new Request(network, plane, w));
        }
    }

    /** Shows a bundled model's map: a toy model over its training data, or the Fashion-MNIST MLP on a plane through three test images. */
    private void showSample() {
        CatalogEntry entry = sample.getValue();
        if (entry == null) {
            messages.showProblem(new UserMessage("No sample model is chosen.", "Choose one in the list first."));
            return;
        }
        cancel();
        messages.clear();
        shownSample = entry;
        try {
            Path path = catalog.pathOf(entry);
            PiecewiseLinearNetwork net = PiecewiseLinearNetwork.of(catalog.load(entry.id()), path);
            List<MapMarker> markers = new ArrayList<>();
            Window home;
            if (entry.id().equals(MNIST_ID) && images.getText().trim().matches("\\d+")) {
                int index = parseImage(images.getText().trim());
                LabeledImages test = FashionMnist.test(assets);
                // Two random directions as long as a typical distance between two test images (about 10).
                plane = Plane.randomThrough(test.image(index), 10, sheet.seed());
                markers.add(new MapMarker(0, 0, test.labels()[index], "#" + index + " " + test.classNames().get(test.labels()[index])));
                home = new Window(-1, 1, -1, 1);
                source = entry.id() + " · plane through test image " + index + " and two random directions (seed " + sheet.seed() + ")";
            } else if (entry.id().equals(MNIST_ID)) {
                int[] idx = parseImages();
                LabeledImages test = FashionMnist.test(assets);
                double[][] x = new double[3][];
                for (int k = 0; k < 3; k++) {
                    x[k] = test.image(idx[k]);
                }
                plane = Plane.through(x[0], x[1], x[2]);
                double[][] at = {{0, 0}, {1, 0}, {0, 1}};
                for (int k = 0; k < 3; k++) {
                    markers.add(new MapMarker(at[k][0], at[k][1], test.labels()[idx[k]],
                            "#" + idx[k] + " " + test.classNames().get(test.labels()[idx[k]])));
                }
                home = new Window(-0.25, 1.25, -0.25, 1.25);
                source = entry.id() + " · plane through test images " + idx[0] + ", " + idx[1] + ", " + idx[2];
            } else {
                plane = Plane.identity2d();
                ToyDataset.Points points = SampleTrainer.toyTrainingPoints(entry.dataset(), entry.seed());
                for (int i = 0; i < points.size(); i++) {
                    markers.add(new MapMarker(points.xy()[i][0], points.xy()[i][1], points.labels()[i], null));
                }
                home = PlaygroundTask.TRAINING_WINDOW;
                source = entry.id();
            }
            network = net;
            lastSnapshot = null;
            this.markers = List.copyOf(markers);
            showLegend(net.hiddenLayers(), markers);
        view.setMarkers(markers);
            view.setHome(home);
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
        } catch (IllegalArgumentException e) {
            messages.showProblem(new org.glassbox.engine.UserMessage("The chosen images do not make a plane: "
                    + e.getMessage() + ".", "Pick three test images that differ."));
        }
    }

    /**
     * The map's legend, for the network on screen: the edge colour of each of its hidden layers,
     * the decision boundary, and the colour of each class among the points drawn.
     */
    private void showLegend(int hiddenLayers, List<MapMarker> markers) {
        legend.getChildren().clear();
        for (int layer = 0; layer < hiddenLayers; layer++) {
            legend.getChildren().add(chip(org.glassbox.regions.RegionColors.layer(layer), true, "layer " + (layer + 1) + " edge"));
        }
        legend.getChildren().add(chip(0x000000, true, "decision boundary"));
        java.util.SortedMap<Integer, String> classes = new java.util.TreeMap<>();
        for (MapMarker m : markers) {
            String name = m.caption() == null ? "class " + m.label() : m.caption().replaceFirst("^#\\d+ ", "");
            classes.putIfAbsent(m.label(), name);
        }
        classes.forEach((category, name) -> legend.getChildren().add(chip(org.glassbox.regions.RegionColors.category(category), false, name)));
    }

    /** A swatch (a line for an edge, a dot for a class) and its name. */
    private static Label chip(int rgb, boolean line, String name) {
        Color colour = Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        javafx.scene.shape.Shape swatch = line ? new javafx.scene.shape.Rectangle(18, 3, colour) : new javafx.scene.shape.Circle(5, colour);
        swatch.setStroke(Color.GRAY); // so that the black boundary's swatch shows on a dark background
        Label label = new Label(name, swatch);
        label.getStyleClass().add("legend-chip");
        return label;
    }

    private static int parseImage(String text) throws UserFacingException {
        int index;
        try {
            index = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserFacingException("Test image " + text + " does not exist.", "Use numbers from 0 to 1999.");
        }
        if (index >= 2000) {
            throw new UserFacingException("Test image " + index + " does not exist.", "Use numbers from 0 to 1999.");
        }
        return index;
    }

    private int[] parseImages() throws UserFacingException {
        String[] parts = images.getText().trim().split("[,\\s]+");
        if (parts.length != 3) {
            throw new UserFacingException("Test images '" + images.getText() + "': give three image numbers.",
                    "For example 0, 1, 2 (each from 0 to 1999), or one number for that image and two random directions.");
        }
        int[] idx = new int[3];
        for (int k = 0; k < 3; k++) {
            try {
                idx[k] = Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                throw new UserFacingException("Test images: '" + parts[k] + "' is not a whole number.", "Use numbers from 0 to 1999.");
            }
            if (idx[k] < 0 || idx[k] >= 2000) {
                throw new UserFacingException("Test image " + idx[k] + " does not exist.", "Use numbers from 0 to 1999.");
            }
        }
        if (idx[0] == idx[1] || idx[1] == idx[2] || idx[0] == idx[2]) {
            throw new UserFacingException("The three test images must differ to span a plane.", "Pick three different numbers.");
        }
        return idx;
    }

    private void exportPng() {
        File file = Forms.saveFile(root, "PNG image", "region-map.png", "*.png");
        if (file != null) {
            WritableImage image = view.snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
                messages.showInfo("Saved " + file + ".");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
            }
        }
    }

    private void exportJson() {
        if (view.map() == null) {
            messages.showProblem(new UserMessage("There is no map yet.", "Train (F5) or show a sample model first."));
            return;
        }
        File file = Forms.saveFile(root, "JSON", "region-map.json", "*.json");
        if (file != null) {
            try {
                RegionMapFiles.writeJson(view.map(), file.toPath());
                messages.showInfo("Saved " + view.map().size() + " regions to " + file + ".");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
            }
        }
    }

    private void exportReport() {
        RegionMap map = view.map();
        if (map == null) {
            messages.showProblem(new UserMessage("There is no map yet.", "Train (F5) or show a sample model first."));
            return;
        }
        File file = Forms.saveFile(root, "HTML report", "region-map-report.html", "*.html");
        if (file == null) {
            return;
        }
        java.util.Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("network", source);
        what.put("window", String.format(Locale.ROOT, "u ∈ [%g, %g], v ∈ [%g, %g]", map.window().uMin(), map.window().uMax(),
                map.window().vMin(), map.window().vMax()));
        what.put("colouring", coloring.getValue());
        what.put("seed", sheet.seed());
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("regions", map.size());
        figures.put("decision-boundary segments", map.boundary().size());
        figures.put("map computed in (ms)", String.format(Locale.ROOT, "%.1f", map.seconds() * 1e3));
        if (lastSnapshot != null && network == lastSnapshot.network()) {
            figures.put("training steps", lastSnapshot.steps());
            figures.put("loss", lastSnapshot.loss());
            figures.put("accuracy", lastSnapshot.accuracy());
        }
        try {
            new org.glassbox.experiment.HtmlReport("Linear regions: " + source)
                    .paragraph("Every region is an exact polygon (double precision); edges are coloured by the layer of the"
                            + " neuron that made them, the decision boundary is black.")
                    .table("What was run", what)
                    .table("Figures", figures)
                    .image("Region map", org.glassbox.regions.RegionMapImage.render(map, markers, coloring.getValue(), 900))
                    .write(file.toPath());
            messages.showInfo("Saved " + file + ".");
        } catch (IOException e) {
            messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
        }
    }

    private void exportCsv() {
        if (lastSnapshot == null) {
            messages.showProblem(new UserMessage("Region counts over training exist only for a training run.", "Train first (F5)."));
            return;
        }
        File file = Forms.saveFile(root, "CSV", "region-counts.csv", "*.csv");
        if (file != null) {
            try {
                RegionMapFiles.writeTrainingCsv(lastSnapshot, sheet.value().stepsPerFrame(), file.toPath());
                messages.showInfo("Saved " + file + ".");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
            }
        }
    }

    @Override
    public void open() {
        messages.showInfo("Linear regions shows the bundled ReLU models; choose one under 'Or show a sample model'.");
    }

    /** The training run as set up on the left, or the sample model on screen. */
    @Override
    public Experiment currentExperiment() throws UserFacingException {
        String imageText = images.getText().trim();
        if (shownSample != null && shownSample.id().equals(MNIST_ID) && imageText.matches("\\d+")) {
            throw new UserFacingException("A plane through one test image and two random directions is not saved as an"
                    + " experiment yet.", "Give three test images (e.g. 0, 1, 2) to save the plane through them.");
        }
        int[] planeImages = shownSample != null && shownSample.id().equals(MNIST_ID) ? parseImages() : RegionsSetup.defaults().images();
        RegionsSetup setup = new RegionsSetup(architecture.getText(), sheet.value(), planeImages, fixedWindow, coloring.getValue(),
                pictureSize);
        return shownSample == null ? RegionsWorkspace.training(dataset.getValue(), setup, sheet.seed())
                : RegionsWorkspace.experiment(shownSample.id(), "", setup, sheet.seed());
    }

    /** A training run's settings (F5 then trains), or a sample model, which is shown at once. */
    @Override
    protected void show(Experiment experiment, Path base) throws Exception {
        RegionsSetup setup = workspaceSetup(experiment);
        pictureSize = setup.size();
        fixedWindow = setup.window();
        coloring.setValue(setup.coloring());
        sheet.setValue(setup.training());
        sheet.setSeed(experiment.seed());
        architecture.setText(setup.hidden());
        images.setText(String.join(", ", java.util.Arrays.stream(setup.images()).mapToObj(String::valueOf).toList()));
        if (RegionsWorkspace.TRAIN_HERE.equals(experiment.model())) {
            dataset.setValue(ToyDataset.byId(experiment.data().substring(RegionsWorkspace.TOY_PREFIX.length())));
            shownSample = null;
            return;
        }
        CatalogEntry entry = catalog.find(experiment.model()).orElseThrow(() -> new UserFacingException(
                "The experiment maps the model '" + experiment.model() + "', which is not a bundled sample.",
                "Run it headless with glassbox run."));
        sample.setValue(entry);
        showSample();
    }

    private static RegionsSetup workspaceSetup(Experiment experiment) throws Exception {
        return new RegionsWorkspace().setup(experiment);
    }




    /** For tests: the map view. */
    public RegionMapView mapView() {
        return view;
    }

}
