package org.glassbox.regions;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.glassbox.data.ToyDataset;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Trains a small ReLU network on a 2-D toy set and, after every {@code stepsPerFrame} steps,
 * computes its exact region map: the teaching scene where regions multiply and bend as the
 * network learns. Double precision throughout; everything random comes from the seed.
 */
public final class PlaygroundTask implements IterativeTask<PlaygroundSnapshot> {

    /** The window the map is computed on: the toy sets lie within about [-1.3, 1.3]². */
    public static final Window TRAINING_WINDOW = new Window(-1.5, 1.5, -1.5, 1.5);

    private final PlaygroundParameters parameters;
    private final MultiLayerNetwork network;
    private final DataSet data;
    private final ToyDataset.Points points;
    private final Random shuffle;
    private final double[] lossCurve;
    private final int[] regionCurve;
    private int steps;

    public PlaygroundTask(ToyDataset dataset, Architecture architecture, PlaygroundParameters parameters, long seed) {
        this.parameters = parameters;
        this.points = dataset.generate(parameters.points(), parameters.noise(), Seeds.derive(seed, "data"));
        this.network = new MultiLayerNetwork(configuration(architecture, parameters, Seeds.derive(seed, "init")));
        this.network.init();
        INDArray x = Nd4j.create(points.xy());
        INDArray y = Nd4j.zeros(DataType.DOUBLE, points.size(), 2);
        for (int i = 0; i < points.size(); i++) {
            y.putScalar(i, points.labels()[i], 1.0);
        }
        this.data = new DataSet(x, y);
        this.shuffle = new Random(Seeds.derive(seed, "shuffle"));
        this.lossCurve = new double[parameters.frames()];
        this.regionCurve = new int[parameters.frames()];
    }

    static MultiLayerConfiguration configuration(Architecture architecture, PlaygroundParameters p, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new Adam(p.learningRate()))
                .l2(p.l2())
                .weightInit(WeightInit.RELU)
                .list();
        int in = 2;
        for (int width : architecture.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(in).nOut(2).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    public ToyDataset.Points points() {
        return points;
    }

    @Override
    public int iterations() {
        return parameters.frames();
    }

    @Override
    public PlaygroundSnapshot step(int frame) throws ModelLoadException {
        for (int s = 0; s < parameters.stepsPerFrame(); s++) {
            int[] batch = new int[Math.min(parameters.batchSize(), points.size())];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = shuffle.nextInt(points.size());
            }
            network.fit((DataSet) data.get(batch));
            steps++;
        }
        double loss = network.score(data, false);
        int[] predicted = Predictions.argmax(network.output(data.getFeatures(), false));
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == points.labels()[i]) {
                correct++;
            }
        }
        PiecewiseLinearNetwork copy = PiecewiseLinearNetwork.of(new ModelHandle("playground", network),
                java.nio.file.Path.of("playground"));
        RegionMap map = ExactPartition.compute(copy, Plane.identity2d(), TRAINING_WINDOW);
        lossCurve[frame] = loss;
        regionCurve[frame] = map.size();
        return new PlaygroundSnapshot(frame + 1, steps, loss, (double) correct / predicted.length, copy, map,
                Arrays.copyOf(lossCurve, frame + 1), Arrays.copyOf(regionCurve, frame + 1));
    }
}
