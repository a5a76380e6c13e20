package org.glassbox.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import org.glassbox.engine.Job;

/**
 * One workspace of the app: its view and the standard actions the shell's menus and shortcuts
 * call. A page binds a parameter sheet, job controls and a view of the latest snapshot; it holds
 * no compute of its own.
 */
public interface WorkspacePage {

    Node view();

    /** The page's jobs: what runs now, and the controls that steer it. */
    JobPresenter jobs();

    /** The job this page runs now or ran last, or null; the status bar shows it. */
    default ReadOnlyObjectProperty<Job<?>> currentJob() {
        return jobs().currentJob();
    }

    /** Ctrl+O: open a model (or whatever this workspace's input is). */
    void open();

    /** Ctrl+Shift+O: open an experiment file saved from this workspace, chosen in a dialog. */
    default void openExperiment() {
        java.io.File file = Forms.openFile(view(), "Open experiment", "Experiment", "*.json");
        if (file != null) {
            applyExperiment(file.toPath());
        }
    }

    /**
     * Loads an experiment file's settings into the page. Pages without experiment files override
     * {@link #openExperiment} to say so, and never get here.
     */
    default void applyExperiment(java.nio.file.Path file) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no experiment files");
    }

    /** Ctrl+S: save the current settings as an experiment file. */
    void saveExperiment();

    /** F5 */
    void run();

    /** F6: pause a running job, resume a paused one. */
    default void pauseOrResume() {
        jobs().controls().pauseOrResume();
    }

    /** F7: run one iteration of a paused job. */
    default void step() {
        jobs().controls().step();
    }

    /** Esc */
    default void cancel() {
        jobs().controls().cancel();
    }
}
