package org.glassbox.memorization.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.glassbox.data.Assets;
import org.glassbox.engine.Job;
import org.glassbox.experiment.Experiment;
import org.glassbox.memorization.Canary;
import org.glassbox.memorization.ExtractionAttack;
import org.glassbox.memorization.MembershipScores;
import org.glassbox.memorization.VerbatimIndex;
import org.glassbox.memorization.MemorizationSetup;
import org.glassbox.memorization.MemorizationSnapshot;
import org.glassbox.memorization.MemorizationTask;
import org.glassbox.memorization.MemorizationWorkspace;
import org.glassbox.metrics.Plot;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.PlotView;
import org.glassbox.ui.SetupSheetPage;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.workspace.RunTiming;

/** Memorization: a word LSTM trained on text with planted secrets, each secret's exposure drawn against the steps. */
public final class MemorizationPage extends SetupSheetPage<MemorizationSetup> {

    private final BorderPane root = new BorderPane();
    private final PlotView exposure = new PlotView(new Plot("Exposure of each secret", "training step", "exposure (bits)"));
    private final PlotView perplexity = new PlotView(new Plot("Held-out perplexity", "training step", "perplexity (words)"));
    private final Label status = new Label("Press F5 to plant the secrets and train the language model.");
    private final VBox secrets = new VBox(4);
    private final VBox extraction = new VBox(8);
    private final javafx.scene.control.ComboBox<MembershipScores.Score> scoreChoice = new javafx.scene.control.ComboBox<>();
    private final Label extractionPrecision = new Label();
    private final VBox extractionSamples = new VBox(6);
    private KjvCorpus corpus;
    private MemorizationSnapshot shown;
    private MemorizationTask shownTask;
    private Experiment shownExperiment;
    private MemorizationSetup shownSetup;
    private Instant startedAt;

    public MemorizationPage(Assets assets) {
        this(PageContext.background(assets));
    }

    public MemorizationPage(PageContext context) {
        super(context, new MemorizationWorkspace());
        build();
    }

    private void build() {
        ScrollPane leftScroll = settingsColumn("Secrets in the training text", "Each secret fills the format's digit slots at random and"
                + " is written into the text the given number of times, as a verse of its own. Exposure ranks the secret among every"
                + " filling of the format by how likely the model finds it: rank 1 of 100,000 is 16.6 bits; a secret the model has"
                + " not learnt sits near 1 bit.", sheet);
        status.setId("memorizationStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        exposure.setId("exposurePlot");
        exposure.setMinHeight(280);
        perplexity.setId("perplexityPlot");
        perplexity.setMinHeight(200);
        secrets.setId("secretRows");
        scoreChoice.getItems().setAll(MembershipScores.Score.values());
        scoreChoice.setValue(MembershipScores.Score.ZLIB_RATIO);
        scoreChoice.setId("extractionScore");
        scoreChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MembershipScores.Score score) {
                return score == null ? "" : MemorizationWorkspace.scoreName(score);
            }

            @Override
            public MembershipScores.Score fromString(String text) {
                return null;
            }
        });
        scoreChoice.valueProperty().addListener((o, was, now) -> drawExtraction());
        extractionPrecision.setId("extractionPrecision");
        extractionPrecision.setWrapText(true);
        extractionPrecision.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a table in text: its columns line up in a fixed-width face
        extractionPrecision.setStyle("-fx-font-family: monospace;");
        extractionSamples.setId("extractionSamples");
        Label heading = new Label("Extraction: what the model writes from nothing, ranked (memorised runs of training text in bold)");
        heading.getStyleClass().add("title-4");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        extraction.getChildren().setAll(heading, new javafx.scene.layout.HBox(8, new Label("Rank by"), scoreChoice),
                extractionPrecision, extractionSamples);
        extraction.setVisible(false);
        extraction.managedProperty().bind(extraction.visibleProperty());
        VBox right = new VBox(10, explanation(), status, exposure, secrets, perplexity, extraction);
        right.setPadding(new Insets(12));
        VBox.setVgrow(exposure, Priority.ALWAYS);
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        SplitPane split = settingsBeside(leftScroll, rightScroll);
        split.setDividerPositions(0.32);
        root.setCenter(withMessagesOver(split));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void open() {
        messages.showInfo("This workspace trains its own small language model; the extraction attack on a trained model is not"
                + " offered yet.");
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            Experiment experiment = currentExperiment();
            MemorizationSetup setup = setupOf(experiment);
            if (corpus == null) {
                corpus = KjvCorpus.load(assets);
            }
            MemorizationTask task = new MemorizationTask(corpus, setup, experiment.seed());
            shownExperiment = experiment;
            shownSetup = setup;
            shownTask = task;
            startedAt = Instant.now();
            secrets.getChildren().clear();
            jobs.start(new Job<>("Secrets " + setup.repetitions() + " times, " + setup.steps() + " steps" + (setup.forgetting()
                    ? ", forgetting" : ""), experiment.seed(), task), this::draw);
        });
    }

    private void draw(MemorizationSnapshot s) {
        shown = s;
        exposure.setPlot(MemorizationWorkspace.exposurePlot(s, shownSetup));
        perplexity.setPlot(MemorizationWorkspace.perplexityPlot(s));
        status.setText(MemorizationWorkspace.line(s).replaceFirst("^step", "Step").replaceFirst(" · exposure.*", "")
                + (shownSetup.forgetting() ? (s.secretsInText() ? " · the secrets are in the text" : " · the secrets have left the text")
                : ""));
        List<Node> rows = new ArrayList<>();
        for (int c = 0; c < s.canaries().size(); c++) {
            Canary canary = s.canaries().get(c);
            double exact = s.exactExposure()[c][s.exactExposure()[c].length - 1];
            double extrapolated = s.extrapolatedExposure()[c][s.extrapolatedExposure()[c].length - 1];
            Label row = new Label(String.format(Locale.ROOT, "“%s” written %d× · rank %,d of %,.0f · %s", canary.text(),
                    canary.repetitions(), s.ranks()[c], s.candidates(), Double.isNaN(exact)
                            ? String.format(Locale.ROOT, "%.2f bits (extrapolated; too many candidates to count)", extrapolated)
                            : String.format(Locale.ROOT, "%.2f bits (skew-normal from %,d candidates: %.2f)", exact,
                            shownSetup.references(), extrapolated)));
            row.setWrapText(true);
            row.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            rows.add(row);
        }
        secrets.getChildren().setAll(rows);
        extraction.setVisible(s.extraction() != null);
        drawExtraction();
        narrate(shownSetup.forgetting() && !s.secretsInText()
                ? "The secrets are gone from the text: does the model forget them, or does their exposure stay?"
                : "The more often a secret is written, the sooner the model finds it more likely than the other fillings of its"
                + " format: its rank falls towards 1 and its exposure climbs to log₂ of the candidates.");
    }

    /** The top ten samples by the chosen score, their longest run of training text in bold, and each score's precision. */
    private void drawExtraction() {
        if (shown == null || shown.extraction() == null) {
            return;
        }
        ExtractionAttack.Result r = shown.extraction();
        extractionPrecision.setText(MemorizationWorkspace.secretsWrittenLine(shown) + "\n"
                + String.join("\n", MemorizationWorkspace.extractionLines(r)));
        List<Node> rows = new ArrayList<>();
        for (ExtractionAttack.Sample sample : r.ranked(scoreChoice.getValue()).subList(0, Math.min(10, r.samples().size()))) {
            javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
            VerbatimIndex.Run run = sample.training();
            List<String> words = sample.words();
            addText(flow, org.glassbox.watermark.WordTokenizer.join(words.subList(0, run.start())), false);
            if (run.length() > 0) {
                addText(flow, " " + org.glassbox.watermark.WordTokenizer.join(words.subList(run.start(), run.start() + run.length())) + " ",
                        true);
            }
            addText(flow, org.glassbox.watermark.WordTokenizer.join(words.subList(run.start() + run.length(), words.size())), false);
            addText(flow, String.format(Locale.ROOT, "   [%s %.3g · run of %d training words, %d held-out]",
                    MemorizationWorkspace.scoreName(scoreChoice.getValue()), sample.score(scoreChoice.getValue()), run.length(),
                    sample.heldOut().length()), false);
            rows.add(flow);
        }
        extractionSamples.getChildren().setAll(rows);
    }

    private static void addText(javafx.scene.text.TextFlow flow, String text, boolean verbatim) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setStyle(verbatim ? "-fx-fill: -color-danger-fg; -fx-font-weight: bold;" : "-fx-fill: -color-fg-default;");
        flow.getChildren().add(t);
    }

    @Override
    protected boolean hasResults() {
        return shown != null;
    }

    @Override
    protected void writeResults(Path folder) throws java.io.IOException {
        MemorizationWorkspace.writeResults(folder, shownExperiment, shownSetup, shownTask, shown, new RunTiming(startedAt, jobSeconds()));
    }

    /** For tests: the snapshot on screen. */
    public MemorizationSnapshot shown() {
        return shown;
    }
}
