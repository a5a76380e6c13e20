package org.glassbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.Seeds;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.ModelLabWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glassbox evaluate}: the Model lab's evaluation, headless. Its setup options come from {@link EvaluationParameters}. */
@Command(name = "evaluate", aliases = "model-lab", mixinStandardHelpOptions = true,
        description = "Evaluate an image classifier on the bundled Fashion-MNIST test set; writes run.json,"
                + " confusion-matrix.csv/.png and predictions.csv to the output folder.")
final class EvaluateCommand extends SetupCommand<EvaluationParameters> implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true,
            description = "A catalog id (e.g. lenet-sigmoid) or a model file (.zip or Keras .h5).")
    String model;

    @Option(names = "--data", defaultValue = FashionMnist.TEST_ID,
            description = "Data set: " + FashionMnist.TEST_ID + " or " + FashionMnist.TRAIN_ID + ". Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed (chooses the sample images). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public EvaluationParameters setupDefaults() {
        return EvaluationParameters.defaults();
    }

    @Override
    public Integer call() throws Exception {
        return RunCommand.run(ModelLabWorkspace.experiment(model, data, setup(), seed), Path.of(""), out);
    }
}
