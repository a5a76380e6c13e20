package org.glassbox.inversion;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a defense costs: two copies of one freshly initialised network train side by side on the
 * same batches, one on the plain mean gradient, one on the defended gradient; their test accuracy
 * is measured every frame. The defense acts on the batch's mean gradient (the update a client
 * shares), except DP-SGD, which clips each example's gradient to C, sums, adds N(0, (zC)²) once and
 * divides by the batch size (Abadi et al. 2016), and aggregation, whose copy averages over a batch
 * 1 + k times larger (the batch and the k × batch images after it): its price is that compute per
 * step, and its accuracy shows what the larger batch does. Both copies use Adam (lr 3e-3); same
 * seed, same run.
 */
public final class DefensePriceTask implements IterativeTask<PriceSnapshot> {

    private static final double LEARNING_RATE = 3e-3;

    private final Defense defense;
    private final LabeledImages train;
    private final LabeledImages test;
    private final int frames;
    private final int stepsPerFrame;
    private final int batchSize;
    private final ModelHandle plain;
    private final ModelHandle defended;
    private final Adam plainOptimizer;
    private final Adam defendedOptimizer;
    private final Random batches;
    private final Random noise;
    private final double[] plainCurve;
    private final double[] defendedCurve;

    public DefensePriceTask(MultiLayerConfiguration recipe, Defense defense, LabeledImages train, LabeledImages test,
                            int frames, int stepsPerFrame, int batchSize, long seed) {
        this.defense = defense;
        this.train = train;
        this.test = test;
        this.frames = frames;
        this.stepsPerFrame = stepsPerFrame;
        this.batchSize = batchSize;
        MultiLayerNetwork net = new MultiLayerNetwork(recipe);
        net.init();
        this.plain = new ModelHandle("undefended", net).withDataType(DataType.DOUBLE);
        this.defended = plain.copy();
        this.plainOptimizer = new Adam(plain.parameterCount());
        this.defendedOptimizer = new Adam(plain.parameterCount());
        this.batches = new Random(Seeds.derive(seed, "price-batches"));
        this.noise = new Random(Seeds.derive(seed, "price-noise"));
        this.plainCurve = new double[frames];
        this.defendedCurve = new double[frames];
    }

    @Override
    public int iterations() {
        return frames;
    }

    @Override
    public PriceSnapshot step(int frame) {
        int span = defense instanceof Defense.Aggregation a ? batchSize * (1 + a.extraImages()) : batchSize;
        for (int s = 0; s < stepsPerFrame; s++) {
            int from = batches.nextInt(train.size() - span + 1);
            INDArray x = plain.imageBatch(train.features(from, from + batchSize, DataType.DOUBLE), 1, train.height(), train.width());
            INDArray y = train.oneHot(from, from + batchSize, DataType.DOUBLE);
            INDArray mean = plain.gradients(x, y).parameters().divi(batchSize);
            plainOptimizer.update(plain, mean);
            if (span > batchSize) {
                INDArray xs = defended.imageBatch(train.features(from, from + span, DataType.DOUBLE), 1, train.height(), train.width());
                INDArray ys = train.oneHot(from, from + span, DataType.DOUBLE);
                defendedOptimizer.update(defended, defended.gradients(xs, ys).parameters().divi(span));
            } else {
                defendedOptimizer.update(defended, defendedGradient(x, y));
            }
        }
        plainCurve[frame] = accuracy(plain);
        defendedCurve[frame] = accuracy(defended);
        return new PriceSnapshot((frame + 1) * stepsPerFrame, plainCurve[frame], defendedCurve[frame],
                Arrays.copyOf(plainCurve, frame + 1), Arrays.copyOf(defendedCurve, frame + 1));
    }

    private INDArray defendedGradient(INDArray x, INDArray y) {
        if (defense instanceof Defense.DpSgd dp) {
            INDArray sum = null;
            for (int i = 0; i < batchSize; i++) {
                INDArray g = defended.gradients(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)),
                        y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1))).parameters();
                double norm = g.norm2Number().doubleValue();
                g.muli(Math.min(1, dp.clipNorm() / Math.max(norm, Double.MIN_VALUE)));
                sum = sum == null ? g : sum.addi(g);
            }
            INDArray noisy = new Defense.GaussianNoise(dp.noiseMultiplier() * dp.clipNorm()).apply(sum, noise);
            return noisy.divi(batchSize);
        }
        return defense.apply(defended.gradients(x, y).parameters().divi(batchSize), noise);
    }

    private double accuracy(ModelHandle model) {
        int n = Math.min(test.size(), 1000);
        INDArray out = model.output(model.imageBatch(test.features(0, n, DataType.DOUBLE), 1, test.height(), test.width()));
        int[] predicted = Predictions.argmax(out);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += predicted[i] == test.labels()[i] ? 1 : 0;
        }
        return (double) correct / n;
    }

    /** Adam (Kingma and Ba 2015, β1 0.9, β2 0.999, ε 1e-8) on a flat parameter vector. */
    private static final class Adam {
        private final INDArray m;
        private final INDArray v;
        private int t;

        Adam(long size) {
            m = Nd4j.zeros(DataType.DOUBLE, 1, size);
            v = Nd4j.zeros(DataType.DOUBLE, 1, size);
        }

        void update(ModelHandle model, INDArray gradient) {
            INDArray g = gradient.reshape(1, gradient.length());
            t++;
            m.muli(0.9).addi(g.mul(0.1));
            v.muli(0.999).addi(g.mul(g).muli(0.001));
            double lr = LEARNING_RATE * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            INDArray step = m.div(org.nd4j.linalg.ops.transforms.Transforms.sqrt(v, true).addi(1e-8)).muli(lr);
            model.setParameters(model.parameters().reshape(1, gradient.length()).subi(step));
        }
    }
}
