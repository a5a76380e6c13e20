package org.glassbox.extraction.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.glassbox.data.Assets;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Job;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.Parameters;
import org.glassbox.extraction.ExtractionParameters;
import org.glassbox.extraction.ExtractionResults;
import org.glassbox.extraction.ExtractionRun;
import org.glassbox.extraction.ExtractionSetup;
import org.glassbox.extraction.ExtractionSnapshot;
import org.glassbox.extraction.ExtractionTarget;
import org.glassbox.extraction.ExtractionTask;
import org.glassbox.extraction.KinkPoint;
import org.glassbox.extraction.Oracle;
import org.glassbox.extraction.OutputPrecision;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.regions.ExactPartition;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.ui.RegionMapView;
import org.glassbox.ui.PlotView;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.Forms;
import org.glassbox.ui.LatestOnly;
import org.glassbox.ui.ParameterSheet;

/**
 * Reverse engineering: a ReLU network sits behind a query box, and the attack finds its first
 * layer from outputs alone. Query lines land on the plane, critical points appear on them, and each
 * first-layer neuron's hyperplane is drawn over the true network's exact region map as it is
 * recovered, while a table fills with the recovered neurons and their errors.
 */
public final class ExtractionPage extends org.glassbox.ui.WorkspacePageBase {

    /** The networks offered: name, and how to make the target from the seed. */
    private enum Choice {
        RANDOM_2_8_1("Random 2-8-1 (one hidden layer)", "2,8,1"),
        RANDOM_10_8_3("Random 10-8-3 (one hidden layer, on a plane)", "10,8,3"),
        RANDOM_2_16_16_1("Random 2-16-16-1 (two hidden layers)", "2,16,16,1"),
        SAMPLE_10_20_20_1("Sample mlp-10-20-20-1 (10 inputs, on a plane)", null),
        RANDOM_10_20_20_1("Random 10-20-20-1 (on a plane)", "10,20,20,1");

        private final String label;
        private final String widths;

        Choice(String label, String widths) {
            this.label = label;
            this.widths = widths;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One row of the neuron table. */
    public record NeuronRow(int layer, int index, int truth, int witnesses, double oneMinusCos, double error, double bits) {
    }

    private final BorderPane root = new BorderPane();
    private final ComboBox<Choice> network = new ComboBox<>();
    private final ComboBox<OutputPrecision> precision = new ComboBox<>();
    private final ParameterSheet<ExtractionParameters> sheet =
            new ParameterSheet<>(ExtractionParameters.class, ExtractionParameters.defaults(), 1);
    private final RegionMapView map = new RegionMapView(ExtractionTarget.WINDOW);
    private final Label status = new Label("Press F5 to start the attack on the network behind the black box.");
    private final TableView<NeuronRow> table = new TableView<>();
    private final PlotView errorPlot = new PlotView(new Plot("Largest weight error against queries", "log2 queries",
            "log2 largest weight error"));
    private final PlotView queryPlot = new PlotView(new Plot("Queries spent", "attack step", "log2 queries"));
    private final LatestOnly<MapRequest, RegionMap> recompute;

    /** The true network's region map is recomputed for each new view window. */
    private record MapRequest(ExtractionTarget target, org.glassbox.regions.Window window) {
    }
    private ExtractionTarget target;
    private ExtractionSnapshot shown;
    private ExtractionParameters shownParameters;
    private OutputPrecision shownPrecision;
    private long shownSeed;
    private String shownReference;
    private java.time.Instant startedAt;

    public ExtractionPage(Assets assets) {
        this(org.glassbox.ui.PageContext.background(assets));
    }

    /** A page whose background work runs on the context's executor. */
    public ExtractionPage(org.glassbox.ui.PageContext context) {
        super(context, new org.glassbox.extraction.ExtractionWorkspace());
        this.recompute = new LatestOnly<>(r -> ExactPartition.compute(r.target().network(), r.target().plane(), r.window()),
                this::showMap,
                e -> messages.showProblem(Failures.describe(e)));
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        network.getItems().setAll(Choice.values());
        network.setValue(Choice.SAMPLE_10_20_20_1);
        network.setId("extractionNetwork");
        network.valueProperty().addListener((o, a, b) -> loadTarget());
        precision.getItems().setAll(OutputPrecision.FLOAT64, OutputPrecision.FLOAT32, OutputPrecision.decimals(6),
                OutputPrecision.decimals(3));
        precision.setValue(OutputPrecision.FLOAT64);
        precision.setId("outputPrecision");
        precision.setTooltip(new Tooltip("What the black box answers: all of float64, float32, or outputs rounded to decimals"));
        sheet.seedProperty().addListener((o, a, b) -> loadTarget());
        Label title = new Label("Black-box attack on a ReLU network");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label how = new Label("The attack sees only the outputs the box returns. Lines are searched for critical points"
                + " (kinks); the jump of the gradient across each gives a neuron's hyperplane; hyperplanes that run straight"
                + " across the input space are first-layer neurons (Rolnick and Kording 2020, Algorithm 1), refined to"
                + " near machine precision (Carlini et al. 2020). From each deeper critical point the attack then walks along"
                + " that neuron's boundary, which bends wherever it meets a known one; the bends give its weights (Algorithm"
                + " 2). The layer above tells the signs of the layer below, and the last layer is solved by least squares."
                + " While the layers found cannot explain the outputs, more lines go through the inputs they explain worst.");
        how.setWrapText(true);
        VBox settings = new VBox(10, title, Forms.row("Network", network, 110), Forms.row("Black box", precision, 110), sheet,
                how);
        settings.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(scroll);
        left.setBottom(controls);
        left.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it

        map.setPrefSize(400, 400);
        map.setColoring(org.glassbox.regions.Coloring.SLOPE);
        map.setMinSize(340, 340);
        map.setId("extractionMap");
        map.setOnWindowChange(w -> {
            if (target != null) {
                recompute.submit(new MapRequest(target, w));
            }
        });
        status.setId("extractionStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("neuronTable");
        table.getColumns().setAll(List.of(column("L", NeuronRow::layer, "%d", 26), column("#", NeuronRow::index, "%d", 28),
                column("true", NeuronRow::truth, "%d", 46),
                column("seen", NeuronRow::witnesses, "%d", 50), column("1−|cos|", NeuronRow::oneMinusCos, "%.0e", 72),
                column("max |Δ|", NeuronRow::error, "%.1e", 72), column("bits", NeuronRow::bits, "%.1f", 44)));
        table.setTooltip(new Tooltip("Each recovered neuron by layer (L), the true neuron it is matched to, how many critical points"
                + " showed it (first layer),"
                + " 1 − |cos| of the weight vectors, the largest entry error of (w, b)/‖w‖, and −log2 of that error"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        Label placeholder = new Label("Recovered neurons appear here, layer by layer.");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        table.setPlaceholder(placeholder);
        table.setPrefHeight(300);
        Button csv = new Button("Neurons CSV…");
        csv.setOnAction(e -> exportNeurons());
        Button model = new Button("Recovered model…");
        model.setId("exportRecoveredModel");
        model.setTooltip(new Tooltip("The recovered network as a DL4J zip the Model lab opens (once the attack has finished)"));
        model.setOnAction(e -> exportModel());
        Button results = new Button("Save results…");
        results.setId("saveExtractionResults");
        results.setTooltip(new Tooltip("Writes map.png, neurons.csv, run.json, report.html (and the recovered model) into a folder"));
        results.setOnAction(e -> chooseFolderAndSaveResults());
        FlowPane exports = new FlowPane(8, 6, new Label("Export"), results, csv, model);
        exports.setAlignment(Pos.CENTER_LEFT);
        Label legend = new Label("Map: the true network's exact linear regions, shaded by steepness; their edges blue"
                + " (first-layer neurons), red (second layer) and gold (third). Grey: the searched lines. Dots: critical points found"
                + " (green: first layer, orange: deeper, black: unclear). Pink: the first-layer hyperplanes the attack recovered; teal:"
                + " the bent boundaries of the deeper neurons it recovered. Purple (two inputs): the walks along a deeper neuron's boundary (slate: a walk that did not meet enough bends to"
                + " give the neuron's weights). Black:"
                + " where the largest output changes (classifiers). Wheel zooms, drag pans.");
        legend.setWrapText(true);
        legend.setMaxWidth(400);
        VBox side = new VBox(8, table, errorPlot, queryPlot, exports);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMinWidth(340);
        side.setPrefWidth(340);
        HBox body = new HBox(12, new VBox(6, map, legend), side);
        body.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane bodyScroll = new ScrollPane(body);
        bodyScroll.setFitToWidth(true);
        status.setPadding(new Insets(12, 12, 8, 12));
        status.setMinWidth(0);
        BorderPane right = new BorderPane(bodyScroll);
        javafx.scene.Node explanation = explanation();
        VBox top = new VBox(4, explanation, status);
        top.setPadding(new Insets(12, 12, 8, 12));
        status.setPadding(Insets.EMPTY);
        right.setTop(top);
        SplitPane split = settingsBeside(left, right);
        split.setDividerPositions(0.27);
        root.setCenter(withMessagesOver(split));
        loadTarget();
    }

    private static <T extends Number> TableColumn<NeuronRow, String> column(String name,
                                                                            java.util.function.Function<NeuronRow, T> value,
                                                                            String format, double width) {
        TableColumn<NeuronRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(format(value.apply(row.getValue()), format)));
        c.setSortable(false);
        return c;
    }

    private static String format(Number n, String format) {
        if (n instanceof Integer i && i < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, format, n);
    }

    /** Makes the chosen network and shows its true region map, before any query. */
    private void loadTarget() {
        if (jobs.isBusy()) {
            return;
        }
        messages.clear();
        try {
            Choice c = network.getValue();
            long seed = sheet.seed();
            target = c.widths != null ? ExtractionTarget.random(c.widths, seed)
                    : ExtractionTarget.model(assets, "mlp-10-20-20-1", Path.of(""), seed);
            shown = null;
            map.setLines(List.of());
            map.setMarkers(List.of());
            table.getItems().clear();
            map.resetView();
            recompute.submit(new MapRequest(target, map.window()));
            status.setText(String.format(Locale.ROOT, "%s: %d inputs, widths hidden from the attack. Press F5 to start.",
                    target.name(), target.network().inputs()));
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
        }
    }

    private void showMap(RegionMap regions) {
        map.setMap(regions);
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            ExtractionParameters parameters = Parameters.requireValid(sheet.value());
            if (target == null) {
                throw new UserFacingException("No network is loaded.", "Choose a network.");
            }
            long seed = sheet.seed();
            Oracle oracle = new Oracle(target.network(), precision.getValue());
            ExtractionTask task = new ExtractionTask(target.network(), oracle, target.plane(), target.window(), parameters, seed);
            Job<ExtractionSnapshot> job = new Job<>("Extract " + target.name(), seed, task);
            shownParameters = parameters;
            shownPrecision = precision.getValue();
            shownReference = networkReference();
            shownSeed = seed;
            startedAt = java.time.Instant.now();
            jobs.start(job, this::show);
        });
    }

    private void show(ExtractionSnapshot s) {
        shown = s;
        narrate(s.stage().startsWith("Searching line")
                ? "Searching a random line for kinks: wherever the output's slope jumps, one neuron switched on or off;"
                + " the jump of the gradient gives that neuron's weights, up to a scale."
                : s.tracingLayer() > 1 ? "A deeper neuron's boundary bends wherever it meets a known one: walking along it and"
                + " reading the bends gives that neuron's weights, layer by layer."
                : "The box's answers have been turned into a network; the table says how close each recovered neuron is.");
        map.setLines(ExtractionResults.lines(target, s));
        map.setMarkers(ExtractionResults.markers(s));
        LayerComparison c = s.comparison();
        List<NeuronRow> rows = new ArrayList<>();
        for (LayerComparison.NeuronMatch m : c.matches()) {
            rows.add(new NeuronRow(1, m.recovered(), m.truth(), s.firstLayer().get(m.recovered()).witnesses(),
                    Math.max(0, 1 - Math.abs(m.cosine())), m.maxError(), m.bits()));
        }
        rows.sort(java.util.Comparator.comparingInt(NeuronRow::index));
        java.util.Set<Integer> matched = new java.util.HashSet<>();
        rows.forEach(r -> matched.add(r.index()));
        for (int i = 0; i < s.firstLayer().size(); i++) {
            if (!matched.contains(i)) {
                rows.add(new NeuronRow(1, i, -1, s.firstLayer().get(i).witnesses(), Double.NaN, Double.NaN, Double.NaN));
            }
        }
        StringBuilder deeperLine = new StringBuilder();
        if (s.layers() != null) {
            for (int l = 1; l < s.layers().hidden().size(); l++) {
                LayerComparison layer = s.layers().hidden().get(l);
                List<NeuronRow> layerRows = new ArrayList<>();
                for (LayerComparison.NeuronMatch m : layer.matches()) {
                    layerRows.add(new NeuronRow(l + 1, m.recovered(), m.truth(), 0, Math.max(0, 1 - Math.abs(m.cosine())),
                            m.maxError(), m.bits()));
                }
                layerRows.sort(java.util.Comparator.comparingInt(NeuronRow::index));
                rows.addAll(layerRows);
                deeperLine.append(String.format(Locale.ROOT, " · layer %d: %d found, true width %d, %.0f %% recovered, error %s",
                        l + 1, layer.recoveredNeurons(), layer.trueNeurons(), 100 * layer.fractionRecovered(),
                        Double.isNaN(layer.maxError()) ? "–" : String.format(Locale.ROOT, "2^%.1f",
                                Math.log(layer.maxError()) / Math.log(2))));
            }
        }
        table.setItems(FXCollections.observableList(rows));
        long first = s.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.FIRST_LAYER).count();
        long deeper = s.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.DEEPER).count();
        String error = Double.isNaN(c.maxError()) ? "–" : String.format(Locale.ROOT, "%.2e = 2^%.1f", c.maxError(),
                Math.log(c.maxError()) / Math.log(2));
        status.setText(String.format(Locale.ROOT, "Line %d · %,d queries (2^%.1f) · first layer: %d neurons found, true width %d,"
                        + " %.0f %% recovered · largest weight error %s%s%n%d critical points: %d on first-layer neurons, %d on"
                        + " deeper ones, %d unclear%n%s%s", s.lines(), s.queries(), Math.log(Math.max(1, s.queries())) / Math.log(2),
                c.recoveredNeurons(), c.trueNeurons(), 100 * c.fractionRecovered(), error, deeperLine, s.kinks().size(), first,
                deeper, s.kinks().size() - first - deeper, s.stage(), s.completion() == null ? "" : "\n" + s.completion().summary()));
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < s.log2Error().length; i++) {
            if (Double.isFinite(s.log2Error()[i])) {
                points.add(new double[] {Math.log(Math.max(1, s.queriesAfter()[i])) / Math.log(2), s.log2Error()[i]});
            }
        }
        errorPlot.plot().series("largest weight error", points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
        queryPlot.plot().series("queries", Arrays.stream(s.queriesAfter()).mapToDouble(q -> Math.log(Math.max(1, q)) / Math.log(2)).toArray());
    }


    private void exportNeurons() {
        if (shown == null) {
            messages.showProblem(new UserMessage("There is no run yet.", "Press F5 first."));
            return;
        }
        File file = Forms.saveFile(root, "CSV", "recovered-neurons.csv", "*.csv");
        if (file != null) {
            messages.writeOrReport(() -> Files.writeString(file.toPath(), ExtractionResults.neuronsCsv(shown), StandardCharsets.UTF_8), file);
        }
    }


    @Override
    protected boolean hasResults() {
        return shown != null;
    }

    @Override
    protected void writeResults(Path folder) throws IOException {
        org.glassbox.experiment.Experiment experiment = ExtractionRun.experiment(shownReference,
                new ExtractionSetup(shownPrecision.toString(), shownParameters), shownSeed);
        ExtractionResults.write(folder, experiment, target, shown, shownParameters, shownPrecision, startedAt, jobSeconds());
    }

    private void exportModel() {
        if (shown == null || shown.completion() == null) {
            messages.showProblem(new UserMessage("There is no whole recovered network yet.",
                    "Run the attack to its end first (F5); the model is ready when the status reports the whole network."));
            return;
        }
        File file = Forms.saveFile(root, "DL4J model", "recovered-model.zip", "*.zip");
        if (file != null) {
            try {
                org.glassbox.extraction.RecoveredModel.write(shown.completion().network(), file.toPath());
                messages.showInfo("Saved " + file + "; the Model lab opens it (Ctrl+Shift+O).");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage() + ".",
                        "Choose another folder or file name."));
            }
        }
    }

    @Override
    public void open() {
        messages.showInfo("Reverse engineering attacks a ReLU network through its outputs alone; choose one and press F5.");
    }

    /** The network choice as an experiment's model reference. */
    private String networkReference() {
        Choice c = network.getValue();
        return c.widths != null ? ExtractionRun.randomReference(c.widths) : "mlp-10-20-20-1";
    }

    @Override
    public Experiment currentExperiment() {
        return ExtractionRun.experiment(networkReference(), new ExtractionSetup(precision.getValue().toString(), sheet.value()),
                sheet.seed());
    }

    /** The experiment's network, black box, parameters and seed into the page; F5 then runs it. */
    @Override
    protected void show(Experiment e, Path base) throws Exception {
        ExtractionSetup setup = ExtractionRun.setup(e);
        OutputPrecision outputs = ExtractionRun.precision(setup);
        Choice choice = Arrays.stream(Choice.values()).filter(c -> (c.widths != null
                ? ExtractionRun.randomReference(c.widths) : "mlp-10-20-20-1").equals(e.model())).findFirst()
                .orElseThrow(() -> new UserFacingException("Network '" + e.model() + "' is not one this page offers.",
                        "Run the experiment headless with glassbox run."));
        if (!precision.getItems().contains(outputs)) {
            precision.getItems().add(outputs);
        }
        precision.setValue(outputs);
        sheet.setValue(setup.parameters());
        sheet.setSeed(e.seed());
        network.setValue(choice);
        loadTarget();
    }
}
