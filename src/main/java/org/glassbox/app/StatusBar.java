package org.glassbox.app;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.glassbox.engine.ComputeBackend;
import org.glassbox.engine.Job;

/**
 * Backend and threads, heap in use, and the job of the workspace on screen with its progress (or,
 * when that one is idle, a job still running in another workspace, named); refreshed four times a second.
 */
public final class StatusBar extends HBox {

    private final Label backend = new Label();
    private final Label heap = new Label();
    private final Label jobLabel = new Label("No job");
    private final ProgressBar jobProgress = new ProgressBar(0);
    private ReadOnlyObjectProperty<Job<?>> job;
    private final org.glassbox.ui.JobBoard board;
    /** ND4J starts in a second or two; the bar says so until it has. */
    private final java.util.concurrent.CompletableFuture<ComputeBackend.Info> backendInfo =
            java.util.concurrent.CompletableFuture.supplyAsync(ComputeBackend::info);

    public StatusBar(org.glassbox.ui.JobBoard board) {
        this.board = board;
        setId("statusBar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        backend.setId("backendLabel");
        heap.setId("heapLabel");
        jobLabel.setId("statusJob");
        jobProgress.setPrefWidth(160);
        backend.setMinWidth(Region.USE_PREF_SIZE);
        heap.setMinWidth(Region.USE_PREF_SIZE);
        jobLabel.setMinWidth(0);
        jobLabel.setTooltip(new javafx.scene.control.Tooltip());
        jobLabel.getTooltip().textProperty().bind(jobLabel.textProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(backend, new Separator(javafx.geometry.Orientation.VERTICAL), heap, spacer, jobLabel, jobProgress);
        Timeline refresh = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        refresh();
    }

    /** Re-reads the backend after its thread count changed. */
    public void backendChanged() {
        backendInfo.obtrudeValue(ComputeBackend.info());
    }

    /** Shows the job of the workspace now on screen. */
    public void watch(ReadOnlyObjectProperty<Job<?>> currentJob) {
        this.job = currentJob;
        refresh();
    }

    private void refresh() {
        backend.setText(backendInfo.isDone() && !backendInfo.isCompletedExceptionally()
                ? backendInfo.join().label() : "Starting compute backend…");
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        heap.setText(String.format(Locale.ROOT, "Heap %d / %d MB", used >> 20, rt.maxMemory() >> 20)
                + (board.paceMillis() > 0 ? String.format(Locale.ROOT, " · slowed: %d ms after each iteration", board.paceMillis()) : ""));
        Job<?> j = job == null ? null : job.get();
        java.util.Optional<org.glassbox.ui.JobBoard.Entry> elsewhere = board.busyOtherThan(null);
        boolean shownIdle = j == null || j.state().isFinal();
        if (shownIdle && elsewhere.isPresent() && elsewhere.get().job() != j) {
            // the workspace on screen is idle but another one is not: that is the job to see
            jobLabel.setText(elsewhere.get().describe());
            jobProgress.setProgress(elsewhere.get().job().progress());
        } else if (j == null) {
            jobLabel.setText("No job");
            jobProgress.setProgress(0);
        } else {
            jobLabel.setText(String.format(Locale.ROOT, "%s · %s · %.0f %%", j.name(),
                    j.state().name().toLowerCase(Locale.ROOT), 100 * j.progress()));
            jobProgress.setProgress(j.progress());
        }
    }
}
