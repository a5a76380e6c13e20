package org.glassbox.backdoor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.metrics.Curves;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.samples.SampleModels;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * BadNets and its clean twin, then Neural Cleanse on both. Training frames first: both models
 * start from the same weights and take the same batches (the same rows, in the same order), the
 * backdoored one with the poisoned rows stamped and relabelled, the twin with them as they were;
 * after each frame both are tested on every test image (accuracy) and on every triggered test
 * image of another class than the target (attack success). Detection frames follow: class by
 * class, a few steps of each model's trigger search at a time.
 */
public final class BackdoorTask implements IterativeTask<BackdoorSnapshot> {

    private static final int SHOWN_POISONED = 8;
    private static final int DETECTION_FRAMES_PER_CLASS = 10;
    /** Test images STRIP scores, clean and triggered. */
    private static final int STRIP_INPUTS = 300;

    private final BackdoorSetup setup;
    private final Trigger trigger;
    private final int height;
    private final int width;
    private final int classes;
    private final MultiLayerNetwork backdoored;
    private final MultiLayerNetwork twin;
    private final DataSet poisonedData;
    private final DataSet cleanData;
    private final int[] poisonedRows;
    private final Random batchOrder;
    private final INDArray testFeatures;
    private final INDArray triggeredFeatures;
    private final int[] testLabels;
    private final INDArray cleanseImages;
    private final long seed;
    private final int trainingFrames;
    private final int chunk;
    private final BackdoorSnapshot.Examples shownExamples;
    private int[] epochOrder = new int[0];
    private int stepsDone;
    private double[] steps = new double[0];
    private double[] backdooredAccuracy = new double[0];
    private double[] backdooredSuccess = new double[0];
    private double[] twinAccuracy = new double[0];
    private double[] twinSuccess = new double[0];
    private AttackSuccess backdooredAsr;
    private AttackSuccess twinAsr;
    private BackdoorSnapshot.Examples examples;
    private final List<NeuralCleanse.Reversed> backdooredReversed = new ArrayList<>();
    private final List<NeuralCleanse.Reversed> twinReversed = new ArrayList<>();
    private NeuralCleanse.Search backdooredSearch;
    private NeuralCleanse.Search twinSearch;
    private Unlearning unlearning;
    private MultiLayerNetwork unlearned;
    private Strip.Result strip;
    private Strip.Result twinStrip;
    private ActivationClustering.Result clustering;

    public BackdoorTask(LabeledImages train, LabeledImages test, BackdoorSetup setup, long seed) throws UserFacingException {
        if (setup.examples() > train.size()) {
            throw new UserFacingException(setup.examples() + " training images asked for; " + train.size() + " are shipped.",
                    "Use at most " + train.size() + ".");
        }
        if (setup.targetClass() >= train.numClasses()) {
            throw new UserFacingException("Target class " + setup.targetClass() + " is not a class of " + train.name() + ", which has "
                    + train.numClasses() + " (0 to " + (train.numClasses() - 1) + ").", "Choose a target from 0 ("
                    + train.classNames().get(0) + ") to " + (train.numClasses() - 1) + " (" + train.classNames().get(train.numClasses() - 1)
                    + ").");
        }
        this.setup = setup;
        this.seed = seed;
        this.height = train.height();
        this.width = train.width();
        this.classes = train.numClasses();
        this.trigger = setup.trigger(height, width, Seeds.derive(seed, "trigger"));
        int n = setup.examples();
        int[] labels = Arrays.copyOf(train.labels(), n);
        poisonedRows = choosePoisoned(labels, setup.targetClass(), setup.poisonFraction(), Seeds.derive(seed, "poison"));
        INDArray x = train.features(0, n, DataType.FLOAT);
        INDArray y = train.oneHot(0, n, DataType.FLOAT);
        cleanData = new DataSet(x, y);
        INDArray px = x.dup();
        INDArray py = y.dup();
        double[][] shownPoison = new double[Math.min(SHOWN_POISONED, poisonedRows.length)][];
        int[] shownLabels = new int[shownPoison.length];
        for (int k = 0; k < poisonedRows.length; k++) {
            int row = poisonedRows[k];
            double[] stamped = trigger.stamp(train.image(row));
            px.putRow(row, Nd4j.create(stamped).castTo(DataType.FLOAT));
            py.putRow(row, Nd4j.zeros(DataType.FLOAT, classes).putScalar(setup.targetClass(), 1f));
            if (k < shownPoison.length) {
                shownPoison[k] = stamped;
                shownLabels[k] = labels[row];
            }
        }
        poisonedData = new DataSet(px, py);
        long init = Seeds.derive(seed, "initial-weights");
        backdoored = network(setup, init);
        twin = network(setup, init);
        batchOrder = new Random(Seeds.derive(seed, "batches"));
        testFeatures = test.features(0, test.size(), DataType.FLOAT);
        testLabels = test.labels().clone();
        double[][] stampedTest = new double[test.size()][];
        for (int i = 0; i < test.size(); i++) {
            stampedTest[i] = trigger.stamp(test.image(i));
        }
        triggeredFeatures = Nd4j.create(stampedTest).castTo(DataType.FLOAT);
        cleanseImages = testFeatures.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, Math.min(setup.cleanseImages(), test.size())),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        trainingFrames = (setup.trainingSteps() + setup.stepsPerFrame() - 1) / setup.stepsPerFrame();
        chunk = Math.max(1, (setup.cleanseSteps() + DETECTION_FRAMES_PER_CLASS - 1) / DETECTION_FRAMES_PER_CLASS);
        int[] shown = oneTestImagePerOtherClass(testLabels, setup.targetClass(), classes);
        double[][] shownTest = new double[shown.length][];
        double[][] shownTriggered = new double[shown.length][];
        int[] shownTestLabels = new int[shown.length];
        for (int k = 0; k < shown.length; k++) {
            shownTest[k] = test.image(shown[k]);
            shownTriggered[k] = stampedTest[shown[k]];
            shownTestLabels[k] = testLabels[shown[k]];
        }
        shownExamples = new BackdoorSnapshot.Examples(shownPoison, shownLabels, shown, shownTest, shownTriggered, shownTestLabels,
                null, null, null, null);
    }

    /**
     * round(fraction · N) rows drawn (seeded) from the rows whose label is not the target: relabelling
     * a target-class image to the target would teach nothing.
     */
    static int[] choosePoisoned(int[] labels, int target, double fraction, long seed) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != target) {
                candidates.add(i);
            }
        }
        int count = (int) Math.min(candidates.size(), Math.round(fraction * labels.length));
        java.util.Collections.shuffle(candidates, new Random(seed));
        return candidates.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] oneTestImagePerOtherClass(int[] labels, int target, int classes) {
        int[] first = new int[classes];
        Arrays.fill(first, -1);
        for (int i = 0; i < labels.length; i++) {
            if (first[labels[i]] < 0) {
                first[labels[i]] = i;
            }
        }
        return Arrays.stream(first).filter(i -> i >= 0 && labels[i] != target).toArray();
    }

    static MultiLayerNetwork network(BackdoorSetup setup, long seed) {
        MultiLayerConfiguration conf = switch (setup.classifier()) {
            case MLP -> SampleModels.mlp(seed, 784, new int[] {128}, 10, LossFunction.MCXENT, Activation.SOFTMAX, setup.learningRate());
            case CNN -> SampleModels.reluCnn(seed, setup.learningRate());
        };
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private int detectionFrames() {
        return setup.cleanseSteps() == 0 ? 0 : classes * DETECTION_FRAMES_PER_CLASS;
    }

    private int unlearningFrames() {
        return setup.cleanseSteps() > 0 && setup.unlearningImages() > 0 ? 1 : 0;
    }

    @Override
    public int iterations() {
        return trainingFrames + detectionFrames() + unlearningFrames() + stripFrames() + (setup.activationClustering() ? 1 : 0);
    }

    private int stripFrames() {
        return setup.stripOverlays() > 0 ? 1 : 0;
    }

    @Override
    public BackdoorSnapshot step(int index) {
        BackdoorSnapshot.Phase phase;
        if (index < trainingFrames) {
            train(Math.min(setup.trainingSteps(), (index + 1) * setup.stepsPerFrame()));
            phase = BackdoorSnapshot.Phase.TRAINING;
        } else if (index < trainingFrames + detectionFrames()) {
            detect(index - trainingFrames);
            phase = BackdoorSnapshot.Phase.DETECTING;
        } else if (index < trainingFrames + detectionFrames() + unlearningFrames()) {
            unlearning = unlearn();
            phase = BackdoorSnapshot.Phase.UNLEARNING;
        } else if (index < trainingFrames + detectionFrames() + unlearningFrames() + stripFrames()) {
            strip = strip(backdoored);
            twinStrip = strip(twin);
            phase = BackdoorSnapshot.Phase.STRIP;
        } else {
            clustering = cluster();
            phase = BackdoorSnapshot.Phase.CLUSTERING;
        }
        return snapshot(index + 1 == iterations() ? BackdoorSnapshot.Phase.DONE : phase);
    }

    private void detect(int detectionFrame) {
        int target = detectionFrame / DETECTION_FRAMES_PER_CLASS;
        if (detectionFrame % DETECTION_FRAMES_PER_CLASS == 0) {
            long searchSeed = Seeds.derive(seed, "neural-cleanse-" + target);
            backdooredSearch = cleanse(backdoored).search(target, searchSeed);
            twinSearch = cleanse(twin).search(target, searchSeed);
        }
        int remaining = setup.cleanseSteps() - backdooredSearch.steps();
        backdooredSearch.advance(Math.min(chunk, remaining));
        twinSearch.advance(Math.min(chunk, remaining));
        if (detectionFrame % DETECTION_FRAMES_PER_CLASS == DETECTION_FRAMES_PER_CLASS - 1) {
            backdooredReversed.add(backdooredSearch.result());
            twinReversed.add(twinSearch.result());
            backdooredSearch = null;
            twinSearch = null;
        }
    }

    /** Unlearning with the reversed trigger of the flagged class of smallest norm; null when nothing was flagged. */
    private Unlearning unlearn() {
        BackdoorSnapshot.Detection d = detection(backdooredReversed, null);
        NeuralCleanse.Reversed chosen = d.mad().flagged().stream().map(backdooredReversed::get)
                .min(java.util.Comparator.comparingDouble(NeuralCleanse.Reversed::l1)).orElse(null);
        if (chosen == null) {
            return null;
        }
        int n = Math.min(setup.unlearningImages(), (int) cleanData.numExamples());
        INDArray x = cleanData.getFeatures().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
        INDArray y = cleanData.getLabels().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
        Random random = new Random(Seeds.derive(seed, "unlearning"));
        int[] order = Seeds.permutation(n, random);
        int stamped = (int) Math.round(Unlearning.STAMPED_SHARE * n);
        Trigger reversed = new Trigger(height, width, chosen.mask(), chosen.pattern());
        for (int k = 0; k < stamped; k++) {
            x.putRow(order[k], Nd4j.create(reversed.stamp(x.getRow(order[k]).toDoubleVector())).castTo(DataType.FLOAT));
        }
        unlearned = backdoored.clone();
        DataSet data = new DataSet(x, y);
        int[] batches = Seeds.permutation(n, random);
        for (int from = 0; from < n; from += setup.batchSize()) {
            unlearned.fit(batch(data, Arrays.copyOfRange(batches, from, Math.min(n, from + setup.batchSize()))));
        }
        AttackSuccess after = AttackSuccess.of(Predictions.argmax(unlearned.output(triggeredFeatures, false)), testLabels,
                setup.targetClass());
        double accuracyAfter = accuracy(Predictions.argmax(unlearned.output(testFeatures, false)));
        return new Unlearning(chosen.target(), n, stamped, last(backdooredAccuracy), accuracyAfter, backdooredAsr, after);
    }

    /** STRIP on held-out test images of the other classes (after the defender's clean set), clean and triggered. */
    private Strip.Result strip(MultiLayerNetwork net) {
        int from = Math.min((int) cleanseImages.size(0), testLabels.length - 1);
        int[] rows = java.util.stream.IntStream.range(from, testLabels.length).filter(i -> testLabels[i] != setup.targetClass())
                .limit(STRIP_INPUTS).toArray();
        return Strip.run(batch -> net.output(batch, false), Nd4j.pullRows(testFeatures, 1, rows), Nd4j.pullRows(triggeredFeatures, 1, rows),
                cleanseImages, setup.stripOverlays(), setup.stripRejection(), Seeds.derive(seed, "strip"));
    }

    /** Activation clustering of the backdoored model's training images, by the labels it was trained with. */
    private ActivationClustering.Result cluster() {
        INDArray features = poisonedData.getFeatures();
        int layer = backdoored.getnLayers() - 2;
        double[][] activations = backdoored.feedForwardToLayer(layer, features, false).get(layer + 1)
                .reshape(features.size(0), -1).castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] labels = Predictions.argmax(poisonedData.getLabels());
        boolean[] poisoned = new boolean[labels.length];
        for (int row : poisonedRows) {
            poisoned[row] = true;
        }
        return ActivationClustering.run(activations, labels, poisoned, classes, Seeds.derive(seed, "activation-clustering"));
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }

    private NeuralCleanse cleanse(MultiLayerNetwork net) {
        return new NeuralCleanse(new ModelHandle("model", net), cleanseImages, height, width, NeuralCleanse.Settings.REFERENCE);
    }

    private void train(int until) {
        int perEpoch = (setup.examples() + setup.batchSize() - 1) / setup.batchSize();
        while (stepsDone < until) {
            int inEpoch = stepsDone % perEpoch;
            if (inEpoch == 0) {
                epochOrder = Seeds.permutation(setup.examples(), batchOrder);
            }
            int from = inEpoch * setup.batchSize();
            int[] rows = Arrays.copyOfRange(epochOrder, from, Math.min(epochOrder.length, from + setup.batchSize()));
            backdoored.fit(batch(poisonedData, rows));
            twin.fit(batch(cleanData, rows));
            stepsDone++;
        }
        int[] bClean = Predictions.argmax(backdoored.output(testFeatures, false));
        int[] bTriggered = Predictions.argmax(backdoored.output(triggeredFeatures, false));
        int[] tClean = Predictions.argmax(twin.output(testFeatures, false));
        int[] tTriggered = Predictions.argmax(twin.output(triggeredFeatures, false));
        backdooredAsr = AttackSuccess.of(bTriggered, testLabels, setup.targetClass());
        twinAsr = AttackSuccess.of(tTriggered, testLabels, setup.targetClass());
        steps = Curves.append(steps, stepsDone);
        backdooredAccuracy = Curves.append(backdooredAccuracy, accuracy(bClean));
        backdooredSuccess = Curves.append(backdooredSuccess, backdooredAsr.rate());
        twinAccuracy = Curves.append(twinAccuracy, accuracy(tClean));
        twinSuccess = Curves.append(twinSuccess, twinAsr.rate());
        int[] shown = shownExamples.testIndex();
        examples = new BackdoorSnapshot.Examples(shownExamples.poisoned(), shownExamples.poisonedTrueLabels(), shown,
                shownExamples.test(), shownExamples.triggeredTest(), shownExamples.testLabels(), pick(bClean, shown),
                pick(bTriggered, shown), pick(tClean, shown), pick(tTriggered, shown));
    }

    /** The rows of a data set as one batch ({@code pullRows} is a hundred times faster than {@code DataSet.get}). */
    private static DataSet batch(DataSet data, int[] rows) {
        return new DataSet(Nd4j.pullRows(data.getFeatures(), 1, rows), Nd4j.pullRows(data.getLabels(), 1, rows));
    }

    private BackdoorSnapshot snapshot(BackdoorSnapshot.Phase phase) {
        return new BackdoorSnapshot(phase, stepsDone, setup.trainingSteps(), steps, backdooredAccuracy, backdooredSuccess, twinAccuracy,
                twinSuccess, backdooredAsr, twinAsr, examples, detection(backdooredReversed, backdooredSearch),
                detection(twinReversed, twinSearch), unlearning, strip, twinStrip, clustering);
    }

    private BackdoorSnapshot.Detection detection(List<NeuralCleanse.Reversed> done, NeuralCleanse.Search searching) {
        if (setup.cleanseSteps() == 0) {
            return BackdoorSnapshot.Detection.NONE;
        }
        Mad mad = done.size() == classes ? Mad.of(done.stream().mapToDouble(NeuralCleanse.Reversed::l1).toArray()) : null;
        return new BackdoorSnapshot.Detection(List.copyOf(done), searching == null ? null : searching.result(), mad);
    }

    private double accuracy(int[] predicted) {
        int right = 0;
        for (int i = 0; i < testLabels.length; i++) {
            right += predicted[i] == testLabels[i] ? 1 : 0;
        }
        return (double) right / testLabels.length;
    }

    private static int[] pick(int[] values, int[] at) {
        return Arrays.stream(at).map(i -> values[i]).toArray();
    }



    public Trigger trigger() {
        return trigger;
    }

    public MultiLayerNetwork backdoored() {
        return backdoored;
    }

    public MultiLayerNetwork twin() {
        return twin;
    }

    /** The backdoored model after unlearning, or null when it has not been run. */
    public MultiLayerNetwork unlearned() {
        return unlearned;
    }

    /** The rows of the training images that were poisoned. */
    public int[] poisonedRows() {
        return poisonedRows.clone();
    }
}
