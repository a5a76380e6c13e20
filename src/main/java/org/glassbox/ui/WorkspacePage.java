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

    /**
     * Loads an experiment file of this page's workspace into the page (the shell reads which
     * workspace a file is for, and brings that one forward first).
     */
    void applyExperiment(java.nio.file.Path file);

    /**
     * Puts an experiment of this page's workspace into its controls ({@code base}: the folder its
     * relative paths are read from); false, with the reason shown, if the page cannot take it.
     */
    boolean applyExperiment(org.glassbox.experiment.Experiment experiment, java.nio.file.Path base);

    /** The workspace's one-click demonstrations, for the Demos menu. */
    java.util.List<org.glassbox.workspace.Demo> demos();

    /** Shows or puts away the settings beside the views (F9), so that in front of a class the views get the width. */
    void showSettings(boolean show);

    /** Puts a demo's experiment into the controls and runs it, with a line on what it shows. */
    void runDemo(org.glassbox.workspace.Demo demo);

    /** Shows a problem in the page's message area (input a control did not take, a file the shell could not open). */
    void showProblem(org.glassbox.engine.UserMessage message);

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
