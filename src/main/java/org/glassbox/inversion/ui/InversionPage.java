package org.glassbox.inversion.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.GrayImage;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Frame;
import org.glassbox.engine.Job;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.Parameters;
import org.glassbox.inversion.DefenseKind;
import org.glassbox.inversion.DefensePriceTask;
import org.glassbox.inversion.PriceSnapshot;
import org.glassbox.inversion.SideBySideTask;
import org.glassbox.inversion.InversionAttack;
import org.glassbox.inversion.InversionExports;
import org.glassbox.inversion.InversionParameters;
import org.glassbox.inversion.InversionSnapshot;
import org.glassbox.inversion.InversionOptimizer;
import org.glassbox.inversion.InversionRun;
import org.glassbox.inversion.InversionSetup;
import org.glassbox.inversion.InversionTask;
import org.glassbox.inversion.Reconstruction;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoader;
import org.glassbox.ui.PlotView;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.Forms;
import org.glassbox.ui.NumberField;
import org.glassbox.ui.DoubleText;
import org.glassbox.ui.ImageTiles;
import org.glassbox.ui.ParameterSheet;

/**
 * Gradient inversion: a client's private images re-appear, step by step, from the gradient it
 * shares (DLG, iDLG or Inverting Gradients), beside the originals, with the matching loss, PSNR
 * and SSIM; defenses on the gradient, their price, and the same attack side by side without them.
 */
public final class InversionPage extends org.glassbox.ui.WorkspacePageBase {

    private static final int ZOOM = 8;

    private final ModelCatalog catalog;
    private final BorderPane root = new BorderPane();
    private final ComboBox<CatalogEntry> model = new ComboBox<>();
    private final Button modelFileButton = new Button("Model file…");
    private final Label modelFileName = new Label();
    private Path modelFile;
    private final NumberField<Integer> imageIndex = org.glassbox.ui.FieldSpinners.whole(org.glassbox.inversion.InversionSetup.class, "image", 0);
    private final NumberField<Integer> batchSize = org.glassbox.ui.FieldSpinners.whole(org.glassbox.inversion.InversionSetup.class, "batch", 1);
    private final Button imageFileButton = new Button("Image file…");
    private final Button testImagesButton = new Button("Use test images");
    private final ComboBox<String> fileLabel = new ComboBox<>();
    private final Label imageFileName = new Label();
    private final ComboBox<InversionAttack> attack = new ComboBox<>();
    private final ComboBox<InversionOptimizer> optimizer = new ComboBox<>();
    private final ComboBox<DefenseKind> defense = new ComboBox<>();
    private final NumberField<Double> strength = org.glassbox.ui.FieldSpinners.decimal(org.glassbox.inversion.InversionSetup.class, "strength", 0.01, 0.01);
    private final NumberField<Double> clipNorm = org.glassbox.ui.FieldSpinners.decimal(org.glassbox.inversion.InversionSetup.class,
            "clipNorm", org.glassbox.inversion.InversionSetup.defaults().clipNorm(), 0.1);
    private final CheckBox sideBySide = new CheckBox("Side by side: also attack the undefended gradient (same seed)");
    private final CheckBox showBest = new CheckBox("Show the best iterate (least matching loss) instead of the current one");
    private final ImageView undefendedDummy = new ImageView();
    private final Label originalCaption = new Label("Private image (the client's)");
    private final Label dummyCaption = new Label("Attacker's reconstruction");
    private final VBox undefendedBox = new VBox(4);
    private final CheckBox dlgWeights = new CheckBox("DLG's setting: weights drawn U(−0.5, 0.5) from the seed");
    private final ParameterSheet<InversionParameters> sheet =
            new ParameterSheet<>(InversionParameters.class, InversionParameters.defaults(), 1);
    private final ImageView original = new ImageView();
    private final ImageView dummy = new ImageView();
    private final Label status = new Label("Press F5 to attack the chosen image.");
    private final PlotView lossPlot = new PlotView(new Plot("Matching loss", "iteration", "loss (log)").logY());
    private final PlotView psnrPlot = new PlotView(new Plot("PSNR of the reconstruction", "iteration", "PSNR (dB)"));
    private final PlotView ssimPlot = new PlotView(new Plot("SSIM of the reconstruction", "iteration", "SSIM").yRange(-0.1, 1.05));
    private final Label price = new Label("Price of the defense: press 'Measure its price' to train a LeNet with and without it.");
    private final PlotView pricePlot = new PlotView(new Plot("The defense's price", "training step (32 images)", "test accuracy"));
    private LabeledImages test;
    private double[][] privateImages;
    private Path imageFile;
    private boolean resizeImageFile;
    private InversionRun.Prepared shownRun;
    private Experiment shownExperiment;
    private Instant startedAt;
    private InversionSnapshot shown;
    private final List<InversionSnapshot> curve = new ArrayList<>();
    /** The side-by-side attack on the undefended gradient, frame for frame with {@link #curve} (empty when there is none). */
    private final List<InversionSnapshot> undefendedCurve = new ArrayList<>();

    public InversionPage(Assets assets) throws IOException {
        this(org.glassbox.ui.PageContext.background(assets));
    }

    /** A page whose background work runs on the context's executor. */
    public InversionPage(org.glassbox.ui.PageContext context) throws IOException {
        super(context, new org.glassbox.inversion.InversionWorkspace());
        this.catalog = ModelCatalog.read(assets.sampleModels());
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        model.getItems().setAll(catalog.models().stream().filter(CatalogEntry::isImageClassifier).toList());
        catalog.find("lenet-sigmoid").ifPresent(model::setValue);
        model.setId("inversionModel");
        model.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                modelFile = null;
                modelFileName.setText("");
            }
        });
        modelFileButton.setOnAction(e -> chooseModelFile());
        modelFileButton.setTooltip(new Tooltip("Attack a model of your own: a DL4J zip or a Keras h5 classifier of 28×28 grayscale"
                + " images into 10 classes, trained with a loss"));
        modelFileName.setWrapText(true);
        modelFileName.visibleProperty().bind(modelFileName.textProperty().isNotEmpty());
        modelFileName.managedProperty().bind(modelFileName.visibleProperty());
        imageIndex.setEditable(true);
        imageIndex.setId("privateImage");
        imageIndex.valueProperty().addListener((o, a, v) -> showOriginal());
        batchSize.setEditable(true);
        batchSize.setId("batchSize");
        batchSize.setTooltip(new Tooltip("Private images from the one above on, sharing one gradient (their labels must differ,"
                + " except for DLG, which learns them)"));
        batchSize.valueProperty().addListener((o, a, v) -> showOriginal());
        imageFileButton.setId("imageFile");
        imageFileButton.setTooltip(new Tooltip("Attack an image of your own (PNG, JPEG, GIF or BMP); it is made grayscale"
                + " and, if you agree, scaled to 28×28"));
        imageFileButton.setOnAction(e -> chooseImageFile());
        testImagesButton.setOnAction(e -> useTestImages());
        fileLabel.getItems().setAll(FashionMnist.CLASS_NAMES);
        fileLabel.getSelectionModel().select(0);
        fileLabel.setId("fileLabel");
        fileLabel.setTooltip(new Tooltip("The class the client trains the image file as (the attack does not see it)"));
        imageFileName.setWrapText(true);
        HBox fileButtons = new HBox(8, imageFileButton, testImagesButton);
        HBox fileRow = Forms.row("Class of the file", fileLabel, 130);
        VBox fileBox = new VBox(6, imageFileName, fileRow);
        fileBox.visibleProperty().bind(imageFileName.textProperty().isNotEmpty());
        fileBox.managedProperty().bind(fileBox.visibleProperty());
        testImagesButton.disableProperty().bind(imageFileName.textProperty().isEmpty());
        dlgWeights.setSelected(true);
        dlgWeights.setWrapText(true);
        dlgWeights.setTooltip(new Tooltip("As in the DLG paper's code: the client at the first round of federated training."
                + " Off: attack the model as trained (much harder for these attacks)."));
        Label title = new Label("Attack on one shared gradient");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        attack.getItems().setAll(InversionAttack.values());
        attack.setValue(InversionAttack.IDLG);
        attack.setId("attack");
        attack.setTooltip(new Tooltip("Choosing an attack loads its paper's preset and optimiser"));
        attack.valueProperty().addListener((o, a, chosen) -> {
            sheet.setValue(chosen.defaults());
            optimizer.setValue(chosen.optimizer());
        });
        optimizer.getItems().setAll(InversionOptimizer.values());
        optimizer.setValue(InversionAttack.IDLG.optimizer());
        optimizer.setId("optimizer");
        optimizer.setTooltip(new Tooltip("Adam, or L-BFGS with a backtracking line search (DLG's optimiser)"));
        defense.getItems().setAll(DefenseKind.values());
        defense.setValue(DefenseKind.NONE);
        defense.setId("defense");
        strength.setId("defenseStrength");
        clipNorm.setId("clipNorm");
        defense.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null && chosen != DefenseKind.NONE) {
                strength.set(chosen.defaultStrength());
            }
        });
        strength.setEditable(true);
        clipNorm.setEditable(true);
        strength.disableProperty().bind(defense.valueProperty().isEqualTo(DefenseKind.NONE));
        clipNorm.disableProperty().bind(defense.valueProperty().isNotEqualTo(DefenseKind.DP_SGD));
        strength.setTooltip(new Tooltip("σ for Gaussian noise, b for Laplacian noise, the fraction zeroed for pruning,"
                + " the noise multiplier for DP-SGD, the number of extra images for aggregation"));
        Label strengthLabel = new Label();
        strengthLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                defense.getValue() == null || defense.getValue().strengthName().isEmpty() ? "Strength"
                        : "Strength (" + defense.getValue().strengthName() + ")", defense.valueProperty()));
        Label defenseTitle = new Label("Defense on the shared gradient");
        defenseTitle.getStyleClass().add("title-4");
        HBox strengthRow = Forms.row("Strength", strength, 130);
        strengthRow.getChildren().set(0, strengthLabel);
        strengthLabel.setMinWidth(130);
        strengthLabel.setPrefWidth(130);
        strengthLabel.setMaxWidth(130);
        strengthLabel.setWrapText(true);
        strengthLabel.setLabelFor(strength);
        VBox settings = new VBox(10, title, Forms.row("Attack", attack, 130), Forms.row("Optimiser", optimizer, 130),
                Forms.row("Model", model, 130), modelFileButton, modelFileName, Forms.row("Private test image", imageIndex, 130),
                Forms.row("Batch size", batchSize, 130), fileButtons, fileBox, dlgWeights, sheet, defenseTitle,
                Forms.row("Defense", defense, 130), strengthRow, Forms.row("Clip norm C", clipNorm, 130), sideBySide,
                priceButton());
        sideBySide.setWrapText(true);
        sideBySide.setSelected(InversionSetup.defaults().sideBySide());
        sideBySide.setId("sideBySide");
        settings.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(scroll);
        left.setBottom(controls);
        left.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it

        originalCaption.getStyleClass().add("text-caption");
        dummyCaption.getStyleClass().add("text-caption");
        dummy.setId("reconstruction");
        VBox originalBox = new VBox(4, originalCaption, original);
        VBox dummyBox = new VBox(4, dummyCaption, dummy);
        undefendedBox.getChildren().setAll(caption("Without the defense"), undefendedDummy);
        undefendedBox.setVisible(false);
        undefendedBox.managedProperty().bind(undefendedBox.visibleProperty());
        FlowPane images = new FlowPane(24, 12, originalBox, dummyBox, undefendedBox);
        status.setId("inversionStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        showBest.setId("showBest");
        showBest.setWrapText(true);
        showBest.selectedProperty().addListener((o, a, b) -> {
            if (shown != null) {
                showDummy(shown);
            }
        });
        Button results = new Button("Save results…");
        results.setId("saveInversionResults");
        results.setTooltip(new Tooltip("Writes strip.png, comparison.png, curves.csv, run.json and report.html into a folder"));
        results.setOnAction(e -> chooseFolderAndSaveResults());
        Button strip = new Button("Strip PNG…");
        strip.setOnAction(e -> exportStrip());
        Button csv = new Button("Curves CSV…");
        csv.setOnAction(e -> exportCurves());
        Button inspect = new Button("_Inspect…"); // Alt+I
        inspect.setId("inspectButton");
        inspect.setTooltip(new Tooltip("Zoom to pixels, the difference map, a wipe and a filmstrip of the run"));
        inspect.setOnAction(e -> inspect());
        FlowPane exports = new FlowPane(8, 6, inspect, new Label("Export"), results, strip, csv);
        exports.setAlignment(Pos.CENTER_LEFT);
        price.setId("defensePrice");
        price.setWrapText(true);
        price.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pricePlot.setVisible(false);
        pricePlot.managedProperty().bind(pricePlot.visibleProperty());
        VBox curves = new VBox(8, lossPlot, psnrPlot, ssimPlot, price, pricePlot);
        VBox right = new VBox(12, explanation(), images, status, showBest, exports, curves);
        right.setPadding(new Insets(12));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        imagesWidth = rightScroll.widthProperty();
        imagesWidth.addListener((o, a, b) -> fitImages());
        SplitPane split = settingsBeside(left, rightScroll);
        split.setDividerPositions(0.34);
        root.setCenter(withMessagesOver(split));
        showOriginal();
    }

    private Button priceButton() {
        Button b = new Button("Measure its price (train 300 steps)");
        b.setTooltip(new Tooltip("Trains DLG's LeNet on the bundled training data twice, with and without the defense"
                + " on every gradient, and compares test accuracy"));
        b.setOnAction(e -> measurePrice());
        return b;
    }

    /** Runs the defense's price as the page's job: the same LeNet trained with and without it. */
    private void measurePrice() {
        if (jobs.isBusy()) {
            messages.showProblem(new UserMessage("A job is still running.", "Cancel it (Esc) or wait for it to finish."));
            return;
        }
        messages.clear();
        try {
            org.glassbox.inversion.Defense chosen = defense.getValue().create(strength.value(), clipNorm.value());
            LabeledImages train = FashionMnist.train(assets);
            long seed = sheet.seed();
            DefensePriceTask task = new DefensePriceTask(org.glassbox.models.samples.SampleModels.lenetSigmoid(seed), chosen,
                    train, test(), 30, 10, 32, seed);
            Job<PriceSnapshot> next = new Job<>("Price of " + chosen.describe(), seed, task);
            String compute = chosen instanceof org.glassbox.inversion.Defense.Aggregation a
                    ? String.format(Locale.ROOT, " The defended copy averages over %d images per step: %d× the compute.",
                    32 * (1 + a.extraImages()), 1 + a.extraImages()) : "";
            jobs.start(next, p -> {
                price.setText(String.format(Locale.ROOT, "Price of %s: after %d training steps of 32 images, test accuracy"
                        + " %.1f %% without it, %.1f %% with it.%s", chosen.describe(), p.steps(), 100 * p.accuracyUndefended(),
                        100 * p.accuracyDefended(), compute));
                double[] steps = new double[p.undefendedCurve().length];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = (double) p.steps() * (i + 1) / steps.length;
                }
                pricePlot.setVisible(true);
                pricePlot.plot().series("without the defense", steps, p.undefendedCurve());
                pricePlot.plot().series("with " + chosen.describe(), steps, p.defendedCurve());
            });
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-caption");
        return l;
    }

    private LabeledImages test() throws IOException {
        if (test == null) {
            test = FashionMnist.test(assets);
        }
        return test;
    }

    /** Shows the private images the next run will attack: from the test set, or the chosen image file. */
    private void showOriginal() {
        try {
            privateImages = InversionRun.privateImages(assets, dataReference(), Path.of(""), setup()).images();
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
            return;
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
            return;
        }
        original.setImage(mosaic(privateImages));
        fitImages();
        int count = privateImages.length;
        originalCaption.setText(count == 1 ? "Private image (the client's)" : "Private images (the client's batch)");
        dummyCaption.setText(count == 1 ? "Attacker's reconstruction" : "Attacker's reconstructions, matched to the originals");
    }

    private void chooseModelFile() {
        File file = Forms.openFile(root, "Model to attack", "Models (DL4J zip, Keras h5)", "*.zip", "*.h5", "*.hdf5");
        if (file != null) {
            useModelFile(file.toPath());
        }
    }

    /**
     * Makes the model file the attacked model if it is an image classifier the attack can
     * differentiate; otherwise a message says what is wrong (naming the layer) and the choice stays.
     */
    public void useModelFile(Path file) {
        messages.clear();
        modelFileName.setText("Loading " + file.getFileName() + "…");
        org.glassbox.ui.OneShot.run(executor, () -> {
            ModelHandle handle = ModelLoader.load(file);
            ModelChecks.requireImageClassifier(handle, file, 1, 28, 28, FashionMnist.CLASS_NAMES.size());
            ModelChecks.requireLoss(handle, file);
            return handle;
        }, handle -> {
            model.setValue(null);
            modelFile = file.toAbsolutePath();
            modelFileName.setText("Model file: " + file.getFileName() + " (" + String.format(Locale.ROOT, "%,d",
                    handle.parameterCount()) + " parameters)");
        }, error -> {
            modelFileName.setText(modelFile == null ? "" : "Model file: " + modelFile.getFileName());
            messages.showProblem(Failures.describe(error));
        });
    }

    private void chooseImageFile() {
        File file = Forms.openFile(root, "Private image file", "Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp");
        if (file != null) {
            useImageFile(file.toPath(), this::askToResize);
        }
    }

    /** Asks whether an image of another size may be scaled to the model's 28×28 input. */
    private boolean askToResize(GrayImage image) {
        ButtonType resize = new ButtonType("Resize to 28×28", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The image is " + image.width() + "×" + image.height()
                + " pixels; the model takes 28×28. Resize it? (It is also made grayscale.)", resize, ButtonType.CANCEL);
        alert.setHeaderText("The image is not 28×28");
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        return alert.showAndWait().filter(resize::equals).isPresent();
    }

    /**
     * Makes the image file the private image (a batch of one); an image of another size is used
     * only if {@code mayResize} agrees to scaling it, else a message says what to do.
     */
    public void useImageFile(Path file, java.util.function.Predicate<GrayImage> mayResize) {
        messages.clear();
        try {
            GrayImage image = GrayImage.read(file);
            boolean resize = image.height() != 28 || image.width() != 28;
            if (resize && !mayResize.test(image)) {
                messages.showProblem(new UserMessage("The image is " + image.width() + "×" + image.height()
                        + " pixels; the model takes 28×28, and it was not resized.",
                        "Choose the file again and accept the resize, or use a 28×28 image."));
                return;
            }
            imageFile = file;
            resizeImageFile = resize;
            imageFileName.setText("Private image: " + file.getFileName() + (resize ? " (resized to 28×28)" : ""));
            batchSize.set(1);
            batchSize.setDisable(true);
            imageIndex.setDisable(true);
            showOriginal();
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        }
    }

    private void useTestImages() {
        imageFile = null;
        resizeImageFile = false;
        imageFileName.setText("");
        batchSize.setDisable(false);
        imageIndex.setDisable(false);
        showOriginal();
    }

    private String dataReference() {
        return imageFile == null ? FashionMnist.TEST_ID : imageFile.toAbsolutePath().toString();
    }

    /** The page's settings as an experiment setup. */
    private InversionSetup setup() {
        return new InversionSetup(attack.getValue(), optimizer.getValue(), imageIndex.value(), batchSize.value(),
                Math.max(0, fileLabel.getSelectionModel().getSelectedIndex()), resizeImageFile, dlgWeights.isSelected(),
                defense.getValue(), strength.value(), clipNorm.value(), sideBySide.isSelected(), sheet.value());
    }

    private Experiment experiment() {
        CatalogEntry entry = model.getValue();
        String reference = modelFile != null ? modelFile.toString() : entry == null ? "" : entry.id();
        return InversionRun.experiment(reference, dataReference(), setup(), sheet.seed());
    }

    /** Images side by side, each zoomed so that a batch of 8 still fits beside the controls. */
    private javafx.scene.image.Image mosaic(double[][] batch) {
        int w = 28;
        int zoom = batch.length == 1 ? ZOOM : Math.max(2, Math.min(ZOOM, 600 / (w * batch.length)));
        return ImageTiles.grayscale(w, w * batch.length, zoom, (r, c) -> batch[c / w][r * w + c % w]);
    }

    private static double[][] reconstructions(Reconstruction r) {
        double[][] images = new double[r.watched()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.of(i);
        }
        return images;
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            if (model.getValue() == null && modelFile == null) {
                throw new UserFacingException("No model is chosen.", "Choose a bundled image classifier or a model file.");
            }
            Parameters.requireValid(sheet.value());
            Experiment experiment = experiment();
            InversionRun.Prepared prepared = InversionRun.prepare(assets, experiment, Path.of(""));
            showOriginal();
            long seed = experiment.seed();
            InversionTask task = prepared.task();
            curve.clear();
            undefendedCurve.clear();
            shown = null;
            shownRun = prepared;
            shownExperiment = experiment;
            startedAt = Instant.now();
            boolean pair = sideBySide.isSelected() && defense.getValue() != DefenseKind.NONE;
            undefendedBox.setVisible(pair);
            fitImages();
            int first = imageIndex.value();
            String what = imageFile != null ? imageFile.getFileName().toString()
                    : privateImages.length == 1 ? "image " + first : "images " + first + "–" + (first + privateImages.length - 1);
            if (pair) {
                Job<SideBySideTask.Pair> next = new Job<>("Invert " + what + ", with and without "
                        + prepared.defense().describe(), seed, new SideBySideTask(task, prepared.undefendedTask()));
                jobs.start(next, p -> {
                    showDummy(p.defended());
                    InversionSnapshot u = p.undefended();
                    undefendedDummy.setImage(mosaic(reconstructions(showBest.isSelected() ? u.best() : u.current())));
                    status.setText(status.getText() + String.format(Locale.ROOT, "%nWithout the defense: PSNR %.2f dB · SSIM %.4f",
                            u.psnr(), u.ssim()));
                    updateCurves(next.history().stream().map(f -> f.snapshot().defended()).toList(),
                            next.history().stream().map(f -> f.snapshot().undefended()).toList());
                });
            } else {
                Job<InversionSnapshot> next = new Job<>("Invert " + what, seed, task);
                jobs.start(next, s -> {
                    showDummy(s);
                    updateCurves(next.history().stream().map(org.glassbox.engine.Frame::snapshot).toList(), List.of());
                });
            }
        });
    }

    private javafx.beans.value.ObservableValue<Number> imagesWidth;

    /**
     * The images share the width of the view: side by side, each as large as a third of it (or a
     * half, without the undefended one), from 160 to 480 pixels, so that putting the settings away
     * (F9) or a wide window enlarges them; pixels stay sharp squares.
     */
    private void fitImages() {
        double width = imagesWidth == null ? 0 : imagesWidth.getValue().doubleValue();
        int shown = undefendedBox.isVisible() ? 3 : 2;
        int batch = privateImages == null ? 1 : Math.max(1, privateImages.length);
        double each = Math.max(160, Math.min(480 * batch, (width - 40 - 24 * shown) / shown));
        for (ImageView view : List.of(original, dummy, undefendedDummy)) {
            view.setPreserveRatio(true);
            view.setSmooth(false);
            view.setFitWidth(width <= 0 ? 0 : each);
        }
    }

    /**
     * Opens the image inspector on the reconstruction shown (the best iterate if that is shown),
     * with a filmstrip of the run from its history; for a batch, a list chooses the image.
     */
    public org.glassbox.ui.ImageInspector inspect() {
        if (shown == null || shownRun == null) {
            messages.showProblem(new UserMessage("There is no reconstruction yet.", "Press F5 first."));
            return null;
        }
        org.glassbox.ui.ImageInspector inspector = new org.glassbox.ui.ImageInspector();
        List<InversionSnapshot> history = List.copyOf(curve);
        InversionSnapshot at = shown;
        boolean best = showBest.isSelected();
        ClientBatchView batch = new ClientBatchView(shownRun.watched().images(), shownRun.watched().height(), shownRun.watched().width());
        ComboBox<Integer> image = new ComboBox<>();
        for (int i = 0; i < batch.images().length; i++) {
            image.getItems().add(i);
        }
        image.setValue(0);
        image.valueProperty().addListener((o, a, i) -> showInInspector(inspector, batch, at, best, history, i));
        showInInspector(inspector, batch, at, best, history, 0);
        HBox chooser = new HBox(8, new Label("Image of the batch"), image);
        chooser.setAlignment(Pos.CENTER_LEFT);
        chooser.setPadding(new Insets(12, 12, 0, 12));
        chooser.setVisible(batch.images().length > 1);
        chooser.setManaged(chooser.isVisible());
        BorderPane pane = new BorderPane(inspector);
        VBox top = new VBox(8, chooser);
        if (batch.images().length > 1) {
            top.getChildren().add(matching(batch, best ? at.best() : at.current(), image));
        }
        pane.setTop(top);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle("Inspect the reconstruction — Glassbox");
        if (root.getScene() != null) {
            stage.initOwner(root.getScene().getWindow());
            pane.setStyle(root.getScene().getRoot().getStyle()); // presenter mode's text size
        }
        javafx.scene.Scene scene = new javafx.scene.Scene(pane, 1040, 760);
        if (root.getScene() != null) {
            scene.getStylesheets().setAll(root.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        inspector.requestFocus(); // so that +, −, the arrows and 0 work at once
        return inspector;
    }

    /**
     * How the reconstructions were matched to the originals: for each original, the dummy the
     * assignment of least total MSE gave it, that pair's MSE and PSNR, and the total; a click on a
     * pair inspects it.
     */
    private static javafx.scene.Node matching(ClientBatchView batch, Reconstruction r, ComboBox<Integer> image) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("batchMatching");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, caption("Original"), caption(""), caption("Dummy"), caption("MSE"), caption("PSNR"));
        double total = 0;
        int pixels = batch.height() * batch.width();
        for (int i = 0; i < batch.images().length; i++) {
            double[] original = batch.images()[i];
            double[] dummy = r.of(i);
            double mse = org.glassbox.metrics.ImageMetrics.mse(original, dummy);
            total += mse;
            int dummyIndex = r.assignment()[i];
            ImageView o = new ImageView(ImageTiles.grayscale(batch.height(), batch.width(), 2, (row, c) -> original[row * batch.width() + c]));
            ImageView d = new ImageView(ImageTiles.grayscale(batch.height(), batch.width(), 2, (row, c) -> dummy[row * batch.width() + c]));
            Label arrow = new Label("→");
            Label dummyName = new Label("#" + dummyIndex);
            HBox dummyCell = new HBox(6, d, dummyName);
            dummyCell.setAlignment(Pos.CENTER_LEFT);
            int index = i;
            for (javafx.scene.Node n : List.of(o, dummyCell)) {
                n.setOnMouseClicked(e -> image.setValue(index));
                n.setCursor(javafx.scene.Cursor.HAND);
            }
            grid.addRow(i + 1, new HBox(6, new Label("#" + i), o), arrow, dummyCell,
                    new Label(String.format(Locale.ROOT, "%.5f", mse)),
                    new Label(String.format(Locale.ROOT, "%.2f dB", org.glassbox.metrics.ImageMetrics.psnr(original, dummy))));
        }
        Label sum = new Label(String.format(Locale.ROOT, "Matched by the assignment of least total MSE over all %d! pairings:"
                + " total %.5f (%d pixels each). Click a pair to inspect it.", batch.images().length, total, pixels));
        sum.setWrapText(true);
        VBox box = new VBox(6, sum, grid);
        box.setPadding(new Insets(0, 12, 0, 12));
        return box;
    }

    /** The watched images of a run, as the inspector takes them. */
    private record ClientBatchView(double[][] images, int height, int width) {
    }

    private static void showInInspector(org.glassbox.ui.ImageInspector inspector, ClientBatchView batch, InversionSnapshot at,
                                        boolean best, List<InversionSnapshot> history, int index) {
        double[] original = batch.images()[index];
        Reconstruction r = best ? at.best() : at.current();
        inspector.show(new org.glassbox.ui.ImageInspector.Pair((best ? "Best iterate, iteration " + at.bestIteration()
                : "Iteration " + at.iteration()), batch.height(), batch.width(), original, r.of(index)));
        List<org.glassbox.ui.ImageInspector.Pair> frames = new ArrayList<>();
        // up to ten iterations, spaced evenly on a log scale: the early ones are where the image appears
        java.util.Set<Integer> picked = new java.util.TreeSet<>();
        for (int k = 0; k < 10 && !history.isEmpty(); k++) {
            picked.add(Math.max(0, (int) Math.round(Math.pow(history.size(), k / 9.0)) - 1));
        }
        for (int i : picked) {
            InversionSnapshot s = history.get(i);
            frames.add(new org.glassbox.ui.ImageInspector.Pair("iteration " + s.iteration(), batch.height(), batch.width(), original,
                    s.current().of(index)));
        }
        inspector.setFilmstrip(frames);
    }

    private void showDummy(InversionSnapshot s) {
        shown = s;
        narrate(s.psnr() >= 30 ? "The private image is back (above 30 dB): the shared gradient gave it away."
                : s.psnr() >= 15 ? "The shape is appearing: the closer the two gradients match, the closer the image."
                : s.iteration() < 20 ? "The attacker sees only the gradient the client shared. It starts from noise and changes its"
                        + " guess until the guess's gradient matches that one."
                : !(shownRun.defense() instanceof org.glassbox.inversion.Defense.None)
                        ? "With the defense, matching the gradient does not bring the image back: the guess stays noise."
                : "Still noise: the gradients do not match yet.");
        Reconstruction r = showBest.isSelected() ? s.best() : s.current();
        dummy.setImage(mosaic(reconstructions(r)));
        int[] labels = new int[r.watched()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.labelOf(i);
        }
        String source = shownRun.setup().attack().jointLabel() ? "learned with the image (DLG)" : "read from the gradient";
        String restarts = shownRun.setup().parameters().restarts() > 1
                ? String.format(Locale.ROOT, " · restart %d of %d", s.restart() + 1, shownRun.setup().parameters().restarts()) : "";
        status.setText(String.format(Locale.ROOT, "Iteration %,d%s · matching loss %.3e · %sPSNR %.2f dB · SSIM %.4f%n"
                        + "Label%s %s: %s · true: %s%nBest so far (least matching loss): iteration %,d, PSNR %.2f dB%s",
                s.iteration(), restarts, s.loss(), r.watched() > 1 ? "mean " : "", s.psnr(), s.ssim(),
                r.watched() > 1 ? "s" : "", source, shownRun.labelNames(labels), shownRun.labelNames(shownRun.watched().labels()),
                s.bestIteration(), s.best().psnr(), r.watched() > 1 ? " (reconstructions matched to originals by least total MSE)" : ""));
        if (shownRun.client().size() > shownRun.watched().size()) {
            status.setText(status.getText() + String.format(Locale.ROOT, "%nThe client's gradient covers %d images: yours and %d"
                    + " more; the attack reconstructs all of them.", shownRun.client().size(),
                    shownRun.client().size() - shownRun.watched().size()));
        }
    }

    /** The curves from the job's history (bounded, evenly thinned), so a long run stays cheap to draw; with the defense when side by side. */
    private void updateCurves(List<InversionSnapshot> frames, List<InversionSnapshot> undefendedFrames) {
        undefendedCurve.clear();
        undefendedCurve.addAll(undefendedFrames);
        curve.clear();
        curve.addAll(frames);
        boolean pair = !undefendedFrames.isEmpty();
        String defended = pair ? "with " + shownRun.defense().describe() : "reconstruction";
        for (PlotView view : List.of(lossPlot, psnrPlot, ssimPlot)) {
            view.plot().clear();
        }
        drawCurves(frames, defended);
        if (pair) {
            drawCurves(undefendedFrames, "without the defense");
        }
    }

    private void drawCurves(List<InversionSnapshot> frames, String name) {
        double[] iteration = new double[frames.size()];
        double[] loss = new double[frames.size()];
        double[] psnr = new double[frames.size()];
        double[] ssim = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            InversionSnapshot s = frames.get(i);
            iteration[i] = s.iteration();
            loss[i] = Math.max(s.loss(), 1e-30);
            psnr[i] = Math.min(s.psnr(), 200);
            ssim[i] = s.ssim();
        }
        lossPlot.plot().series(name, iteration, loss);
        psnrPlot.plot().series(name, iteration, psnr);
        ssimPlot.plot().series(name, iteration, ssim);
    }

    private boolean requireRun() {
        if (curve.isEmpty()) {
            messages.showProblem(new UserMessage("There is no run yet.", "Press F5 first."));
            return false;
        }
        return true;
    }


    @Override
    protected boolean hasResults() {
        return !curve.isEmpty();
    }

    @Override
    protected void writeResults(Path folder) throws IOException {
        InversionRun.writeResults(folder, shownExperiment, shownRun, List.copyOf(curve), List.copyOf(undefendedCurve), startedAt, jobSeconds());
    }

    private void exportStrip() {
        if (!requireRun()) {
            return;
        }
        File file = Forms.saveFile(root, "PNG image", "inversion-strip.png", "*.png");
        if (file != null) {
            List<InversionSnapshot> shots = new ArrayList<>();
            for (int k = 1; k <= 9; k++) {
                shots.add(curve.get(Math.max(0, (int) Math.round(Math.pow(curve.size(), k / 9.0)) - 1)));
            }
            messages.writeOrReport(() -> javax.imageio.ImageIO.write(InversionExports.strip(shownRun.watched().images()[0], shots,
                    28, 28), "png", file), file);
        }
    }

    private void exportCurves() {
        if (!requireRun()) {
            return;
        }
        File file = Forms.saveFile(root, "CSV", "inversion-curves.csv", "*.csv");
        if (file != null) {
            messages.writeOrReport(() -> InversionExports.writeCurves(curve, file.toPath()), file);
        }
    }

    @Override
    public void open() {
        messages.showInfo("Gradient inversion attacks the bundled image classifiers; choose one under Model.");
    }

    @Override
    public Experiment currentExperiment() {
        return experiment();
    }

    /** The experiment's settings into the controls; a model file is opened last, in the background. */
    @Override
    protected void show(Experiment e, Path base) throws Exception {
        InversionSetup setup = InversionRun.setup(e);
        attack.setValue(setup.attack());
        optimizer.setValue(setup.optimizer());
        sheet.setValue(setup.parameters());
        sheet.setSeed(e.seed());
        dlgWeights.setSelected(setup.dlgWeights());
        defense.setValue(setup.defense());
        strength.set(setup.strength());
        clipNorm.set(setup.clipNorm());
        sideBySide.setSelected(setup.sideBySide());
        fileLabel.getSelectionModel().select(setup.fileLabel());
        imageIndex.set(setup.image());
        if (FashionMnist.TEST_ID.equals(e.data())) {
            useTestImages();
            batchSize.set(setup.batch());
        } else {
            useImageFile(base.resolve(e.data()), image -> setup.resize());
        }
        java.util.Optional<CatalogEntry> entry = model.getItems().stream().filter(m -> m.id().equals(e.model())).findFirst();
        if (entry.isPresent()) {
            model.setValue(entry.get());
        } else {
            useModelFile(base.resolve(e.model()));
        }
    }
}
