package org.glassbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.Seeds;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.EvaluationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glassbox evaluate}: the Model lab's evaluation, headless. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate an image classifier on the bundled Fashion-MNIST test set; writes run.json,"
                + " confusion-matrix.csv/.png and predictions.csv to the output folder.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true,
            description = "A catalog id (e.g. lenet-sigmoid) or a model file (.zip or Keras .h5).")
    String model;

    @Option(names = "--data", defaultValue = FashionMnist.TEST_ID,
            description = "Data set: " + FashionMnist.TEST_ID + " or " + FashionMnist.TRAIN_ID + ". Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--images", defaultValue = "2000", description = "Images to evaluate, from the first. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--batch-size", defaultValue = "100", description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--samples", defaultValue = "24", description = "Sample predictions to record. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed (chooses the sample images). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        JsonNode params = ExperimentFiles.JSON.valueToTree(new EvaluationParameters(images, batchSize, samples));
        Experiment experiment = new Experiment(Experiment.FORMAT, EvaluationRun.WORKSPACE, model, data, params, seed);
        return RunCommand.run(experiment, Path.of(""), out);
    }
}
