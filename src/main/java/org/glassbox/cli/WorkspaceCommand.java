package org.glassbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.engine.Seeds;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command of a workspace that has none of its own: {@code glassbox <id>}, with the setup
 * record's options, the model and data of its example as defaults, a seed and an output folder.
 * A new workspace gets its command line from its descriptor alone.
 */
@Command(mixinStandardHelpOptions = true)
final class WorkspaceCommand<S extends Record> extends SetupCommand<S> implements Callable<Integer> {

    private final Workspace<S, ?> workspace;

    @Option(names = "--experiment", description = "An experiment file of this workspace; the other options are then ignored.")
    Path experimentFile;

    @Option(names = {"-m", "--model"}, description = "A catalog id or model file (default: the example's).")
    String model;

    @Option(names = "--data", description = "The data (default: the example's).")
    String data;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    private WorkspaceCommand(Workspace<S, ?> workspace) {
        this.workspace = workspace;
    }

    static <S extends Record> CommandLine of(Workspace<S, ?> workspace) {
        CommandLine command = new CommandLine(new WorkspaceCommand<>(workspace));
        command.getCommandSpec().usageMessage().description(workspace.title() + ": " + workspace.description()
                + " Writes run.json (which glassbox run replays), report.html and the workspace's own files.");
        return command;
    }

    @Override
    public S setupDefaults() {
        return workspace.defaults();
    }

    @Override
    public Integer call() throws Exception {
        if (experimentFile != null) {
            return RunCommand.run(ExperimentFiles.read(experimentFile), experimentFile.toAbsolutePath().getParent(), out);
        }
        Experiment example = workspace.example(seed);
        Experiment experiment = new Experiment(Experiment.FORMAT, workspace.id(), model != null ? model : example.model(),
                data != null ? data : example.data(), ExperimentFiles.JSON.valueToTree(setup()), seed);
        return RunCommand.run(experiment, Path.of(""), out);
    }
}
