package org.glassbox.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobState;

/**
 * What every workspace does with a job: show it in the job controls, draw its newest snapshot
 * once per pulse, draw a scrubbed-back snapshot when the person moves the history slider, and
 * turn a failure into a message. One presenter per page; starting a job replaces the previous one.
 */
public final class JobPresenter {

    private final JobControls controls;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Job<?>> job = new ReadOnlyObjectWrapper<>();
    private final java.util.concurrent.Executor executor;
    private final JobBoard board;
    private SnapshotPump<?> pump;

    /** A presenter whose jobs run on {@code executor} (the calling thread in a test), listed on {@code board} under {@code title}. */
    public JobPresenter(JobControls controls, Messages messages, java.util.concurrent.Executor executor, JobBoard board, String title) {
        this.controls = controls;
        this.messages = messages;
        this.executor = executor;
        this.board = board;
        board.register(title, this);
    }

    /**
     * Whether a job may start now; if another workspace's job is still running, says so in the
     * page's messages (naming it, and how to stop it) and answers false.
     */
    public boolean mayStart() {
        java.util.Optional<JobBoard.Entry> other = board.busyOtherThan(this);
        other.ifPresent(e -> messages.showProblem(new org.glassbox.engine.UserMessage(
                "Another job is still running (" + e.describe() + ").",
                "Wait for it, or switch to " + e.title() + " and press Esc to cancel it; then press F5 again.")));
        return other.isEmpty();
    }

    public JobControls controls() {
        return controls;
    }

    public ReadOnlyObjectProperty<Job<?>> currentJob() {
        return job.getReadOnlyProperty();
    }

    /** Whether a job is started and not yet finished. */
    public boolean isBusy() {
        return job.get() != null && !job.get().state().isFinal();
    }

    /**
     * Starts the job on the executor; {@code draw} gets each snapshot shown, on the FX thread.
     * Does nothing but say why when another workspace's job is running ({@link #mayStart}).
     */
    public <S> void start(Job<S> next, Consumer<S> draw) {
        if (!mayStart()) {
            return;
        }
        next.addStateListener(state -> {
            if (state == JobState.FAILED) {
                Platform.runLater(() -> messages.showProblem(next.failure()));
            }
        });
        if (pump != null) {
            pump.stop();
        }
        SnapshotPump<S> latest = new SnapshotPump<>(next::latest, f -> draw.accept(f.snapshot()));
        pump = latest;
        latest.start();
        controls.bind(next);
        controls.setOnScrub(i -> {
            @SuppressWarnings("unchecked")
            S snapshot = (S) controls.frames().get(i).snapshot();
            draw.accept(snapshot);
        });
        job.set(next);
        next.setPaceMillis(board.paceMillis());
        next.start(executor);
    }
}
