package org.glassbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.workspace.HeadlessRunner;
import org.glassbox.workspace.Workspace;
import org.glassbox.workspaces.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glassbox run experiment.json}: runs a saved experiment, of any workspace, headless. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment file (saved from the app with Ctrl+S, or the run.json of an earlier run) and write its results.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (.json), or a run.json to replay.")
    Path file;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Experiment experiment = ExperimentFiles.read(file);
        return run(experiment, file.toAbsolutePath().getParent(), out);
    }

    /** Runs an experiment of any workspace to its end, prints its progress and figures, and writes its results. */
    static int run(Experiment experiment, Path base, Path out) throws Exception {
        Workspace<?, ?> workspace = Workspaces.byId(experiment.workspace()).orElseThrow(() -> new UserFacingException(
                "There is no workspace '" + experiment.workspace() + "'.", "Workspaces: " + Workspaces.ids() + "."));
        HeadlessRunner.run(workspace, experiment, base, out, Assets.locate(), System.out::println);
        return 0;
    }
}
