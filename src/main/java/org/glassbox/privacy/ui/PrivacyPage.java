package org.glassbox.privacy.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Job;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.Parameters;
import org.glassbox.privacy.PrivacySetup;
import org.glassbox.privacy.PrivacySnapshot;
import org.glassbox.privacy.PrivacyTask;
import org.glassbox.privacy.PrivacyWorkspace;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.PlotView;
import org.glassbox.ui.SetupSheetPage;
import org.glassbox.workspace.RunTiming;

/** Differential privacy: DP-SGD and its non-private twin training side by side, ε and both accuracies drawn as they go. */
public final class PrivacyPage extends SetupSheetPage<PrivacySetup> {

    private final BorderPane root = new BorderPane();
    private final PlotView epsilon = new PlotView(new org.glassbox.metrics.Plot("Privacy spent", "step", "ε (δ fixed)"));
    private final PlotView accuracy = new PlotView(new org.glassbox.metrics.Plot("Test accuracy", "step", "accuracy"));
    private final Label status = new Label("Press F5 to train both models.");
    private LabeledImages train;
    private PrivacySnapshot shown;
    private Experiment shownExperiment;
    private PrivacySetup shownSetup;
    private Instant startedAt;

    public PrivacyPage(Assets assets) {
        this(PageContext.background(assets));
    }

    public PrivacyPage(PageContext context) {
        super(context, new PrivacyWorkspace());
        build();
    }

    private void build() {
        ScrollPane leftScroll = settingsColumn("DP-SGD and the same training without noise", "Both start from the same weights,"
                + " see the same Poisson batches and clip each image's gradient to C; the private one also adds Gaussian noise of σC"
                + " before every step. The accountant assumes Poisson sampling, which is what it gets here.", sheet);
        status.setId("privacyStatus");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        epsilon.setId("epsilonPlot");
        accuracy.setId("accuracyPlot");
        VBox right = new VBox(10, explanation(), status, epsilon, accuracy);
        right.setPadding(new Insets(12));
        VBox.setVgrow(epsilon, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(accuracy, javafx.scene.layout.Priority.ALWAYS);
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
        messages.showInfo("This workspace trains its own model with DP-SGD; retraining a model file under DP is not offered yet.");
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            Experiment experiment = currentExperiment();
            PrivacySetup setup = setupOf(experiment);
            Parameters.requireValid(setup);
            if (train == null) {
                train = FashionMnist.train(assets);
            }
            if (setup.examples() > train.size()) {
                throw new org.glassbox.engine.UserFacingException(setup.examples() + " training images asked for; " + train.size()
                        + " are shipped.", "Use at most " + train.size() + ".");
            }
            PrivacyTask task = new PrivacyTask(train, FashionMnist.test(assets), setup, experiment.seed());
            shownExperiment = experiment;
            shownSetup = setup;
            startedAt = Instant.now();
            jobs.start(new Job<>("DP-SGD, σ = " + setup.noiseMultiplier() + ", q = " + setup.sampleRate(), experiment.seed(), task),
                    this::draw);
        });
    }

    private void draw(PrivacySnapshot s) {
        shown = s;
        epsilon.plot().clear();
        epsilon.plot().series("ε at δ = " + org.glassbox.ui.DoubleText.format(shownSetup.delta()), s.steps(), s.epsilons());
        accuracy.plot().clear();
        accuracy.plot().series("DP-SGD (σ = " + shownSetup.noiseMultiplier() + ")", s.steps(), s.privateCurve());
        accuracy.plot().series("same steps without noise (not private)", s.steps(), s.plainCurve());
        status.setText(String.format(Locale.ROOT, "Step %,d of %,d · ε = %.3f at δ = %s (order α = %s) · test accuracy %.1f %%"
                        + " private, %.1f %% without noise%nLast batch: %d images (expected %.0f), %.0f %% of their gradients clipped",
                s.step(), shownSetup.steps(), s.epsilon(), org.glassbox.ui.DoubleText.format(shownSetup.delta()), Double.isNaN(s.order()) ? "–" : String.valueOf(s.order()),
                100 * s.privateAccuracy(), 100 * s.plainAccuracy(), s.lastBatch(), shownSetup.sampleRate() * shownSetup.examples(),
                100 * s.clippedShare()));
        narrate(Double.isInfinite(s.epsilon())
                ? "Without noise there is no privacy to account for: ε is unbounded."
                : "Every step spends a little more privacy: ε grows with the steps, slower with more noise or a smaller sampling"
                + " rate. The gap between the two accuracies is what the noise costs.");
    }

    @Override
    protected boolean hasResults() {
        return shown != null;
    }

    @Override
    protected void writeResults(Path folder) throws java.io.IOException {
        PrivacyWorkspace.writeResults(folder, shownExperiment, shownSetup, shown, new RunTiming(startedAt, jobSeconds()));
    }

    /** For tests: the snapshot on screen. */
    public PrivacySnapshot shown() {
        return shown;
    }
}
