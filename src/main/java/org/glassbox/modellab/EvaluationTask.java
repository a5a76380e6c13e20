package org.glassbox.modellab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.ConfusionMatrix;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates an image classifier on the first {@code images} images of a labelled set, one batch
 * per iteration. The seed chooses which images are shown as sample predictions; the accuracy does
 * not depend on it.
 */
public final class EvaluationTask implements IterativeTask<EvaluationSnapshot> {

    private final ModelHandle model;
    private final LabeledImages data;
    private final EvaluationParameters parameters;
    private final int total;
    private final Map<Integer, Integer> sampleSlots = new HashMap<>();
    private final SamplePrediction[] samples;
    private ConfusionMatrix confusion;
    private int evaluated;

    public EvaluationTask(ModelHandle model, LabeledImages data, EvaluationParameters parameters, long seed) {
        this.model = model;
        this.data = data;
        this.parameters = parameters;
        this.total = Math.min(parameters.images(), data.size());
        this.confusion = ConfusionMatrix.empty(data.classNames());
        Random random = new Random(Seeds.derive(seed, "sample-predictions"));
        int count = Math.min(parameters.samples(), total);
        this.samples = new SamplePrediction[count];
        while (sampleSlots.size() < count) {
            sampleSlots.putIfAbsent(random.nextInt(total), sampleSlots.size());
        }
    }

    @Override
    public int iterations() {
        return (total + parameters.batchSize() - 1) / parameters.batchSize();
    }

    @Override
    public EvaluationSnapshot step(int index) {
        int from = index * parameters.batchSize();
        int to = Math.min(total, from + parameters.batchSize());
        INDArray input = model.imageBatch(data.features(from, to, model.dataType()), 1, data.height(), data.width());
        INDArray output = model.output(input);
        int[] predicted = Predictions.argmax(output);
        int[] truth = java.util.Arrays.copyOfRange(data.labels(), from, to);
        confusion = confusion.plus(truth, predicted);
        for (int i = from; i < to; i++) {
            Integer slot = sampleSlots.get(i);
            if (slot != null) {
                int p = predicted[i - from];
                samples[slot] = new SamplePrediction(i, truth[i - from], p, output.getDouble(i - from, p));
            }
        }
        evaluated = to;
        List<SamplePrediction> shown = new ArrayList<>();
        for (SamplePrediction s : samples) {
            if (s != null) {
                shown.add(s);
            }
        }
        shown.sort(java.util.Comparator.comparingInt(SamplePrediction::index));
        return new EvaluationSnapshot(evaluated, total, confusion, shown);
    }
}
