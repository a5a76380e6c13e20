package org.glassbox.backdoor.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.glassbox.backdoor.BackdoorSetup;
import org.glassbox.backdoor.BackdoorSnapshot;
import org.glassbox.backdoor.BackdoorTask;
import org.glassbox.backdoor.BackdoorWorkspace;
import org.glassbox.backdoor.Mad;
import org.glassbox.backdoor.NeuralCleanse;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.Job;
import org.glassbox.experiment.Experiment;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.ImageTiles;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.PlotView;
import org.glassbox.ui.SetupSheetPage;
import org.glassbox.workspace.RunTiming;

/**
 * Backdoors: a backdoored model and its clean twin training side by side (clean accuracy and attack
 * success drawn as they go, the poisoned images and a row of test images with and without the
 * trigger), then Neural Cleanse's reversed trigger for every class of both, forming as it searches.
 */
public final class BackdoorPage extends SetupSheetPage<BackdoorSetup> {

    private static final List<String> CLASSES = FashionMnist.CLASS_NAMES;
    private static final double TILE_EMS = 5;
    private static final double CELL_EMS = 9.5;
    /** Neural Cleanse's ten classes in one row where the window allows, in presenter mode too. */
    private static final double DETECTION_TILE_EMS = 4.2;
    private static final double DETECTION_CELL_EMS = 5.4;

    private final BorderPane root = new BorderPane();
    private final PlotView training = new PlotView(new Plot("Clean accuracy and attack success", "training step", "share of test images"));
    private final Label status = new Label("Press F5 to train the backdoored model and its clean twin.");
    private final FlowPane poisoned = tileRow("poisonedTiles");
    private final FlowPane cleanTest = tileRow("cleanTestTiles");
    private final FlowPane triggeredTest = tileRow("triggeredTestTiles");
    private final FlowPane backdooredTriggers = tileRow("backdooredReversedTiles");
    private final FlowPane twinTriggers = tileRow("twinReversedTiles");
    private final Label backdooredVerdict = wrapping("backdooredVerdict");
    private final Label twinVerdict = wrapping("twinVerdict");
    private final VBox detection = new VBox(8);
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final javafx.scene.control.Tab trainingTab = new javafx.scene.control.Tab("Training");
    private final javafx.scene.control.Tab detectionTab = new javafx.scene.control.Tab("Neural Cleanse");
    private final javafx.scene.control.Tab stripTab = new javafx.scene.control.Tab("STRIP and clustering");
    private final PlotView stripPlot = new PlotView(new Plot("STRIP: entropy of the blended inputs, backdoored model",
            "mean entropy of the predictions (bits)", "inputs"));
    private final Label stripVerdict = wrapping("stripVerdict");
    private final Label unlearningLine = wrapping("unlearningLine");
    private final Label clusteringLine = wrapping("clusteringLine");
    private final javafx.scene.control.Tab sweepTab = new javafx.scene.control.Tab("Poison sweep");
    private final javafx.scene.control.Button sweepButton = new javafx.scene.control.Button("S_weep the poisoned fraction");
    private final javafx.scene.control.Button sweepExport = new javafx.scene.control.Button("Export CSV…");
    private final PlotView sweepPlot = new PlotView(new Plot("Attack success against the poisoned fraction", "poisoned training images (%)",
            "share of test images"));
    private final Label sweepRows = wrapping("sweepRows");
    private org.glassbox.backdoor.PoisonSweep.Snapshot sweep;
    private BackdoorSnapshot shown;
    private BackdoorTask shownTask;
    private Experiment shownExperiment;
    private BackdoorSetup shownSetup;
    private Instant startedAt;
    private boolean detectionShown;

    public BackdoorPage(Assets assets) {
        this(PageContext.background(assets));
    }

    public BackdoorPage(PageContext context) {
        super(context, new BackdoorWorkspace());
        build();
    }

    private static FlowPane tileRow(String id) {
        FlowPane row = new FlowPane(6, 8);
        row.setId(id);
        return row;
    }

    private static Label wrapping(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        label.setWrapText(true);
        return label;
    }

    private void build() {
        ScrollPane leftScroll = settingsColumn("BadNets and a clean twin", "A share of the training images gets the trigger stamped on"
                + " and the target's label. The twin starts from the same weights and sees the same batches without the poison."
                + " Attack success is counted on triggered test images of the other classes only. Then Neural Cleanse searches, for"
                + " every class, the smallest trigger that sends clean images there.", sheet);
        status.setId("backdoorStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        training.setId("trainingPlot");
        training.setMinHeight(260);
        detection.getChildren().addAll(heading("The smallest trigger that sends clean images to each class (framed: flagged)"),
                new Label("Backdoored model"), backdooredTriggers, backdooredVerdict, new Label("Clean twin"), twinTriggers, twinVerdict,
                note("A class whose smallest trigger is an outlier below the others (anomaly index |‖m‖₁ − median| / (1.4826 · MAD)"
                        + " above 2) is flagged. On ten classes the test is noisy: clean models raise false alarms, and a real"
                        + " target can sit near the threshold. Compare the twin's row, and repeat with other seeds."), unlearningLine);
        VBox trainingView = new VBox(10, training, heading("Poisoned training images (true label → now the target)"), poisoned,
                heading("Test images of other classes: the backdoored model's answer, without and with the trigger"), cleanTest,
                triggeredTest);
        trainingView.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(training, Priority.ALWAYS);
        detection.setPadding(new Insets(8, 0, 0, 0));
        trainingTab.setContent(scrolling(trainingView));
        detectionTab.setContent(scrolling(detection));
        stripPlot.setId("stripPlot");
        stripPlot.setMinHeight(260);
        VBox stripView = new VBox(10, stripPlot, stripVerdict, note("STRIP (Gao et al. 2019) superimposes each input on clean"
                + " images, min(1, x + x_j), and scores the mean entropy of the model's predictions on the blends. The threshold is"
                + " set on clean inputs at the false rejection rate chosen; the false acceptance rate is the share of triggered"
                + " inputs above it. On the clean twin, triggered inputs look like any other, so most are let through."),
                heading("Activation clustering (Chen et al. 2018)"), clusteringLine);
        VBox.setVgrow(stripPlot, Priority.ALWAYS);
        stripView.setPadding(new Insets(8, 0, 0, 0));
        stripTab.setContent(scrolling(stripView));
        sweepPlot.setId("sweepPlot");
        sweepPlot.setMinHeight(280);
        sweepButton.setId("sweepButton");
        sweepButton.setMnemonicParsing(true);
        sweepButton.setOnAction(e -> runSweep());
        sweepExport.setOnAction(e -> exportSweep());
        sweepExport.setDisable(true);
        sweepRows.setId("sweepRows");
        VBox sweepView = new VBox(10, new javafx.scene.layout.HBox(8, sweepButton, sweepExport), note("The settings' run, training only,"
                + " once for each poisoned fraction from 0 to 10 %, same seed: below a threshold the trigger does not take."), sweepPlot,
                sweepRows);
        VBox.setVgrow(sweepPlot, Priority.ALWAYS);
        sweepView.setPadding(new Insets(8, 0, 0, 0));
        sweepTab.setContent(scrolling(sweepView));
        tabs.getTabs().setAll(trainingTab, detectionTab, stripTab, sweepTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("backdoorTabs");
        VBox right = new VBox(10, explanation(), status, tabs);
        right.setPadding(new Insets(12));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        SplitPane split = settingsBeside(leftScroll, right);
        split.setDividerPositions(0.34);
        root.setCenter(withMessagesOver(split));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void open() {
        messages.showInfo("This workspace trains its own models on Fashion-MNIST; scanning a model file with Neural Cleanse is not"
                + " offered yet.");
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            Experiment experiment = currentExperiment();
            BackdoorSetup setup = setupOf(experiment);
            BackdoorTask task = BackdoorWorkspace.task(setup, experiment.seed(), assets);
            shownExperiment = experiment;
            shownSetup = setup;
            shownTask = task;
            shown = null;
            detectionShown = false;
            startedAt = Instant.now();
            detectionTab.setDisable(setup.cleanseSteps() == 0);
            stripTab.setDisable(setup.stripOverlays() == 0 && !setup.activationClustering());
            clusteringLine.setText("");
            unlearningLine.setText("");
            stripVerdict.setText("");
            stripPlot.plot().clear();
            tabs.getSelectionModel().select(trainingTab);
            backdooredTriggers.getChildren().clear();
            twinTriggers.getChildren().clear();
            backdooredVerdict.setText("");
            twinVerdict.setText("");
            jobs.start(new Job<>(String.format(Locale.ROOT, "BadNets, %.1f %% poisoned → %s", 100 * setup.poisonFraction(),
                    CLASSES.get(setup.targetClass())), experiment.seed(), task), this::draw);
        });
    }

    private void draw(BackdoorSnapshot s) {
        boolean firstOfRun = shown == null;
        shown = s;
        Plot plot = training.plot();
        plot.clear();
        plot.series("backdoored: clean accuracy", s.steps(), s.backdooredAccuracy());
        plot.series("backdoored: attack success", s.steps(), s.backdooredSuccess());
        plot.series("clean twin: clean accuracy", s.steps(), s.twinAccuracy(), true);
        plot.series("clean twin: attack success", s.steps(), s.twinSuccess(), true);
        status.setText(BackdoorWorkspace.trainingLine(s, shownSetup).replaceFirst("^step", "Step") + (s.phase()
                == BackdoorSnapshot.Phase.DETECTING ? "\nNeural Cleanse: class " + (s.backdooredDetection().classes().size() + 1)
                + " of " + CLASSES.size() + ", both models" : ""));
        if (firstOfRun) {
            drawPoisoned(s.examples());
        }
        if (s.phase() != BackdoorSnapshot.Phase.TRAINING && shownSetup.cleanseSteps() > 0 && !detectionShown) {
            detectionShown = true;
            tabs.getSelectionModel().select(detectionTab);
        }
        drawTest(s.examples());
        if (shownSetup.cleanseSteps() > 0) {
            drawDetection(backdooredTriggers, backdooredVerdict, s.backdooredDetection(), "backdoored model");
            drawDetection(twinTriggers, twinVerdict, s.twinDetection(), "clean twin");
        }
        if (s.phase() != BackdoorSnapshot.Phase.TRAINING && s.phase() != BackdoorSnapshot.Phase.DETECTING) {
            unlearningLine.setText(unlearningText(s));
            drawStrip(s);
            clusteringLine.setText(s.clustering() == null ? "" : BackdoorWorkspace.clusteringText(s.clustering(), CLASSES));
        }
        narrate(switch (s.phase()) {
            case TRAINING -> "The poisoned images teach a shortcut: trigger means " + CLASSES.get(shownSetup.targetClass())
                    + ". Attack success climbs while clean accuracy follows the twin's; the twin never learns the trigger.";
            case DETECTING -> "For each class, Neural Cleanse looks for the smallest patch that sends clean images there. The"
                    + " backdoor's target has a shortcut, so its patch stays small.";
            case UNLEARNING -> "Unlearning: the model is fine-tuned on clean images, some stamped with the reversed trigger and kept"
                    + " at their true label, so that the trigger stops meaning the target.";
            case STRIP -> "STRIP blends each input with clean images: a triggered input keeps its answer, so its predictions have"
                    + " low entropy.";
            case CLUSTERING -> "Activation clustering: the poisoned images of the target's label look alike to the model (the trigger)"
                    + " and fall into a cluster of their own.";
            case DONE -> "Done: the backdoor took while clean accuracy stayed; compare what each defense saw in the backdoored model"
                    + " and in its clean twin.";
        });
    }

    private String unlearningText(BackdoorSnapshot s) {
        if (shownSetup.cleanseSteps() == 0 || shownSetup.unlearningImages() == 0) {
            return "";
        }
        org.glassbox.backdoor.Unlearning u = s.unlearning();
        if (u == null) {
            return s.backdooredDetection().complete() && s.backdooredDetection().mad().flagged().isEmpty()
                    ? "Unlearning: Neural Cleanse flagged no class, so there is no reversed trigger to unlearn." : "";
        }
        return String.format(Locale.ROOT, "Unlearning with the reversed trigger of %s (%,d clean training images, %,d of them stamped,"
                        + " one epoch): attack success %.1f %% → %.1f %% on %,d images, clean accuracy %.1f %% → %.1f %%",
                CLASSES.get(u.reversedClass()), u.images(), u.stamped(), 100 * u.before().rate(), 100 * u.after().rate(),
                u.after().measured(), 100 * u.accuracyBefore(), 100 * u.accuracyAfter());
    }

    private void drawStrip(BackdoorSnapshot s) {
        if (s.strip() == null) {
            return;
        }
        stripPlot.setPlot(BackdoorWorkspace.stripPlot(s.strip(), "backdoored model"));
        stripPlot.plot().xMarker(s.strip().threshold(), String.format(Locale.ROOT, " threshold at %.1f %% FRR",
                100 * shownSetup.stripRejection()));
        stripVerdict.setText(stripLine("Backdoored model", s.strip()) + "\n" + stripLine("Clean twin", s.twinStrip()));
    }

    private static String stripLine(String model, org.glassbox.backdoor.Strip.Result r) {
        return String.format(Locale.ROOT, "%s: threshold %.3f bits · clean inputs refused (FRR) %.1f %% · triggered inputs let through"
                + " (FAR) %.1f %% · %d clean and %d triggered inputs, %d overlays each", model, r.threshold(), 100 * r.falseRejection(),
                100 * r.falseAcceptance(), r.cleanEntropy().length, r.triggeredEntropy().length, r.overlays());
    }

    private void drawPoisoned(BackdoorSnapshot.Examples e) {
        List<Node> tiles = new ArrayList<>();
        tiles.add(tile(shownTask.trigger().picture(), false, "the trigger", String.format(Locale.ROOT, "‖m‖₁ %.1f",
                shownTask.trigger().l1())));
        for (int k = 0; k < e.poisoned().length; k++) {
            tiles.add(tile(e.poisoned()[k], false, CLASSES.get(e.poisonedTrueLabels()[k]), "→ " + CLASSES.get(shownSetup.targetClass())));
        }
        poisoned.getChildren().setAll(tiles);
    }

    private void drawTest(BackdoorSnapshot.Examples e) {
        List<Node> clean = new ArrayList<>();
        List<Node> triggered = new ArrayList<>();
        int target = shownSetup.targetClass();
        for (int k = 0; k < e.test().length; k++) {
            clean.add(tile(e.test()[k], false, CLASSES.get(e.testLabels()[k]), "→ " + CLASSES.get(e.backdooredClean()[k])));
            triggered.add(tile(e.triggeredTest()[k], e.backdooredTriggered()[k] == target, "with trigger",
                    "→ " + CLASSES.get(e.backdooredTriggered()[k]), "twin → " + CLASSES.get(e.twinTriggered()[k])));
        }
        cleanTest.getChildren().setAll(clean);
        triggeredTest.getChildren().setAll(triggered);
    }

    private void drawDetection(FlowPane row, Label verdict, BackdoorSnapshot.Detection d, String model) {
        List<Node> tiles = new ArrayList<>();
        Mad mad = d.mad();
        for (NeuralCleanse.Reversed r : d.classes()) {
            boolean flagged = mad != null && mad.flagged().contains(r.target());
            List<String> caption = new ArrayList<>(List.of(CLASSES.get(r.target()), "‖m‖₁ " + norm(r.l1())
                    + (r.reached() ? "" : " (not reached)")));
            if (mad != null) {
                caption.add(String.format(Locale.ROOT, "index %.2f", mad.anomalyIndex()[r.target()]));
            }
            tiles.add(tile(DETECTION_TILE_EMS, DETECTION_CELL_EMS, r.picture(), flagged, caption.toArray(String[]::new)));
        }
        if (d.searching() != null) {
            tiles.add(tile(DETECTION_TILE_EMS, DETECTION_CELL_EMS, d.searching().picture(), false, CLASSES.get(d.searching().target()),
                    "searching…", "‖m‖₁ " + norm(d.searching().l1())));
        }
        row.getChildren().setAll(tiles);
        verdict.setText(mad == null ? "" : verdict(d, mad));
    }

    /** A mask's norm in four characters at most, so that it fits under its tile: 9.87, 84.8, 112. */
    private static String norm(double l1) {
        return String.format(Locale.ROOT, l1 < 10 ? "%.2f" : l1 < 100 ? "%.1f" : "%.0f", l1);
    }

    private String verdict(BackdoorSnapshot.Detection d, Mad mad) {
        double[] norms = d.norms();
        int smallest = 0;
        for (int c = 1; c < norms.length; c++) {
            smallest = norms[c] < norms[smallest] ? c : smallest;
        }
        int target = shownSetup.targetClass();
        String flagged = mad.flagged().isEmpty() ? "no class" : String.join(", ", mad.flagged().stream()
                .map(c -> CLASSES.get(c) + (c == target ? " (the target)" : "")).toList());
        return String.format(Locale.ROOT, "Flagged: %s · smallest mask %s, ‖m‖₁ %.1f, anomaly index %.2f · median %.1f, MAD %.1f",
                flagged, CLASSES.get(smallest), norms[smallest], mad.anomalyIndex()[smallest], mad.median(), mad.mad());
    }

    /** An image scaled to the text size (presenter mode enlarges it), hard pixel edges, with caption lines under it. */
    private static Node tile(double[] pixels, boolean flagged, String... caption) {
        return tile(TILE_EMS, CELL_EMS, pixels, flagged, caption);
    }

    private static Node tile(double tileEms, double cellEms, double[] pixels, boolean flagged, String... caption) {
        ImageView image = new ImageView(ImageTiles.grayscale(28, 28, 2, (r, c) -> pixels[r * 28 + c]));
        image.setSmooth(false);
        image.setPreserveRatio(true);
        StackPane frame = new StackPane(image);
        frame.setPadding(new Insets(1));
        // every tile has the frame's width, transparent unless flagged, so that framed and plain tiles line up
        frame.setStyle("-fx-border-width: 3; -fx-border-color: " + (flagged ? "-color-danger-emphasis;" : "transparent;"));
        frame.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(2, frame);
        for (String line : caption) {
            Label label = new Label(line);
            label.getStyleClass().add("text-small");
            label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            if (flagged) {
                label.getStyleClass().add("danger");
            }
            box.getChildren().add(label);
        }
        Label first = (Label) box.getChildren().get(1);
        image.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> first.getFont().getSize() * tileEms, first.fontProperty()));
        // a column as wide as the longest caption the page writes ("twin → Ankle boot"), whatever this tile's captions
        box.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> first.getFont().getSize() * cellEms, first.fontProperty()));
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    /** Runs the sweep of the settings on screen as the page's job (one job at a time, like a run). */
    public void runSweep() {
        startUnlessBusy(() -> {
            Experiment experiment = currentExperiment();
            BackdoorSetup setup = setupOf(experiment);
            org.glassbox.backdoor.PoisonSweep task = new org.glassbox.backdoor.PoisonSweep(FashionMnist.train(assets),
                    FashionMnist.test(assets), setup, experiment.seed());
            sweep = null;
            sweepExport.setDisable(true);
            tabs.getSelectionModel().select(sweepTab);
            jobs.start(new Job<>("Poison sweep, " + org.glassbox.backdoor.PoisonSweep.FRACTIONS.length + " fractions → "
                    + CLASSES.get(setup.targetClass()), experiment.seed(), task), this::drawSweep);
        });
    }

    private void drawSweep(org.glassbox.backdoor.PoisonSweep.Snapshot s) {
        sweep = s;
        sweepPlot.setPlot(s.plot());
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < s.fractions().length; i++) {
            rows.append(String.format(Locale.ROOT, "%s%.2f %% poisoned: attack success %.1f %% on %,d images, clean accuracy %.1f %% (twin"
                    + " %.1f %%)", i == 0 ? "" : "\n", 100 * s.fractions()[i], 100 * s.attackSuccess()[i], s.measured()[i],
                    100 * s.accuracy()[i], 100 * s.twinAccuracy()[i]));
        }
        sweepRows.setText(rows.toString());
        sweepExport.setDisable(false);
        narrate("Each point is a backdoored model trained with that share of poison; the twin is the same model without it.");
    }

    private void exportSweep() {
        if (sweep == null) {
            return;
        }
        java.io.File file = org.glassbox.ui.Forms.saveFile(root, "CSV", "poison-sweep.csv", "*.csv");
        if (file != null) {
            org.glassbox.backdoor.PoisonSweep.Snapshot shownSweep = sweep;
            messages.writeOrReport(() -> shownSweep.writeCsv(file.toPath()), file);
        }
    }

    /** For tests: the sweep on screen, or null. */
    public org.glassbox.backdoor.PoisonSweep.Snapshot sweep() {
        return sweep;
    }

    @Override
    protected boolean hasResults() {
        return shown != null;
    }

    @Override
    protected void writeResults(Path folder) throws java.io.IOException {
        BackdoorWorkspace.writeResults(folder, shownExperiment, shownSetup, shownTask, shown, new RunTiming(startedAt, jobSeconds()));
    }

    /** For tests: the snapshot on screen. */
    public BackdoorSnapshot shown() {
        return shown;
    }
}
