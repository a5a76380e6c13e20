package org.glassbox.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Frame;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.RunRecord;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.EvaluationRun;
import org.glassbox.modellab.EvaluationSnapshot;
import org.glassbox.modellab.EvaluationTask;
import org.glassbox.models.ModelHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glassbox run experiment.json}: runs a saved experiment headless. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment file (saved from the app with Ctrl+S) and write its results.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (.json).")
    Path file;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Experiment experiment = ExperimentFiles.read(file);
        Path base = file.toAbsolutePath().getParent();
        return run(experiment, base, out);
    }

    static int run(Experiment experiment, Path base, Path out) throws Exception {
        if (org.glassbox.inversion.InversionRun.WORKSPACE.equals(experiment.workspace())) {
            return InvertCommand.run(experiment, base, out);
        }
        if (org.glassbox.extraction.ExtractionRun.WORKSPACE.equals(experiment.workspace())) {
            return ExtractCommand.run(experiment, base, out);
        }
        if (org.glassbox.watermark.WatermarkRun.WORKSPACE.equals(experiment.workspace())) {
            return WatermarkCommand.run(experiment, out);
        }
        if (!EvaluationRun.WORKSPACE.equals(experiment.workspace())) {
            throw new UserFacingException("Workspace '" + experiment.workspace() + "' cannot run headless.",
                    "Headless workspaces: " + EvaluationRun.WORKSPACE + ", " + org.glassbox.inversion.InversionRun.WORKSPACE + ", "
                            + org.glassbox.extraction.ExtractionRun.WORKSPACE + ", " + org.glassbox.watermark.WatermarkRun.WORKSPACE + ".");
        }
        Assets assets = Assets.locate();
        EvaluationParameters parameters = EvaluationRun.parameters(experiment);
        ModelHandle model = EvaluationRun.resolveModel(assets, experiment.model(), base);
        LabeledImages data = EvaluationRun.resolveData(assets, experiment.data());
        Instant started = Instant.now();
        Job<EvaluationSnapshot> job = new Job<>("evaluate " + model.name(), experiment.seed(),
                new EvaluationTask(model, data, parameters, experiment.seed()));
        job.start(JobExecutors.callingThread());
        if (job.state() != JobState.SUCCEEDED) {
            throw new UserFacingException(job.failure().problem(), job.failure().remedy());
        }
        Frame<EvaluationSnapshot> last = job.latest();
        RunRecord record = EvaluationRun.writeResults(out, experiment, model.name(), last.snapshot(), started,
                job.elapsedSeconds());
        System.out.printf(Locale.ROOT, "model %s on %s: accuracy %.4f (%d of %d images correct) in %.2f s%n",
                model.name(), data.name(), last.snapshot().accuracy(), last.snapshot().confusion().correct(),
                last.snapshot().evaluated(), job.elapsedSeconds());
        System.out.println("wrote " + String.join(", ", record.files()) + " to " + out.toAbsolutePath());
        return 0;
    }
}
