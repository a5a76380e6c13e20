package org.glassbox.modellab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.RunRecord;
import org.glassbox.models.ModelHandle;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;
import org.glassbox.workspace.BaseWorkspace;

/** The Model lab: a classifier evaluated on labelled images, with its confusion matrix. */
public final class ModelLabWorkspace extends BaseWorkspace<EvaluationParameters, EvaluationSnapshot> {

    public static Experiment experiment(String model, String data, EvaluationParameters parameters, long seed) {
        return new Experiment(Experiment.FORMAT, EvaluationRun.WORKSPACE, model, data,
                ExperimentFiles.JSON.valueToTree(parameters), seed);
    }

    public ModelLabWorkspace() {
        super(EvaluationRun.WORKSPACE, "Model lab",
                "Inspect a model's layers and evaluate it on Fashion-MNIST.",
                "evaluate", EvaluationParameters.class, EvaluationParameters::defaults);
    }

    @Override
    public String formula() {
        return "prediction = argmaxₖ f(x)ₖ  ·  accuracy = correct / images  ·  row t, column p of the matrix: images of class t predicted p";
    }

    @Override
    public java.util.List<org.glassbox.workspace.Demo> demos() {
        return java.util.List.of(
                new org.glassbox.workspace.Demo("LeNet on the 2,000 test images",
                        "The bundled LeNet classifies the Fashion-MNIST test images a batch at a time (82.7 % right); the"
                                + " confusion matrix fills in and shows which classes it mixes up.",
                        experiment("lenet-sigmoid", FashionMnist.TEST_ID, EvaluationParameters.defaults(), 1)),
                new org.glassbox.workspace.Demo("The ReLU CNN, for comparison",
                        "A convolutional network with ReLUs on the same images: 84.4 % right; compare where the two go wrong.",
                        experiment("relu-cnn", FashionMnist.TEST_ID, EvaluationParameters.defaults(), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return experiment("lenet-sigmoid", FashionMnist.TEST_ID, new EvaluationParameters(300, 100, 8), seed);
    }

    @Override
    public PreparedRun<EvaluationSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        EvaluationParameters parameters = setup(experiment);
        ModelHandle model = EvaluationRun.resolveModel(assets, experiment.model(), base);
        LabeledImages data = EvaluationRun.resolveData(assets, experiment.data());
        EvaluationTask task = new EvaluationTask(model, data, parameters, experiment.seed());
        return new PreparedRun<>() {
            @Override
            public IterativeTask<EvaluationSnapshot> task() {
                return task;
            }

            @Override
            public RunRecord write(Path out, EvaluationSnapshot last, RunTiming timing) throws IOException {
                return EvaluationRun.writeResults(out, experiment, model.name(), last, timing.started(), timing.seconds());
            }

            @Override
            public List<String> summary(EvaluationSnapshot last, RunTiming timing) {
                return List.of(String.format(Locale.ROOT, "model %s on %s: accuracy %.4f (%d of %d images correct) in %.2f s",
                        model.name(), data.name(), last.accuracy(), last.confusion().correct(), last.evaluated(), timing.seconds()));
            }
        };
    }
}
