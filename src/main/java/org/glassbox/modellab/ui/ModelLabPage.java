package org.glassbox.modellab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
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
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Job;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.ConfusionMatrixImage;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.Parameters;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.EvaluationRun;
import org.glassbox.modellab.EvaluationSnapshot;
import org.glassbox.modellab.EvaluationTask;
import org.glassbox.modellab.SamplePrediction;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.LayerSummary;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoader;
import org.glassbox.ui.Forms;
import org.glassbox.ui.ImageTiles;
import org.glassbox.ui.ParameterSheet;
import org.glassbox.ui.TableFit;

/**
 * Model lab: pick a catalog model or open a file, read its layers, evaluate it on the bundled
 * Fashion-MNIST test set as a live job, and export the confusion matrix.
 */
public final class ModelLabPage extends org.glassbox.ui.WorkspacePageBase {

    private final ModelCatalog catalog;
    private final BorderPane root = new BorderPane();
    private final ComboBox<CatalogEntry> modelChoice = new ComboBox<>();
    /** The catalog entry of the model on screen, or null for a model from a file (or none yet). */
    private CatalogEntry shownEntry;
    private final Label modelTitle = new Label();
    private final Label modelDetails = new Label();
    private final TableView<LayerSummary> layers = new TableView<>();
    private final ParameterSheet<EvaluationParameters> sheet =
            new ParameterSheet<>(EvaluationParameters.class, EvaluationParameters.defaults(), Seeds.DEFAULT);
    private final Label accuracy = new Label("");
    private final Label accuracyDetail = new Label("Run an evaluation (F5) to see the accuracy.");
    private final org.glassbox.ui.ConfusionMatrixView confusionView = new org.glassbox.ui.ConfusionMatrixView();
    private final FlowPane samples = new FlowPane(8, 8);
    private final Button exportCsv = new Button("Export CSV…");
    private final Button exportPng = new Button("Export PNG…");
    private final Button saveRun = new Button("Save results…");

    private ModelHandle model;
    private String modelReference;
    private LabeledImages testSet;
    private EvaluationSnapshot shown;
    private Experiment shownExperiment;
    private Instant startedAt;

    public ModelLabPage(Assets assets) throws IOException {
        this(org.glassbox.ui.PageContext.background(assets));
    }

    /** A page whose background work runs on the context's executor. */
    public ModelLabPage(org.glassbox.ui.PageContext context) throws IOException {
        super(context, new org.glassbox.modellab.ModelLabWorkspace());
        this.catalog = ModelCatalog.read(assets.sampleModels());
        build();
        List<CatalogEntry> entries = catalog.models();
        modelChoice.getItems().setAll(entries);
        entries.stream().filter(CatalogEntry::isImageClassifier).findFirst().ifPresent(modelChoice::setValue);
        if (entries.isEmpty()) {
            messages.showProblem(new UserMessage("No sample models found in " + assets.sampleModels() + ".",
                    "Rebuild them with: java -jar target/glassbox.jar train-samples, or open a model file (Ctrl+O)."));
        }
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        modelChoice.setId("modelChoice");
        modelChoice.setPromptText("Choose a sample model");
        modelChoice.setMaxWidth(Double.MAX_VALUE);
        modelChoice.valueProperty().addListener((obs, old, entry) -> {
            if (entry != null && entry != shownEntry) {
                loadAsync(entry.id(), () -> catalog.load(entry.id()), catalog.pathOf(entry), entry);
            }
        });
        Button openFile = new Button("Open file…");
        openFile.setTooltip(new Tooltip("Open a DL4J .zip or Keras .h5 model (Ctrl+O)"));
        openFile.setOnAction(e -> open());
        Label modelLabel = new Label("_Model");
        modelLabel.setMnemonicParsing(true);
        modelLabel.setLabelFor(modelChoice);
        modelLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        openFile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox chooser = new HBox(6, modelLabel, modelChoice, openFile);
        chooser.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(modelChoice, Priority.ALWAYS);

        modelTitle.getStyleClass().add("title-4");
        modelTitle.setId("modelTitle");
        modelDetails.setWrapText(true);
        modelDetails.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        modelDetails.setId("modelDetails");
        layers.setId("layerTable");
        layers.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        layers.getColumns().setAll(List.of(
                column("Layer", LayerSummary::name, 56),
                column("Type", LayerSummary::type, 88),
                column("In", LayerSummary::inputShape, 88),
                column("Out", LayerSummary::outputShape, 88),
                column("Params", r -> String.format(Locale.ROOT, "%,d", r.parameters()), 60),
                column("Activation", LayerSummary::activation, 70)));
        layers.setPlaceholder(new Label("No model loaded."));
        modelDetails.fontProperty().addListener((obs, old, font) -> TableFit.fitColumns(layers, font));
        layers.setPrefHeight(250);
        layers.setMinHeight(150);
        Label dataLabel = new Label("Data: " + FashionMnist.TEST_ID + " (bundled, 2,000 images, 10 classes)");
        dataLabel.setWrapText(true);
        VBox settings = new VBox(10, chooser, modelTitle, modelDetails, layers, dataLabel, sheet);
        settings.setPadding(new Insets(12));
        ScrollPane settingsScroll = new ScrollPane(settings);
        settingsScroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(settingsScroll);
        left.setBottom(controls);
        left.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it

        accuracy.setId("accuracyLabel");
        accuracy.getStyleClass().add("title-1");
        accuracy.visibleProperty().bind(accuracy.textProperty().isNotEmpty());
        accuracy.managedProperty().bind(accuracy.visibleProperty());
        accuracyDetail.setId("accuracyDetail");
        confusionView.setId("confusionMatrix");
        confusionView.setMaxWidth(900);
        samples.setId("samples");
        samples.setPrefWrapLength(560);
        exportCsv.setOnAction(e -> exportConfusionCsv());
        exportPng.setOnAction(e -> exportConfusionPng());
        saveRun.setOnAction(e -> chooseFolderAndSaveResults());
        setExportsDisabled(true);
        HBox exports = new HBox(6, exportCsv, exportPng, saveRun);
        Label confusionTitle = new Label("Confusion matrix (rows: true class, columns: predicted)");
        confusionTitle.getStyleClass().add("text-caption");
        confusionTitle.setWrapText(true);
        Label samplesTitle = new Label("Sample predictions (green: correct, red: wrong)");
        samplesTitle.getStyleClass().add("text-caption");
        samplesTitle.setWrapText(true);
        accuracyDetail.setWrapText(true);
        VBox right = new VBox(10, explanation(), accuracy, accuracyDetail, exports, confusionTitle, confusionView, samplesTitle, samples);
        right.setPadding(new Insets(12));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);

        SplitPane split = settingsBeside(left, rightScroll);
        split.setDividerPositions(0.5);
        root.setCenter(withMessagesOver(split));
    }

    private static TableColumn<LayerSummary, String> column(String title, java.util.function.Function<LayerSummary, String> value,
                                                            double width) {
        TableColumn<LayerSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    @FunctionalInterface
    private interface ModelSource {
        ModelHandle load() throws Exception;
    }

    /** Loads a model off the FX thread and shows it, or shows why it cannot be used. */
    private void loadAsync(String reference, ModelSource source, Path path, CatalogEntry entry) {
        messages.clear();
        String shownTitle = model == null ? "No model loaded" : modelTitle.getText();
        modelTitle.setText("Loading " + reference + "…");
        org.glassbox.ui.OneShot.run(executor, () -> {
            ModelHandle handle = source.load();
            List<LayerSummary> rows = handle.layers(handle.inputShape().batchShape(1, 1, 28, 28));
            return Map.entry(handle, rows);
        }, result -> {
            model = result.getKey();
            modelReference = reference;
            shownEntry = entry;
            if (entry == null) {
                modelChoice.getSelectionModel().clearSelection();
            }
            layers.getItems().setAll(result.getValue());
            TableFit.fitColumns(layers, modelDetails.getFont());
            modelTitle.setText(entry != null ? entry.title() : path.getFileName().toString());
            modelDetails.setText(details(entry, model, path));
        }, error -> {
            // the model on screen stays, under its own name and in the list, as if the failed one was never chosen
            messages.showProblem(Failures.describe(error));
            modelTitle.setText(shownTitle);
            if (shownEntry != null) {
                modelChoice.setValue(shownEntry);
            } else {
                modelChoice.getSelectionModel().clearSelection();
            }
        });
    }

    private static String metricsText(CatalogEntry entry) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        Double accuracy = entry.metrics().get("testAccuracy");
        if (accuracy != null) {
            parts.add(String.format(Locale.ROOT, "Test accuracy %.2f %% (%s)", 100 * accuracy, entry.evaluation()));
        }
        Double mse = entry.metrics().get("testMse");
        if (mse != null) {
            parts.add(String.format(Locale.ROOT, "Test MSE %.4f (%s)", mse, entry.evaluation()));
        }
        Double perplexity = entry.metrics().get("heldOutPerplexity");
        if (perplexity != null) {
            Double tokens = entry.metrics().get("heldOutTokens");
            parts.add(String.format(Locale.ROOT, "Held-out perplexity %.2f%s (%s)", perplexity,
                    tokens == null ? "" : String.format(Locale.ROOT, " over %,.0f words", tokens), entry.evaluation()));
        }
        Double seconds = entry.metrics().get("trainingSeconds");
        if (seconds != null) {
            parts.add(String.format(Locale.ROOT, "trained in %.0f s", seconds));
        }
        return String.join(" · ", parts);
    }

    private static String details(CatalogEntry entry, ModelHandle model, Path path) {
        StringBuilder sb = new StringBuilder();
        if (entry != null) {
            sb.append(entry.description()).append('\n');
            sb.append("Architecture: ").append(entry.architecture()).append('\n');
            sb.append("Trained: ").append(entry.training()).append(", seed ").append(entry.seed()).append('\n');
            sb.append(metricsText(entry)).append('\n');
        } else {
            sb.append("File: ").append(path).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Input: %s · %,d parameters · %s", model.inputShape().describe(),
                model.parameterCount(), model.dataType()));
        return sb.toString();
    }

    @Override
    public void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models (*.zip, *.h5)", "*.zip", "*.h5", "*.hdf5"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openModelFile(file.toPath());
        }
    }

    /** Opens a model file as if chosen in the file dialog. */
    public void openModelFile(Path path) {
        loadAsync(path.toString(), () -> ModelLoader.load(path), path, null);
    }

    @Override
    public void run() {
        if (jobs.isBusy()) {
            return;
        }
        messages.clear();
        if (model == null) {
            messages.showProblem(new UserMessage("No model is loaded.", "Choose a sample model or open a file (Ctrl+O)."));
            return;
        }
        EvaluationParameters parameters = sheet.value();
        List<String> problems = Parameters.problems(parameters);
        if (!problems.isEmpty()) {
            messages.showProblem(new UserMessage(String.join(" ", problems), "Change the value and run again."));
            return;
        }
        try {
            ModelChecks.requireImageClassifier(model, Path.of(modelReference), 1, 28, 28, FashionMnist.CLASS_NAMES.size());
            if (testSet == null) {
                testSet = FashionMnist.test(assets);
            }
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
            return;
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
            return;
        }
        long seed = sheet.seed();
        shownExperiment = experiment(parameters, seed);
        Job<EvaluationSnapshot> next = new Job<>("Evaluate " + model.name(), seed,
                new EvaluationTask(model.copy(), testSet, parameters, seed));
        startedAt = Instant.now();
        jobs.start(next, this::draw);
    }

    private Experiment experiment(EvaluationParameters parameters, long seed) {
        return new Experiment(Experiment.FORMAT, EvaluationRun.WORKSPACE, modelReference == null ? "" : modelReference,
                FashionMnist.TEST_ID, ExperimentFiles.JSON.valueToTree(parameters), seed);
    }

    private void draw(EvaluationSnapshot s) {
        shown = s;
        accuracy.setText(String.format(Locale.ROOT, "%.2f %%", 100 * s.accuracy()));
        int toGo = s.total() - s.evaluated();
        accuracyDetail.setText(String.format(Locale.ROOT, "accuracy · %,d of %,d images correct%s",
                s.confusion().correct(), s.evaluated(), toGo > 0 ? String.format(Locale.ROOT, " (%,d to go)", toGo) : ""));
        confusionView.show(s.confusion());
        narrate("The model sees each test image once and guesses its class; the diagonal counts the right guesses, every other"
                + " cell one kind of mistake.");
        samples.getChildren().clear();
        for (SamplePrediction p : s.samples()) {
            ImageView image = new ImageView(ImageTiles.grayscale(testSet.height(), testSet.width(), 3,
                    (r, c) -> testSet.pixel(p.index(), r, c)));
            Label caption = new Label(String.format(Locale.ROOT, "%s%n%.0f %%", s.confusion().classNames().get(p.predicted()),
                    100 * p.confidence()));
            caption.setStyle((p.correct() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;")
                    + " -fx-font-size: 0.9em;");
            caption.setMaxWidth(84);
            caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, image, caption);
            Tooltip.install(tile, new Tooltip("#" + p.index() + ": true " + s.confusion().classNames().get(p.truth())
                    + ", predicted " + s.confusion().classNames().get(p.predicted())));
            samples.getChildren().add(tile);
        }
        setExportsDisabled(false);
    }

    private void setExportsDisabled(boolean disabled) {
        exportCsv.setDisable(disabled);
        exportPng.setDisable(disabled);
        saveRun.setDisable(disabled);
    }

    private void exportConfusionCsv() {
        File file = Forms.saveFile(root, "Export confusion matrix (CSV)", "confusion-matrix.csv", "*.csv");
        if (file != null) {
            messages.writeOrReport(() -> Files.writeString(file.toPath(), shown.confusion().toCsv(), StandardCharsets.UTF_8), file);
        }
    }

    private void exportConfusionPng() {
        File file = Forms.saveFile(root, "Export confusion matrix (PNG)", "confusion-matrix.png", "*.png");
        if (file != null) {
            messages.writeOrReport(() -> ConfusionMatrixImage.write(shown.confusion(), model.name(), file.toPath()), file);
        }
    }

    @Override
    protected boolean hasResults() {
        return shown != null && shownExperiment != null;
    }

    @Override
    protected void writeResults(Path folder) throws IOException {
        EvaluationRun.writeResults(folder, shownExperiment, model.name(), shown, startedAt == null ? Instant.now() : startedAt,
                jobSeconds());
    }

    @Override
    public Experiment currentExperiment() {
        return experiment(sheet.value(), sheet.seed());
    }

    @Override
    protected void show(Experiment e, Path base) throws Exception {
        sheet.setValue(EvaluationRun.parameters(e));
        sheet.setSeed(e.seed());
        if (catalog.find(e.model()).isPresent()) {
            modelChoice.setValue(catalog.find(e.model()).get());
        } else {
            openModelFile(base.resolve(e.model()));
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }




}
