package org.glassbox.modellab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.ConfusionMatrixImage;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.Csv;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;
import org.glassbox.models.ModelLoader;

/** The Model lab's experiment: resolving its model and data, and writing its results. */
public final class EvaluationRun {

    public static final String WORKSPACE = "model-lab";

    private EvaluationRun() {
    }

    /** A catalog id, or else a file path (relative paths resolved against {@code base}). */
    public static ModelHandle resolveModel(Assets assets, String model, Path base) throws ModelLoadException, IOException {
        ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
        ModelHandle handle = catalog.resolve(model, base);
        Path source = catalog.sourceOf(model, base);
        ModelChecks.requireImageClassifier(handle, source, 1, 28, 28, FashionMnist.CLASS_NAMES.size());
        return handle;
    }

    public static LabeledImages resolveData(Assets assets, String data) throws UserFacingException {
        try {
            return FashionMnist.byId(assets, data);
        } catch (IOException e) {
            throw new UserFacingException("Cannot load data set '" + data + "': " + e.getMessage(),
                    "The Model lab evaluates on " + FashionMnist.TEST_ID + " or " + FashionMnist.TRAIN_ID + ".", e);
        }
    }

    public static EvaluationParameters parameters(Experiment e) throws UserFacingException {
        return ExperimentFiles.parameters(e, EvaluationParameters.class, EvaluationParameters.defaults());
    }

    /**
     * Writes run.json, report.html, confusion-matrix.csv, confusion-matrix.png and predictions.csv into
     * {@code folder} and returns the run record.
     */
    public static RunRecord writeResults(Path out, Experiment experiment, String modelName, EvaluationSnapshot result,
                                         Instant started, double seconds) throws IOException {
        return org.glassbox.experiment.ResultFolder.write(out, folder -> {
            List<String> files = new ArrayList<>();
            Files.writeString(folder.resolve("confusion-matrix.csv"), result.confusion().toCsv(), StandardCharsets.UTF_8);
            files.add("confusion-matrix.csv");
            ConfusionMatrixImage.write(result.confusion(), modelName, folder.resolve("confusion-matrix.png"));
            files.add("confusion-matrix.png");
            StringBuilder predictions = new StringBuilder("index,true,predicted,confidence\n");
            for (SamplePrediction s : result.samples()) {
                predictions.append(s.index()).append(',').append(Csv.quote(result.confusion().classNames().get(s.truth())))
                        .append(',').append(Csv.quote(result.confusion().classNames().get(s.predicted()))).append(',')
                        .append(s.confidence()).append('\n');
            }
            Files.writeString(folder.resolve("predictions.csv"), predictions, StandardCharsets.UTF_8);
            files.add("predictions.csv");
            files.add("run.json");
            files.add("report.html");
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", result.accuracy());
            metrics.put("evaluated", result.evaluated());
            metrics.put("correct", result.confusion().correct());
            RunRecord record = new RunRecord(experiment, Versions.current(), started.toString(), seconds, metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("model", experiment.model());
            what.put("data", experiment.data());
            what.put("parameters", experiment.parameters().toString());
            what.put("seed", experiment.seed());
            what.put("started", started);
            what.put("seconds", String.format(java.util.Locale.ROOT, "%.2f", seconds));
            new HtmlReport("Model lab: " + modelName + " on " + experiment.data())
                    .paragraph(String.format(java.util.Locale.ROOT, "Accuracy %.2f %% (%d of %d images correct).",
                            100 * result.accuracy(), result.confusion().correct(), result.evaluated()))
                    .table("What was run", what)
                    .image("Confusion matrix", ConfusionMatrixImage.render(result.confusion(), modelName))
                    .write(folder.resolve("report.html"));
            return record;
        });
    }
}
