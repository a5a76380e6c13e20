package org.glassbox.workspace;

import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.Parameters;

/**
 * A workspace as everything but its page sees it: the app's list, {@code glassbox run}, the CLI
 * command, the benchmarks and the tests all read these from {@link Workspaces}. JavaFX-free.
 *
 * <p>An experiment names the workspace by {@link #id()} and carries the setup record as its
 * parameters; {@link #prepare} turns it into a task and a way to write its results, so that every
 * workspace runs, saves and replays the same way.
 *
 * @param <S> the setup record: what an experiment file holds as "parameters"
 * @param <T> the snapshot the task publishes after each step
 */
public interface Workspace<S extends Record, T> {

    /** The id in experiment files and run records ({@code model-lab}, {@code reverse-engineering}, …). */
    String id();

    /** The title in the app's list. */
    String title();

    /** One sentence on what it shows, for the list's tooltip and the help. */
    String description();

    /** The CLI command that runs it from flags, with its subcommand if it has one ("watermark generate"). */
    String command();

    Class<S> setupType();

    S defaults();

    /**
     * The setup an experiment holds: defaults for what it leaves out, validated against the
     * {@code @Param} ranges; an experiment of another workspace is refused, naming it.
     */
    default S setup(Experiment experiment) throws Exception {
        requireOwn(experiment);
        return Parameters.requireValid(ExperimentFiles.parameters(experiment, setupType(), defaults()));
    }

    /** Refuses an experiment saved from another workspace, with its name and what to do. */
    default void requireOwn(Experiment experiment) throws org.glassbox.engine.UserFacingException {
        if (!id().equals(experiment.workspace())) {
            throw new org.glassbox.engine.UserFacingException("This experiment is for workspace '" + experiment.workspace() + "', not "
                    + id() + ".", "Open it from its own workspace.");
        }
    }

    /** A small experiment that shows the workspace working within seconds (the tests replay it; a demo can start it). */
    Experiment example(long seed);

    /** What the workspace computes, as one line of formula (the page shows it above its view). */
    default String formula() {
        return "";
    }

    /** The workspace's one-click demonstrations, in the order of a lesson (none by default). */
    default java.util.List<Demo> demos() {
        return java.util.List.of();
    }

    /**
     * Checks the experiment and resolves what it names (the model and data, relative paths from
     * {@code base}); the task of the returned run has not started.
     */
    PreparedRun<T> prepare(Experiment experiment, Path base, Assets assets) throws Exception;
}
