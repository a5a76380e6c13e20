package org.glassbox.watermark.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.glassbox.data.Assets;
import org.glassbox.engine.Failures;
import org.glassbox.engine.Job;
import org.glassbox.engine.UserFacingException;
import org.glassbox.engine.UserMessage;
import org.glassbox.experiment.Parameters;
import org.glassbox.ui.PlotView;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.Forms;
import org.glassbox.ui.ParameterSheet;
import org.glassbox.watermark.Detection;
import org.glassbox.watermark.GenerationParameters;
import org.glassbox.watermark.GenerationSettings;
import org.glassbox.watermark.GenerationSnapshot;
import org.glassbox.watermark.GenerationTask;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.LanguageModel;
import org.glassbox.watermark.ScoredText;
import org.glassbox.watermark.SeedingScheme;
import org.glassbox.watermark.TextAttack;
import org.glassbox.watermark.TokenMark;
import org.glassbox.watermark.WatermarkDetector;
import org.glassbox.watermark.WatermarkEvaluation;
import org.glassbox.watermark.WatermarkEvaluationParameters;
import org.glassbox.watermark.WatermarkKey;
import org.glassbox.watermark.WatermarkResults;
import org.glassbox.watermark.WordTokenizer;
import org.glassbox.watermark.WatermarkRun;
import org.glassbox.watermark.WatermarkSetup;
import org.glassbox.experiment.Experiment;

/**
 * Text watermarks: the bundled language model writes after a prompt with a KGW watermark, the words
 * stream into an editor coloured green and red by the detector, and the z-score climbs token by
 * token. The person can edit the text, paste their own, or attack it with sliders, and the colours
 * and the score follow every keystroke.
 */
public final class WatermarkPage extends org.glassbox.ui.WorkspacePageBase {

    private final BorderPane root = new BorderPane();
    private final TextArea prompt = new TextArea("And God said");
    private final ComboBox<SeedingScheme> scheme = new ComboBox<>();
    private final CheckBox greedy = new CheckBox("Greedy (take the most likely word)");
    private final ParameterSheet<GenerationParameters> sheet =
            new ParameterSheet<>(GenerationParameters.class, GenerationParameters.defaults(), 1);
    private final org.glassbox.ui.NumberField<Double> threshold = org.glassbox.ui.FieldSpinners.decimal(WatermarkSetup.class, "threshold",
            WatermarkSetup.defaults().threshold(), 0.5);
    private final CheckBox ignoreRepeated = new CheckBox("Ignore repeated (context, word) pairs");
    private final StyleClassedTextArea editor = new StyleClassedTextArea();
    private final Label verdict = new Label("Press F5 to write watermarked text, or type or paste text to test it.");
    private final Label details = new Label();
    private final PlotView zPlot = new PlotView(new Plot("Detection score as the text grows", "scored words T", "z"));
    private final Slider deletion = strengthSlider("deletionSlider");
    private final Slider substitution = strengthSlider("substitutionSlider");
    private final ComboBox<TextAttack.Source> substitutionSource = new ComboBox<>();
    private final Slider insertion = strengthSlider("insertionSlider");
    private final Slider copyPaste = strengthSlider("copyPasteSlider");
    private final Label attackStatus = new Label("Attacks act on the text as generated or last typed.");

    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final ImageWatermarkView imageView;
    private javafx.scene.control.Tab textTab;
    private final org.glassbox.ui.NumberField<Integer> generationsSpinner = org.glassbox.ui.FieldSpinners.whole(WatermarkEvaluationParameters.class,
            "generations", WatermarkEvaluationParameters.defaults().generations());
    private final org.glassbox.ui.NumberField<Integer> humanSpinner = org.glassbox.ui.FieldSpinners.whole(WatermarkEvaluationParameters.class,
            "humanPassages", WatermarkEvaluationParameters.defaults().humanPassages());
    private final org.glassbox.ui.NumberField<Double> strengthSpinner = org.glassbox.ui.FieldSpinners.decimal(WatermarkEvaluationParameters.class,
            "attackStrength", WatermarkEvaluationParameters.defaults().attackStrength(), 0.05);
    private final javafx.scene.control.TableView<WatermarkEvaluation.Row> evaluationTable = new javafx.scene.control.TableView<>();
    private final Label evaluationStatus = new Label();
    private final javafx.scene.image.ImageView rocView = new javafx.scene.image.ImageView();
    private WatermarkEvaluation.Snapshot evaluation;
    private WatermarkEvaluationParameters evaluationParameters;
    private GenerationSettings evaluationSettings;
    private long evaluationSeed;

    private LanguageModel model;
    private LanguageModel attackModel;
    private KjvCorpus corpus;
    private TextAttack attack;
    /** The text the attacks start from: the generation, or the person's last edit with no attack on. */
    private String original = "";
    /** Text this page put into the editor itself; any other change is the person's edit. */
    private String programmatic;
    private boolean resettingSliders;
    private ScoredText scored;
    private double lastScoreMillis;

    public WatermarkPage(Assets assets) {
        this(org.glassbox.ui.PageContext.background(assets));
    }

    /** A page whose background work runs on the context's executor. */
    public WatermarkPage(org.glassbox.ui.PageContext context) {
        super(context, new org.glassbox.watermark.WatermarkWorkspace());
        this.imageView = new ImageWatermarkView(assets, messages::showProblem);
        build();
        loadModelInBackground();
    }

    @Override
    public Node view() {
        return root;
    }

    private static Slider strengthSlider(String id) {
        Slider s = new Slider(0, 1, 0);
        s.setId(id);
        s.setMajorTickUnit(0.25);
        s.setBlockIncrement(0.05);
        s.setShowTickMarks(true);
        return s;
    }

    private void build() {
        root.getStylesheets().add(WatermarkPage.class.getResource("watermark.css").toExternalForm());
        prompt.setId("watermarkPrompt");
        prompt.setPrefRowCount(2);
        prompt.setWrapText(true);
        scheme.getItems().setAll(SeedingScheme.values());
        scheme.setValue(SeedingScheme.LEFT_HASH);
        scheme.setId("seedingScheme");
        scheme.setTooltip(new Tooltip("Left hash: the previous word seeds the green list. Self-hash: the three words before"
                + " and the word itself, by anchored min-hash (more robust to edits)."));
        threshold.setId("zThreshold");
        threshold.setEditable(true);
        threshold.setPrefWidth(100);
        threshold.setTooltip(new Tooltip("Text is called watermarked when z exceeds this. z = 4: one-sided p ≈ 3.2e-5."));
        ignoreRepeated.setSelected(true);
        ignoreRepeated.setWrapText(true);
        ignoreRepeated.setTooltip(new Tooltip("A repeated context draws the same green list again; counting it twice breaks the"
                + " z-test's independence (the reference code's advice)."));
        Label title = new Label("KGW green-list watermark");
        title.getStyleClass().add("title-4");
        Label how = new Label("Each word's green list (a share γ of the vocabulary) is drawn from a key and the words before"
                + " it; δ is added to green words' scores before sampling (Kirchenbauer et al. 2023). The detector counts green"
                + " words: z = (green − γT) / √(Tγ(1 − γ)).");
        how.setWrapText(true);
        Label promptLabel = new Label("_Prompt");
        promptLabel.setMnemonicParsing(true);
        promptLabel.setLabelFor(prompt);
        Label detectorTitle = new Label("Detector");
        detectorTitle.getStyleClass().add("title-4");
        Button human = new Button("Human passage");
        human.setId("humanPassage");
        human.setTooltip(new Tooltip("Put 200 words of a held-out chapter (never seen by the model or the key) into the editor"));
        human.setOnAction(e -> showHumanPassage());
        Button save = new Button("Save results…");
        save.setOnAction(e -> saveResults());
        VBox settings = new VBox(8, title, promptLabel, prompt, Forms.row("Seeding", scheme, 70), sheet, greedy,
                new Separator(), detectorTitle, Forms.row("Threshold z", threshold, 90), ignoreRepeated,
                new HBox(6, human, save), how);
        settings.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        controls.setPadding(new Insets(8, 12, 12, 12));
        BorderPane left = new BorderPane(scroll);
        left.setBottom(controls);
        left.setStyle("-fx-min-width: 17em;"); // grows with the text size; labels wrap below it
        left.setPrefWidth(360);

        verdict.setId("watermarkVerdict");
        verdict.getStyleClass().add("title-3");
        verdict.setWrapText(true);
        details.setId("watermarkDetails");
        details.setWrapText(true);
        details.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        editor.setId("watermarkEditor");
        editor.setWrapText(true);
        editor.getStyleClass().add("watermark-editor");
        editor.setPadding(new Insets(6));
        editor.textProperty().addListener((o, a, b) -> onTextChanged(b));
        VirtualizedScrollPane<StyleClassedTextArea> editorScroll = new VirtualizedScrollPane<>(editor);
        VBox.setVgrow(editorScroll, Priority.ALWAYS);
        HBox legend = new HBox(6, swatch("green", "wm-green"), swatch("red", "wm-red"),
                swatch("repeated, not counted", "wm-repeated"), swatch("no context yet", "wm-unscored"));
        legend.setAlignment(Pos.CENTER_LEFT);
        zPlot.setId("zCurve");
        zPlot.plot().reference(4, "threshold");
        threshold.valueProperty().addListener((o, a, b) -> {
            zPlot.plot().reference(b, "threshold z = " + org.glassbox.ui.DoubleText.format(b));
            rescore();
        });
        ignoreRepeated.selectedProperty().addListener((o, a, b) -> rescore());
        scheme.valueProperty().addListener((o, a, b) -> rescore());
        sheet.setOnChange(this::rescore);
        VBox text = new VBox(8, explanation(), verdict, details, legend, editorScroll, zPlot);
        text.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(text, Priority.ALWAYS);
        textTab = new javafx.scene.control.Tab("Text", text);
        javafx.scene.control.Tab evaluationTab = new javafx.scene.control.Tab("Evaluation (ROC)", buildEvaluation());
        evaluationTab.setId("evaluationTab");
        javafx.scene.control.Tab imageTab = new javafx.scene.control.Tab("Image watermark", imageView);
        imageTab.setId("imageTab");
        imageTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                imageView.start();
            }
        });
        sheet.seedProperty().addListener((o, a, b) -> imageView.setSeed(b));
        tabs.getTabs().setAll(textTab, evaluationTab, imageTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox center = new VBox(8, messages, tabs);
        center.setPadding(new Insets(12));

        substitutionSource.getItems().setAll(TextAttack.Source.values());
        substitutionSource.setValue(TextAttack.Source.RANDOM_WORDS);
        substitutionSource.setId("substitutionSource");
        substitutionSource.setMaxWidth(Double.MAX_VALUE);
        for (Slider s : List.of(deletion, substitution, insertion, copyPaste)) {
            s.valueProperty().addListener((o, a, b) -> applyAttacks());
        }
        substitutionSource.valueProperty().addListener((o, a, b) -> applyAttacks());
        GridPane attacks = new GridPane();
        attacks.setHgap(8);
        attacks.setVgap(6);
        addSlider(attacks, 0, "Deletion", deletion, "Share of words deleted");
        addSlider(attacks, 1, "Substitution", substitution, "Share of words replaced");
        attacks.add(substitutionSource, 0, 2, 3, 1);
        addSlider(attacks, 3, "Insertion", insertion, "Share of words followed by an inserted random word");
        addSlider(attacks, 4, "Copy-paste", copyPaste, "Share of a human passage overwritten by the watermarked text, in"
                + " three spans (CP-3 of Kirchenbauer et al. 2024)");
        Label attacksTitle = new Label("Attacks");
        attacksTitle.getStyleClass().add("title-4");
        attackStatus.setWrapText(true);
        attackStatus.setId("attackStatus");
        Button clear = new Button("No attack");
        clear.setOnAction(e -> resetSliders(true));
        VBox right = new VBox(10, attacksTitle, attacks, clear, attackStatus);
        right.setPadding(new Insets(12));
        right.setMinWidth(270);
        right.setPrefWidth(290);

        SplitPane split = settingsBeside(left, center, right);
        textTab.selectedProperty().addListener((o, a, selected) -> {
            double[] dividers = split.getDividerPositions();
            if (selected && !split.getItems().contains(right)) {
                split.getItems().add(right);
                split.setDividerPositions(dividers[0], 0.78);
            } else if (!selected) {
                split.getItems().remove(right);
                split.setDividerPositions(dividers[0]);
            }
        });
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.27, 0.78);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        root.setCenter(split);
        controls.setDisable(true);
    }

    private Node buildEvaluation() {
        generationsSpinner.setId("evaluationGenerations");
        generationsSpinner.setEditable(true);
        humanSpinner.setId("evaluationHuman");
        humanSpinner.setEditable(true);
        strengthSpinner.setId("evaluationStrength");
        strengthSpinner.setEditable(true);
        for (Spinner<?> sp : List.of(generationsSpinner, humanSpinner, strengthSpinner)) {
            sp.setPrefWidth(110);
        }
        Button evaluate = new Button("Run evaluation");
        evaluate.setId("runEvaluation");
        evaluate.setOnAction(e -> runEvaluation());
        Button save = new Button("Save evaluation…");
        save.setOnAction(e -> saveEvaluation());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Watermarked generations"), generationsSpinner, new Label("Human passages"), humanSpinner);
        form.addRow(1, new Label("Attack strength"), strengthSpinner, evaluate, save);
        Label how = new Label("Each generation uses the settings on the left (T = New tokens, no pause) and a prompt from a"
                + " held-out verse; the human passages are held-out text of the same length. Each attack edits the watermarked"
                + " text before scoring; copy-paste pastes it, in three spans, over a human passage.");
        how.setWrapText(true);
        evaluationTable.setId("evaluationTable");
        evaluationTable.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        evaluationTable.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        evaluationTable.getColumns().setAll(List.of(
                column("condition", r -> r.condition().toString(), 170),
                column("AUC", r -> String.format(Locale.ROOT, "%.4f", r.auc()), 60),
                column("TPR at 1 %", r -> WatermarkEvaluation.rate(r.tprAt1Percent()).replace(" (too few human passages)", ""), 80),
                column("at 0.1 %", r -> WatermarkEvaluation.rate(r.tprAtTenthPercent()).replace(" (too few human passages)", ""), 86),
                column("at z > 4", r -> String.format(Locale.ROOT, "%.3f", r.tprAtZ4()), 60),
                column("mean z", r -> String.format(Locale.ROOT, "%.2f", r.meanZ()), 56)));
        evaluationTable.setPlaceholder(new Label("Run the evaluation to fill this table."));
        evaluationTable.setPrefHeight(190);
        evaluationTable.setMinHeight(150);
        evaluationStatus.setId("evaluationStatus");
        evaluationStatus.setWrapText(true);
        rocView.setPreserveRatio(true);
        rocView.setFitWidth(560);
        VBox box = new VBox(8, form, how, evaluationStatus, evaluationTable, rocView);
        box.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static javafx.scene.control.TableColumn<WatermarkEvaluation.Row, String> column(String name,
            java.util.function.Function<WatermarkEvaluation.Row, String> value, double width) {
        javafx.scene.control.TableColumn<WatermarkEvaluation.Row, String> c = new javafx.scene.control.TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void runEvaluation() {
        if (jobs.isBusy() || model == null) {
            return;
        }
        messages.clear();
        try {
            GenerationParameters parameters = Parameters.requireValid(sheet.value());
            GenerationSettings settings = new GenerationSettings(parameters, scheme.getValue(), false);
            evaluationParameters = Parameters.requireValid(new WatermarkEvaluationParameters(generationsSpinner.value(),
                    humanSpinner.value(), parameters.tokens(), strengthSpinner.value()));
            evaluationSettings = settings;
            evaluationSeed = sheet.seed();
            WatermarkEvaluation task = new WatermarkEvaluation(model, corpus, settings, evaluationParameters, evaluationSeed);
            Job<WatermarkEvaluation.Snapshot> job = new Job<>("Evaluate " + evaluationParameters.generations() + " generations",
                    evaluationSeed, task);
            jobs.start(job, this::showEvaluation);
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        } catch (IllegalArgumentException e) {
            messages.showProblem(new UserMessage(e.getMessage() + ".", "Change the setting and run again."));
        }
    }

    private void showEvaluation(WatermarkEvaluation.Snapshot s) {
        evaluation = s;
        evaluationTable.setItems(javafx.collections.FXCollections.observableList(s.rows()));
        rocView.setImage(javafx.embed.swing.SwingFXUtils.toFXImage(org.glassbox.watermark.RocImage.render(s, 760, 520), null));
        evaluationStatus.setText(String.format(Locale.ROOT, "%d of %d generations written · human false-positive rate at z = 4:"
                        + " %.4f over %d passages (%d flagged)", s.generated(), evaluationParameters.generations(), s.humanFprAtZ4(),
                s.humanScores().length, Math.round(s.humanFprAtZ4() * s.humanScores().length)));
    }

    private void saveEvaluation() {
        if (evaluation == null) {
            messages.showProblem(new UserMessage("There is no evaluation yet.", "Press \"Run evaluation\" first."));
            return;
        }
        File dir = Forms.chooseFolder(root, "Save the evaluation into a folder");
        if (dir != null) {
            saveEvaluation(dir.toPath());
        }
    }

    /** Writes evaluation.csv, roc.png and report.html for the shown evaluation. */
    public void saveEvaluation(Path folder) {
        if (evaluation == null) {
            messages.showProblem(new UserMessage("There is no evaluation yet.", "Press \"Run evaluation\" first."));
            return;
        }
        WatermarkEvaluation.Snapshot s = evaluation;
        messages.writeOrReport(() -> WatermarkEvaluation.write(folder, s, evaluationSettings, evaluationParameters, evaluationSeed),
                folder.toFile());
    }

    private static void addSlider(GridPane grid, int row, String name, Slider slider, String tip) {
        Label label = new Label(name);
        label.setLabelFor(slider);
        label.setMinWidth(80);
        Label value = new Label();
        value.setMinWidth(38);
        value.textProperty().bind(slider.valueProperty().multiply(100).asString(Locale.ROOT, "%.0f %%"));
        slider.setTooltip(new Tooltip(tip));
        GridPane.setHgrow(slider, Priority.ALWAYS);
        grid.add(label, 0, row);
        grid.add(slider, 1, row);
        grid.add(value, 2, row);
    }

    private static Label swatch(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add("legend-swatch");
        l.setStyle("-fx-background-color: " + switch (styleClass) {
            case "wm-green" -> "#b6d7a8";
            case "wm-red" -> "#ea9999";
            case "wm-repeated" -> "#e6dcc8";
            default -> "#d9d9d9";
        } + "; -fx-text-fill: #1a1a1a;");
        return l;
    }

    private void loadModelInBackground() {
        record Loaded(LanguageModel model, LanguageModel forAttacks, KjvCorpus corpus) {
        }
        org.glassbox.ui.OneShot.run(executor, () -> {
            LanguageModel loaded = LanguageModel.bundled(assets);
            return new Loaded(loaded, loaded.copy(), KjvCorpus.load(assets));
        }, loaded -> {
            model = loaded.model();
            attackModel = loaded.forAttacks();
            corpus = loaded.corpus();
            attack = new TextAttack(loaded.model().vocabulary(), attackModel);
            controls.setDisable(false);
            rescore();
        }, e -> messages.showProblem(Failures.describe(e)));
    }

    @Override
    public void run() {
        if (jobs.isBusy() || model == null) {
            return;
        }
        messages.clear();
        try {
            GenerationParameters parameters = Parameters.requireValid(sheet.value());
            GenerationSettings settings = new GenerationSettings(parameters, scheme.getValue(), greedy.isSelected());
            settings.watermarkKey(model.vocabulary().size());
            long seed = sheet.seed();
            GenerationTask task = new GenerationTask(model, settings, prompt.getText(), seed);
            resetSliders(false);
            original = "";
            setEditorText("");
            Job<GenerationSnapshot> job = new Job<>("Write " + parameters.tokens() + " words", seed, task);
            jobs.start(job, this::show);
        } catch (UserFacingException e) {
            messages.showProblem(e.userMessage());
        } catch (IllegalArgumentException e) {
            messages.showProblem(new UserMessage(e.getMessage() + ".", "Change the setting and press F5 again."));
        }
    }

    private void show(GenerationSnapshot s) {
        original = s.text();
        narrate("The model writes a word at a time with the green words of each step nudged up; the detector, knowing only"
                + " the key, counts how many came out green and compares that with the share γ chance would give.");
        setEditorText(s.text());
        details.setText(details.getText() + String.format(Locale.ROOT, "%nWriting: %d words, %.0f words/s", s.generated(),
                s.tokensPerSecond()));
    }

    private void setEditorText(String text) {
        programmatic = text;
        editor.replaceText(text);
        editor.moveTo(text.length());
        editor.requestFollowCaret();
    }

    private void onTextChanged(String text) {
        if (!text.equals(programmatic)) {
            original = text;
            resetSliders(false);
        }
        programmatic = null;
        rescore();
    }

    private void resetSliders(boolean restoreOriginal) {
        resettingSliders = true;
        for (Slider s : List.of(deletion, substitution, insertion, copyPaste)) {
            s.setValue(0);
        }
        resettingSliders = false;
        if (restoreOriginal) {
            setEditorText(original);
        }
        attackStatus.setText("Attacks act on the text as generated or last typed.");
    }

    private void applyAttacks() {
        if (resettingSliders || attack == null) {
            return;
        }
        long seed = sheet.seed();
        List<String> words = WordTokenizer.words(original);
        TextAttack.Strengths strengths = new TextAttack.Strengths(deletion.getValue(), substitution.getValue(),
                substitutionSource.getValue(), insertion.getValue());
        List<String> attacked = attack.apply(words, strengths, seed);
        String note = "";
        if (copyPaste.getValue() > 0) {
            List<List<String>> passages = corpus.humanPassages(1000, Math.max(1, attacked.size()));
            List<String> human = passages.get((int) Math.floorMod(seed, (long) passages.size()));
            attacked = TextAttack.copyPaste(attacked, human, copyPaste.getValue(), 3, seed);
            note = String.format(Locale.ROOT, " %.0f %% of a held-out passage is overwritten by the watermarked text.",
                    100 * copyPaste.getValue());
        }
        setEditorText(WordTokenizer.join(attacked));
        attackStatus.setText("Showing the attacked text (seed " + seed + ")." + note
                + " Typing in the editor makes the edited text the new original.");
    }

    private void showHumanPassage() {
        if (corpus == null) {
            return;
        }
        List<List<String>> passages = corpus.humanPassages(1000, 200);
        original = WordTokenizer.join(passages.get((int) Math.floorMod(sheet.seed(), (long) passages.size())));
        resetSliders(false);
        setEditorText(original);
        messages.showInfo("A held-out passage (seed " + sheet.seed() + " picks which): human text the key never touched.");
    }

    private WatermarkDetector detector() {
        GenerationParameters p = sheet.value();
        WatermarkKey key = new WatermarkKey(p.key(), p.gamma(), scheme.getValue(), model.vocabulary().size());
        return new WatermarkDetector(key, ignoreRepeated.isSelected());
    }

    /** Scores the editor's text and colours it; runs on the FX thread on every change. */
    private void rescore() {
        if (model == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            scored = ScoredText.score(editor.getText(), model.vocabulary(), detector());
        } catch (IllegalArgumentException e) {
            verdict.setText("Detector settings are not valid: " + e.getMessage());
            return;
        }
        Detection d = scored.detection();
        if (!scored.tokens().isEmpty()) {
            editor.setStyleSpans(0, spans(scored));
        }
        zPlot.plot().series("z", d.zByCount());
        lastScoreMillis = (System.nanoTime() - start) / 1e6;
        double t = threshold.value();
        verdict.setText(d.scored() == 0 ? "No word scored yet."
                : String.format(Locale.ROOT, "z = %.2f: %s", d.z(), d.detected(t) ? "watermarked" : "no watermark found"));
        verdict.setStyle(d.scored() > 0 && d.detected(t) ? "-fx-text-fill: #2e7d32;" : "");
        details.setText(WatermarkResults.summary(d, t) + String.format(Locale.ROOT,
                "%n%d words, %d outside the model's vocabulary; scored and coloured in %.1f ms.", d.tokens(),
                java.util.Arrays.stream(scored.ids()).filter(id -> id == 0).count(), lastScoreMillis));
    }

    /**
     * One style span per run of equally marked words: the space between two words of the same
     * mark takes their colour, so the editor lays out a few long runs instead of a node per word.
     */
    private static StyleSpans<Collection<String>> spans(ScoredText s) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        TokenMark[] marks = s.detection().marks();
        for (int i = 0; i < marks.length; i++) {
            WordTokenizer.Token t = s.tokens().get(i);
            List<String> style = List.of(styleClass(marks[i]));
            if (t.start() > at) {
                boolean sameAsBefore = i > 0 && marks[i - 1] == marks[i];
                b.add(sameAsBefore ? style : Collections.emptyList(), t.start() - at);
            }
            b.add(style, t.end() - t.start());
            at = t.end();
        }
        if (s.text().length() > at) {
            b.add(Collections.emptyList(), s.text().length() - at);
        }
        return b.create();
    }

    private static String styleClass(TokenMark mark) {
        return switch (mark) {
            case GREEN -> "wm-green";
            case RED -> "wm-red";
            case REPEATED -> "wm-repeated";
            case UNSCORED -> "wm-unscored";
        };
    }

    /** The image tab's bit accuracy now shown, or NaN; for the UI test. */
    public double imageBitAccuracy() {
        return imageView.bitAccuracy();
    }

    /** The latest scoring time, for the UI test and benchmark. */
    public double lastScoreMillis() {
        return lastScoreMillis;
    }

    /** The detector's latest reading of the editor, or null before the model is loaded. */
    public ScoredText scored() {
        return scored;
    }

    public boolean modelLoaded() {
        return model != null;
    }

    private void saveResults() {
        File dir = Forms.chooseFolder(root, "Save results into a folder");
        if (dir != null) {
            saveResults(dir.toPath());
        }
    }

    /** Writes the editor's text with its detection into the folder. */
    @Override
    public void saveResults(Path folder) {
        if (scored == null) {
            messages.showProblem(new UserMessage("There is nothing to save yet.", "Write or type some text first."));
            return;
        }
        WatermarkDetector d = detector();
        ScoredText now = scored;
        messages.writeOrReport(() -> WatermarkResults.write(folder, now, d.key(), d.ignoresRepeated(), threshold.value(),
                Map.of("model", model.id(), "prompt", prompt.getText(), "seed", sheet.seed())), folder.toFile());
    }

    @Override
    public void open() {
        messages.showInfo("Type or paste any text into the editor to test it for the watermark, or press F5 to write some.");
        editor.requestFocus();
    }

    private WatermarkSetup currentSetup() {
        return new WatermarkSetup(prompt.getText(), sheet.value(), scheme.getValue(), greedy.isSelected(), threshold.value(),
                ignoreRepeated.isSelected());
    }

    @Override
    public Experiment currentExperiment() {
        return WatermarkRun.experiment(currentSetup(), sheet.seed());
    }

    @Override
    protected void show(Experiment e, Path base) throws Exception {
        WatermarkSetup setup = WatermarkRun.setup(e);
        prompt.setText(setup.prompt());
        sheet.setValue(setup.parameters());
        sheet.setSeed(e.seed());
        scheme.setValue(setup.scheme());
        greedy.setSelected(setup.greedy());
        threshold.set(setup.threshold());
        ignoreRepeated.setSelected(setup.ignoreRepeated());
    }
}
