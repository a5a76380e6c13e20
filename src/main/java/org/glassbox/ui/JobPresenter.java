package org.glassbox.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobExecutors;
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
    private SnapshotPump<?> pump;

    /** A presenter whose jobs run on a thread of their own each. */
    public JobPresenter(JobControls controls, Messages messages) {
        this(controls, messages, JobExecutors.background());
    }

    /** A presenter whose jobs run on {@code executor} (the calling thread in a test). */
    public JobPresenter(JobControls controls, Messages messages, java.util.concurrent.Executor executor) {
        this.controls = controls;
        this.messages = messages;
        this.executor = executor;
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

    /** Starts the job on a background thread; {@code draw} gets each snapshot shown, on the FX thread. */
    public <S> void start(Job<S> next, Consumer<S> draw) {
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
        next.start(executor);
    }
}
