package org.glassbox.membership.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Job;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.Parameters;
import org.glassbox.membership.AttackResult;
import org.glassbox.membership.MembershipSetup;
import org.glassbox.membership.MembershipSnapshot;
import org.glassbox.membership.MembershipTask;
import org.glassbox.membership.MembershipWorkspace;
import org.glassbox.metrics.RocChart;
import org.glassbox.ui.ImageTiles;
import org.glassbox.ui.PageContext;
import org.glassbox.ui.SetupSheetPage;
import org.glassbox.workspace.RunTiming;

/**
 * Membership inference: the setup on the left; on the right the ROC of every attack on log-log
 * axes (redrawn as each shadow model finishes), the figures table, the score histogram of members
 * and non-members, and the members the strongest attack is surest of.
 */
public final class MembershipPage extends SetupSheetPage<MembershipSetup> {

    private final BorderPane root = new BorderPane();
    private final org.glassbox.ui.PlotView roc = new org.glassbox.ui.PlotView(RocChart.plot("ROC of every attack (log-log)", 100, 100));
    /** The candidates' counts the ROC's axes are drawn for. */
    private int rocMembers = -1;
    private int rocNonMembers = -1;
    private final TableView<AttackResult> table = new TableView<>();
    private final org.glassbox.ui.PlotView histogram = new org.glassbox.ui.PlotView(new org.glassbox.metrics.Plot("", "score", "candidates"));
    private final Label histogramTitle = new Label("Score histogram");
    private final FlowPane exposed = new FlowPane(6, 6);
    private final Label status = new Label("Press F5 to train the target and its shadow models, then attack.");
    private LabeledImages train;
    private MembershipSnapshot shown;
    private Experiment shownExperiment;
    private MembershipSetup shownSetup;
    private Instant startedAt;
    /** The attack the person picked in the table; until then the newest (LiRA once it has shadows) is shown. */
    private String chosen;

    public MembershipPage(Assets assets) {
        this(PageContext.background(assets));
    }

    public MembershipPage(PageContext context) {
        super(context, new MembershipWorkspace());
        build();
    }

    private void build() {
        ScrollPane leftScroll = settingsColumn("Target and shadow models", "The target trains on a random half of the pool (the"
                + " members); the other half are the non-members. Small pools and many epochs overfit: watch the attacks' TPR at"
                + " low FPR rise.", sheet);

        table.setId("membershipTable");
        table.getColumns().add(column("Attack", a -> a.name()));
        table.getColumns().add(column("AUC", a -> String.format(Locale.ROOT, "%.4f", a.auc())));
        table.getColumns().add(column("TPR@1%FPR", a -> MembershipWorkspace.rate(a.tprAt1Percent())));
        table.getColumns().add(column("@0.1%", a -> MembershipWorkspace.rate(a.tprAtTenthPercent())));
        table.getColumns().add(column("@0.01%", a -> MembershipWorkspace.rate(a.tprAtHundredthPercent())));
        table.getColumns().add(column("Bal. acc.", a -> String.format(Locale.ROOT, "%.4f", a.balancedAccuracy())));
        table.getColumns().add(column("Queries", a -> Integer.toString(a.queriesPerCandidate())));
        table.setOnMouseClicked(e -> {
            if (table.getSelectionModel().getSelectedItem() != null) {
                chosen = table.getSelectionModel().getSelectedItem().name();
            }
        });
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(190);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> drawDetails());
        status.setId("membershipStatus");
        status.setWrapText(true);
        roc.setId("membershipRoc");
        roc.setPrefHeight(420);
        roc.setMinHeight(300);
        Label exposedTitle = new Label("Members the selected attack is surest of");
        exposedTitle.getStyleClass().add("title-4");
        VBox right = new VBox(10, explanation(), status, roc, table, histogramTitle, histogram, exposedTitle, exposed);
        right.setPadding(new Insets(12));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        // the chart is as tall as it is wide, up to most of the window, so that presenter mode and a wide window enlarge it
        roc.prefHeightProperty().bind(javafx.beans.binding.Bindings.max(300, javafx.beans.binding.Bindings.min(
                rightScroll.heightProperty().multiply(0.7), rightScroll.widthProperty().multiply(0.6))));
        SplitPane split = settingsBeside(leftScroll, rightScroll);
        split.setDividerPositions(0.32);
        root.setCenter(withMessagesOver(split));
    }

    private static TableColumn<AttackResult, String> column(String name, java.util.function.Function<AttackResult, String> text) {
        TableColumn<AttackResult, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void open() {
        messages.showInfo("The audit trains its own target on Fashion-MNIST; auditing a model file needs its training set,"
                + " which model files do not record.");
    }

    @Override
    public void run() {
        startUnlessBusy(() -> {
            Experiment experiment = currentExperiment();
            MembershipSetup setup = setupOf(experiment);
            Parameters.requireValid(setup);
            if (train == null) {
                train = FashionMnist.train(assets);
            }
            MembershipTask task = new MembershipTask(train, FashionMnist.test(assets), setup, experiment.seed());
            shownExperiment = experiment;
            shownSetup = setup;
            startedAt = Instant.now();
            jobs.start(new Job<>("Membership audit", experiment.seed(), task), this::draw);
        });
    }

    private void draw(MembershipSnapshot s) {
        shown = s;
        int members = 0;
        for (boolean m : s.member()) {
            members += m ? 1 : 0;
        }
        int nonMembers = s.member().length - members;
        status.setText(String.format(Locale.ROOT, "%s · target accuracy %.1f %% on %d members, %.1f %% on %d non-members"
                        + " (%.1f %% on the test set) · %d of %d shadow models", s.stage(), 100 * s.memberAccuracy(), members,
                100 * s.nonMemberAccuracy(), nonMembers, 100 * s.testAccuracy(), s.shadowsDone(), s.shadowsTotal()));
        narrate(s.shadowsDone() == 0 ? "The target has learned its members and fits them better than the images it never saw:"
                + " the threshold attacks read that difference off its loss."
                : s.shadowsDone() < s.shadowsTotal() ? "Shadow models trained with and without each candidate show how its score looks"
                + " either way; every one makes LiRA's test sharper, most of all at low false-positive rates."
                : "Done: the curve furthest above the dashed chance line at the left is the attack that is surest when it says \"member\".");
        List<RocChart.Curve> curves = s.attacks().stream().map(a -> new RocChart.Curve(rocLabel(a), a.roc())).toList();
        if (members != rocMembers || nonMembers != rocNonMembers) {
            rocMembers = members;
            rocNonMembers = nonMembers;
            roc.setPlot(RocChart.plot("ROC of every attack (log-log)", members, nonMembers));
        }
        RocChart.show(roc.plot(), curves, members, nonMembers);
        table.getItems().setAll(s.attacks());
        // columns as wide as their headers and figures at the text size in use; the table scrolls sideways if need be
        org.glassbox.ui.TableFit.fitColumns(table, status.getFont());
        AttackResult again = chosen == null ? null : s.attack(chosen);
        AttackResult strongest = s.attack(MembershipTask.LIRA_ONLINE) != null ? s.attack(MembershipTask.LIRA_ONLINE)
                : s.attack(MembershipTask.LOSS);
        table.getSelectionModel().select(again != null ? again : strongest);
        drawDetails();
    }

    /** The histogram and the most exposed members of the selected attack. */
    private void drawDetails() {
        AttackResult a = table.getSelectionModel().getSelectedItem();
        if (shown == null || a == null) {
            return;
        }
        histogramTitle.setText("Scores of " + a.name() + ": members and non-members");
        double[] scores = a.scores();
        // the 1st to 99th percentile, so that a few extreme scores (LiRA's ratios run far out) do not squash the rest
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.01 * (sorted.length - 1))];
        double hi = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        java.util.List<Double> in = new ArrayList<>();
        java.util.List<Double> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            (shown.member()[i] ? in : out).add(scores[i]);
        }
        histogram.setPlot(new org.glassbox.metrics.Plot("", a.name() + " score (1st to 99th percentile)", "candidates"));
        histogram.plot().histogram("members", in.stream().mapToDouble(Double::doubleValue).toArray(), lo, hi, 40);
        histogram.plot().histogram("non-members", out.stream().mapToDouble(Double::doubleValue).toArray(), lo, hi, 40);
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (shown.member()[i]) {
                members.add(i);
            }
        }
        members.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        exposed.getChildren().clear();
        for (int i : members.subList(0, Math.min(12, members.size()))) {
            double[] pixels = train.image(shown.poolIndex()[i]);
            ImageView tile = new ImageView(ImageTiles.grayscale(train.height(), train.width(), 2,
                    (r, c) -> pixels[r * train.width() + c]));
            Label score = new Label(String.format(Locale.ROOT, "#%d  %.3g", shown.poolIndex()[i], scores[i]));
            score.getStyleClass().add("text-small");
            exposed.getChildren().add(new VBox(2, tile, score));
        }
    }


    @Override
    protected boolean hasResults() {
        return shown != null;
    }

    @Override
    protected void writeResults(Path folder) throws java.io.IOException {
        MembershipWorkspace.writeResults(folder, shownExperiment, shownSetup, shown, new RunTiming(startedAt, jobSeconds()));
    }

    /** For tests: the attacks' rows as shown. */
    public List<AttackResult> rows() {
        return List.copyOf(table.getItems());
    }

    private static String rocLabel(AttackResult a) {
        return String.format(Locale.ROOT, "%s (AUC %.3f)", a.name(), a.auc());
    }

    /** For tests: whether the ROC has been drawn. */
    public boolean rocDrawn() {
        return table.getItems().stream().anyMatch(a -> roc.plot().points(rocLabel(a)) > 0);
    }

    /** For tests: the tiles of the most exposed members. */
    public int exposedShown() {
        return exposed.getChildren().size();
    }

    /** For tests: the status line. */
    public String status() {
        return status.getText();
    }
}
