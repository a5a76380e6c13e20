package org.glassbox.inversion.ui;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Frame;
import org.glassbox.engine.Job;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.Parameters;
import org.glassbox.inversion.DefenseKind;
import org.glassbox.inversion.DefensePriceTask;
import org.glassbox.inversion.PriceSnapshot;
import org.glassbox.inversion.SideBySideTask;
import org.glassbox.inversion.InversionAttack;
import org.glassbox.inversion.InversionExports;
import org.glassbox.inversion.InversionParameters;
import org.glassbox.inversion.InversionSnapshot;
import org.glassbox.inversion.InversionTask;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import org.glassbox.ui.CurveView;
import org.glassbox.ui.Forms;
import org.glassbox.ui.DoubleText;
import org.glassbox.ui.ImageTiles;
import org.glassbox.ui.JobControls;
import org.glassbox.ui.JobPresenter;
import org.glassbox.ui.Messages;
import org.glassbox.ui.ParameterSheet;
import org.glassbox.ui.WorkspacePage;

/**
 * Gradient inversion: a client's private image re-appears, step by step, from the gradient it
 * shares (DLG with iDLG's label), beside the original, with the matching loss, PSNR and SSIM.
 */
public final class InversionPage implements WorkspacePage {

    private static final int ZOOM = 8;

    private final Assets assets;
    private final ModelCatalog catalog;
    private final BorderPane root = new BorderPane();
    private final Messages messages = new Messages();
    private final ComboBox<CatalogEntry> model = new ComboBox<>();
    private final Spinner<Integer> imageIndex = new Spinner<>(0, 1999, 0);
    private final Spinner<Integer> batchSize = new Spinner<>(1, org.glassbox.inversion.Assignment.MAX_SIZE, 1);
    private final ComboBox<InversionAttack> attack = new ComboBox<>();
    private final ComboBox<DefenseKind> defense = new ComboBox<>();
    private final Spinner<Double> strength = new Spinner<>(0.0, 1e6, 0.01, 0.01);
    private final Spinner<Double> clipNorm = new Spinner<>(1e-6, 1e6, 1.0, 0.1);
    private final CheckBox sideBySide = new CheckBox("Side by side: also attack the undefended gradient (same seed)");
    private final ImageView undefendedDummy = new ImageView();
    private final Label originalCaption = new Label("Private image (the client's)");
    private final Label dummyCaption = new Label("Attacker's reconstruction");
    private final VBox undefendedBox = new VBox(4);
    private final CheckBox dlgWeights = new CheckBox("DLG's setting: weights drawn U(−0.5, 0.5) from the seed");
    private final ParameterSheet<InversionParameters> sheet =
            new ParameterSheet<>(InversionParameters.class, InversionParameters.defaults(), 1);
    private final JobControls controls = new JobControls(this::run);
    private final ImageView original = new ImageView();
    private final ImageView dummy = new ImageView();
    private final Label status = new Label("Press F5 to attack the chosen image.");
    private final CurveView lossCurve = new CurveView("log10 matching loss", Color.web("#c0392b"));
    private final CurveView psnrCurve = new CurveView("PSNR (dB)", Color.web("#1f5fbf"));
    private final CurveView ssimCurve = new CurveView("SSIM", Color.web("#2e8b57"));
    private final JobPresenter jobs = new JobPresenter(controls, messages);
    private final Label price = new Label("Price of the defense: press 'Measure its price' to train a LeNet with and without it.");
    private final CurveView plainAccuracy = new CurveView("Test accuracy without the defense", Color.web("#1f5fbf"));
    private final CurveView defendedAccuracy = new CurveView("Test accuracy with the defense", Color.web("#c0392b"));
    private LabeledImages test;
    private double[] privateImage;
    private double[][] privateImages;
    private int[] recoveredLabels = new int[0];
    private int[] trueLabels = new int[0];
    private final List<InversionSnapshot> curve = new ArrayList<>();

    public InversionPage(Assets assets) throws IOException {
        this.assets = assets;
        this.catalog = ModelCatalog.read(assets.sampleModels());
        build();
    }

    @Override
    public String title() {
        return "Gradient inversion";
    }

    @Override
    public String description() {
        return "Watch a private training image re-appear from the gradient a federated client shares.";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public JobPresenter jobs() {
        return jobs;
    }

    private void build() {
        model.getItems().setAll(catalog.models().stream().filter(CatalogEntry::isImageClassifier).toList());
        catalog.find("lenet-sigmoid").ifPresent(model::setValue);
        model.setId("inversionModel");
        imageIndex.setEditable(true);
        imageIndex.setId("privateImage");
        imageIndex.valueProperty().addListener((o, a, v) -> showOriginal());
        batchSize.setEditable(true);
        batchSize.setId("batchSize");
        batchSize.setTooltip(new Tooltip("Private images from the one above on, sharing one gradient (their labels must differ)"));
        batchSize.valueProperty().addListener((o, a, v) -> showOriginal());
        dlgWeights.setSelected(true);
        dlgWeights.setWrapText(true);
        dlgWeights.setTooltip(new Tooltip("As in the DLG paper's code: the client at the first round of federated training."
                + " Off: attack the model as trained (much harder for this attack)."));
        Label title = new Label("Attack on one shared gradient");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        attack.getItems().setAll(InversionAttack.values());
        attack.setValue(InversionAttack.DLG);
        attack.setId("attack");
        attack.setTooltip(new Tooltip("Choosing an attack loads its paper's preset into the parameters below"));
        attack.valueProperty().addListener((o, a, chosen) -> sheet.setValue(chosen.defaults()));
        defense.getItems().setAll(DefenseKind.values());
        defense.setValue(DefenseKind.NONE);
        defense.setId("defense");
        strength.setEditable(true);
        clipNorm.setEditable(true);
        strength.getValueFactory().setConverter(new DoubleText(strength.getValueFactory()));
        clipNorm.getValueFactory().setConverter(new DoubleText(clipNorm.getValueFactory()));
        strength.disableProperty().bind(defense.valueProperty().isEqualTo(DefenseKind.NONE));
        clipNorm.disableProperty().bind(defense.valueProperty().isNotEqualTo(DefenseKind.DP_SGD));
        strength.setTooltip(new Tooltip("σ for Gaussian noise, b for Laplacian noise, the fraction zeroed for pruning,"
                + " the noise multiplier for DP-SGD"));
        Label defenseTitle = new Label("Defense on the shared gradient");
        defenseTitle.getStyleClass().add("title-4");
        VBox settings = new VBox(10, title, Forms.row("Attack", attack, 130), Forms.row("Model", model, 130),
                Forms.row("Private test image", imageIndex, 130), Forms.row("Batch size", batchSize, 130),
                dlgWeights, sheet, defenseTitle, Forms.row("Defense", defense, 130), Forms.row("Strength", strength, 130),
                Forms.row("Clip norm C", clipNorm, 130), sideBySide, priceButton());
        sideBySide.setWrapText(true);
        sideBySide.setId("sideBySide");
        settings.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(scroll);
        left.setBottom(controls);
        left.setMinWidth(390);

        originalCaption.getStyleClass().add("text-caption");
        dummyCaption.getStyleClass().add("text-caption");
        VBox originalBox = new VBox(4, originalCaption, original);
        VBox dummyBox = new VBox(4, dummyCaption, dummy);
        undefendedBox.getChildren().setAll(caption("Without the defense"), undefendedDummy);
        undefendedBox.setVisible(false);
        undefendedBox.managedProperty().bind(undefendedBox.visibleProperty());
        FlowPane images = new FlowPane(24, 12, originalBox, dummyBox, undefendedBox);
        status.setId("inversionStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button strip = new Button("Strip PNG…");
        strip.setOnAction(e -> exportStrip());
        Button csv = new Button("Curves CSV…");
        csv.setOnAction(e -> exportCurves());
        FlowPane exports = new FlowPane(8, 6, new Label("Export"), strip, csv);
        exports.setAlignment(Pos.CENTER_LEFT);
        price.setId("defensePrice");
        price.setWrapText(true);
        price.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox priceCurves = new HBox(8, plainAccuracy, defendedAccuracy);
        HBox.setHgrow(plainAccuracy, Priority.ALWAYS);
        HBox.setHgrow(defendedAccuracy, Priority.ALWAYS);
        VBox curves = new VBox(8, lossCurve, psnrCurve, ssimCurve, price, priceCurves);
        VBox right = new VBox(12, images, status, exports, curves);
        right.setPadding(new Insets(12));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, rightScroll);
        split.setDividerPositions(0.34);
        root.setTop(messages);
        root.setCenter(split);
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
            org.glassbox.inversion.Defense chosen = defense.getValue().create(strength.getValue(), clipNorm.getValue());
            LabeledImages train = FashionMnist.train(assets);
            if (test == null) {
                test = FashionMnist.test(assets);
            }
            long seed = sheet.seed();
            DefensePriceTask task = new DefensePriceTask(org.glassbox.models.samples.SampleModels.lenetSigmoid(seed), chosen,
                    train, test, 30, 10, 32, seed);
            Job<PriceSnapshot> next = new Job<>("Price of " + chosen.describe(), seed, task);
            jobs.start(next, p -> {
                price.setText(String.format(Locale.ROOT, "Price of %s: after %d training steps of 32 images, test accuracy"
                        + " %.1f %% without it, %.1f %% with it.", chosen.describe(), p.steps(), 100 * p.accuracyUndefended(),
                        100 * p.accuracyDefended()));
                plainAccuracy.setValues(p.undefendedCurve());
                defendedAccuracy.setValues(p.defendedCurve());
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

    private void showOriginal() {
        try {
            if (test == null) {
                test = FashionMnist.test(assets);
            }
        } catch (IOException e) {
            messages.showProblem(Failures.describe(e));
            return;
        }
        int index = imageIndex.getValue();
        int count = Math.min(batchSize.getValue(), test.size() - index);
        privateImages = new double[count][];
        for (int k = 0; k < count; k++) {
            privateImages[k] = test.image(index + k);
        }
        privateImage = privateImages[0];
        original.setImage(mosaic(privateImages));
        originalCaption.setText(count == 1 ? "Private image (the client's)" : "Private images (the client's batch)");
        dummyCaption.setText(count == 1 ? "Attacker's reconstruction" : "Attacker's reconstructions, matched to the originals");
    }

    /** Images side by side, each zoomed so that a batch of 8 still fits beside the controls. */
    private javafx.scene.image.Image mosaic(double[][] batch) {
        int w = test.width();
        int zoom = batch.length == 1 ? ZOOM : Math.max(2, Math.min(ZOOM, 600 / (w * batch.length)));
        return ImageTiles.grayscale(test.height(), w * batch.length, zoom, (r, c) -> batch[c / w][r * w + c % w]);
    }

    private String names(int[] labels) {
        return String.join(", ", java.util.Arrays.stream(labels).mapToObj(l -> test.classNames().get(l)).toList());
    }

    private double[][] reconstructions(InversionSnapshot s) {
        double[][] images = new double[s.batchSize()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = s.reconstructionOf(i);
        }
        return images;
    }

    @Override
    public void run() {
        if (jobs.isBusy()) {
            return;
        }
        messages.clear();
        InversionParameters parameters = sheet.value();
        try {
            Parameters.requireValid(parameters);
            CatalogEntry entry = model.getValue();
            if (entry == null) {
                throw new UserFacingException("No model is chosen.", "Choose an image classifier.");
            }
            ModelHandle handle = catalog.load(entry.id());
            ModelChecks.requireImageClassifier(handle, catalog.pathOf(entry), 1, 28, 28, 10);
            ModelChecks.requireLoss(handle, catalog.pathOf(entry));
            showOriginal();
            int index = imageIndex.getValue();
            int[] labels = new int[privateImages.length];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = test.labels()[index + k];
                for (int j = 0; j < k; j++) {
                    if (labels[j] == labels[k]) {
                        throw new UserFacingException("Test images " + (index + j) + " and " + (index + k) + " are both "
                                + test.classNames().get(labels[k]) + "; in a batch, the attack reads one label per class.",
                                "Choose a smaller batch or another first image, so that the labels differ.");
                    }
                }
            }
            long seed = sheet.seed();
            org.glassbox.inversion.Defense chosen = defense.getValue().create(strength.getValue(), clipNorm.getValue());
            InversionTask task = new InversionTask(handle, privateImages, test.height(), test.width(), labels,
                    attack.getValue(), parameters, seed, dlgWeights.isSelected(), chosen);
            recoveredLabels = task.recoveredLabels();
            trueLabels = labels.clone();
            java.util.Arrays.sort(trueLabels);
            curve.clear();
            boolean pair = sideBySide.isSelected() && defense.getValue() != DefenseKind.NONE;
            undefendedBox.setVisible(pair);
            for (ImageView view : List.of(original, dummy, undefendedDummy)) {
                view.setPreserveRatio(true);
                view.setSmooth(false);
                view.setFitWidth(pair && privateImages.length == 1 ? 180 : 0);
            }
            if (pair) {
                InversionTask plain = new InversionTask(handle, privateImages, test.height(), test.width(), labels,
                        attack.getValue(), parameters, seed, dlgWeights.isSelected(), new org.glassbox.inversion.Defense.None());
                Job<SideBySideTask.Pair> next = new Job<>("Invert image " + index + ", with and without "
                        + chosen.describe(), seed, new SideBySideTask(task, plain));
                jobs.start(next, p -> {
                    showDummy(p.defended());
                    InversionSnapshot u = p.undefended();
                    undefendedDummy.setImage(mosaic(reconstructions(u)));
                    status.setText(status.getText() + String.format(Locale.ROOT, "%nWithout the defense: PSNR %.2f dB · SSIM %.4f",
                            u.psnr(), u.ssim()));
                    updateCurves(next.history().stream().map(f -> f.snapshot().defended()).toList());
                });
            } else {
                Job<InversionSnapshot> next = new Job<>("Invert image " + index, seed, task);
                jobs.start(next, s -> {
                    showDummy(s);
                    updateCurves(next.history().stream().map(org.glassbox.engine.Frame::snapshot).toList());
                });
            }
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        }
    }

    private void showDummy(InversionSnapshot s) {
        dummy.setImage(mosaic(reconstructions(s)));
        if (s.batchSize() == 1) {
            status.setText(String.format(Locale.ROOT, "Iteration %,d · matching loss %.3e · PSNR %.2f dB · SSIM %.4f%n"
                            + "Label read from the gradient (iDLG): %s · true label: %s", s.iteration(), s.loss(), s.psnr(), s.ssim(),
                    test.classNames().get(s.recoveredLabel()), test.classNames().get(test.labels()[imageIndex.getValue()])));
        } else {
            status.setText(String.format(Locale.ROOT, "Iteration %,d · matching loss %.3e · mean PSNR %.2f dB · mean SSIM %.4f"
                            + " (reconstructions matched to originals by least total MSE)%nLabels read from the gradient: %s"
                            + " · true labels: %s", s.iteration(), s.loss(), s.psnr(), s.ssim(), names(recoveredLabels),
                    names(trueLabels)));
        }
    }

    /** The curves from the job's history (bounded, evenly thinned), so a long run stays cheap to draw; with the defense when side by side. */
    private void updateCurves(List<InversionSnapshot> frames) {
        double[] loss = new double[frames.size()];
        double[] psnr = new double[frames.size()];
        double[] ssim = new double[frames.size()];
        curve.clear();
        for (int i = 0; i < frames.size(); i++) {
            InversionSnapshot s = frames.get(i);
            curve.add(s);
            loss[i] = Math.log10(Math.max(s.loss(), 1e-300));
            psnr[i] = Math.min(s.psnr(), 200);
            ssim[i] = s.ssim();
        }
        lossCurve.setValues(loss);
        psnrCurve.setValues(psnr);
        ssimCurve.setValues(ssim);
    }

    private void exportStrip() {
        if (curve.isEmpty()) {
            messages.showProblem(new UserMessage("There is no run yet.", "Press F5 first."));
            return;
        }
        File file = Forms.saveFile(root, "PNG image", "inversion-strip.png", "*.png");
        if (file != null) {
            List<InversionSnapshot> shots = new ArrayList<>();
            for (int k = 1; k <= 9; k++) {
                shots.add(curve.get(Math.max(0, (int) Math.round(Math.pow(curve.size(), k / 9.0)) - 1)));
            }
            try {
                javax.imageio.ImageIO.write(InversionExports.strip(privateImage, shots, test.height(), test.width()), "png", file);
                messages.showInfo("Saved " + file + ".");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
            }
        }
    }

    private void exportCurves() {
        if (curve.isEmpty()) {
            messages.showProblem(new UserMessage("There is no run yet.", "Press F5 first."));
            return;
        }
        File file = Forms.saveFile(root, "CSV", "inversion-curves.csv", "*.csv");
        if (file != null) {
            try {
                InversionExports.writeCurves(curve, file.toPath());
                messages.showInfo("Saved " + file + " (the run's kept history, evenly thinned for long runs).");
            } catch (IOException e) {
                messages.showProblem(new UserMessage("Could not write " + file + ": " + e.getMessage(), "Choose another file."));
            }
        }
    }

    @Override
    public void open() {
        messages.showInfo("Gradient inversion attacks the bundled image classifiers; choose one under Model.");
    }

    @Override
    public void openExperiment() {
        messages.showInfo("Experiment files for Gradient inversion are not supported yet; glassbox invert runs it headless.");
    }

    @Override
    public void saveExperiment() {
        messages.showInfo("Experiment files for Gradient inversion are not supported yet; export the strip or the curves.");
    }
}
