package org.glassbox.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.glassbox.engine.Frame;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobState;

/**
 * Run / pause / step / cancel, a progress bar, and a scrubber over the job's snapshot history.
 * It polls the job once per pulse rather than being called by it.
 */
public final class JobControls extends VBox {

    private final Button run = new Button("Run");
    private final Button pause = new Button("Pause");
    private final Button step = new Button("Step");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Ready.");
    private final Slider scrubber = new Slider(0, 1, 1);
    private final Label scrubLabel = new Label("");
    private Job<?> job;
    private List<? extends Frame<?>> frames = List.of();
    private IntConsumer onScrub = i -> { };
    private int framesAt = -1;

    public JobControls(Runnable onRun) {
        run.setId("runButton");
        pause.setId("pauseButton");
        step.setId("stepButton");
        cancel.setId("cancelButton");
        progress.setId("progressBar");
        status.setId("jobStatus");
        scrubber.setId("scrubber");
        run.setTooltip(new Tooltip("Run (F5)"));
        pause.setTooltip(new Tooltip("Pause or resume (F6)"));
        step.setTooltip(new Tooltip("One iteration while paused (F7)"));
        cancel.setTooltip(new Tooltip("Cancel (Esc)"));
        run.setDefaultButton(false);
        run.getStyleClass().add("accent");
        run.setOnAction(e -> onRun.run());
        pause.setOnAction(e -> pauseOrResume());
        step.setOnAction(e -> step());
        cancel.setOnAction(e -> cancel());
        for (Button b : new Button[] {run, pause, step, cancel}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(40);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox buttons = new HBox(6, run, pause, step, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        scrubber.setDisable(true);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setTooltip(new Tooltip("Scrub back through the run (arrow keys when focused)"));
        scrubber.valueProperty().addListener((obs, old, v) -> scrub(v.intValue()));
        HBox history = new HBox(6, new Label("History"), scrubber, scrubLabel);
        history.setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(buttons, status, history);
        updateButtons(null);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                refresh();
            }
        }.start();
    }

    /** Called with the index into {@link #frames()} that the person scrubbed to. */
    public void setOnScrub(IntConsumer onScrub) {
        this.onScrub = onScrub;
    }

    public void bind(Job<?> job) {
        this.job = job;
        frames = List.of();
        framesAt = -1;
        scrubber.setDisable(true);
        scrubLabel.setText("");
    }

    public void pauseOrResume() {
        if (job == null) {
            return;
        }
        if (job.state() == JobState.PAUSED) {
            job.resume();
        } else if (job.state() == JobState.RUNNING) {
            job.pause();
        }
    }

    public void step() {
        if (job != null && !job.state().isFinal()) {
            job.step();
        }
    }

    public void cancel() {
        if (job != null && !job.state().isFinal()) {
            job.cancel();
        }
    }

    public List<? extends Frame<?>> frames() {
        return frames;
    }

    private void refresh() {
        if (job == null) {
            return;
        }
        JobState s = job.state();
        progress.setProgress(job.progress());
        String text = switch (s) {
            case READY -> "Starting…";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case SUCCEEDED -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
        boolean early = s == JobState.SUCCEEDED && !job.openEnded() && job.completedIterations() < job.totalIterations();
        status.setText(early
                ? String.format(Locale.ROOT, "Done early: the task finished at iteration %d of %d, %.1f s", job.completedIterations(),
                job.totalIterations(), job.elapsedSeconds())
                : job.openEnded()
                ? String.format(Locale.ROOT, "%s: step %d, %.0f %% (estimated), %.1f s", text, job.completedIterations(),
                100 * job.progress(), job.elapsedSeconds())
                : String.format(Locale.ROOT, "%s: iteration %d of %d, %.1f s", text, job.completedIterations(),
                job.totalIterations(), job.elapsedSeconds()));
        updateButtons(s);
        boolean scrubbable = s == JobState.PAUSED || s.isFinal();
        if (scrubbable && (scrubber.isDisable() || framesAt != job.completedIterations())) {
            framesAt = job.completedIterations();
            frames = job.history();
            if (frames.size() > 1) {
                scrubber.setMax(frames.size() - 1);
                scrubber.setMajorTickUnit(1);
                scrubber.setBlockIncrement(1);
                scrubber.setValue(frames.size() - 1);
                scrubber.setDisable(false);
                scrubLabel.setText("iteration " + frames.get(frames.size() - 1).iteration());
            }
        } else if (!scrubbable && !scrubber.isDisable()) {
            scrubber.setDisable(true);
            scrubLabel.setText("");
        }
    }

    private void scrub(int index) {
        if (scrubber.isDisable() || index < 0 || index >= frames.size()) {
            return;
        }
        scrubLabel.setText("iteration " + frames.get(index).iteration());
        onScrub.accept(index);
    }

    private void updateButtons(JobState s) {
        boolean active = s == JobState.RUNNING || s == JobState.PAUSED || s == JobState.READY;
        run.setDisable(active);
        pause.setDisable(!active);
        step.setDisable(s != JobState.PAUSED);
        cancel.setDisable(!active);
        pause.setText(s == JobState.PAUSED ? "Resume" : "Pause");
    }
}
