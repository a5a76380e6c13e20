package org.glassbox.models.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.data.ToyDataset;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;
import org.glassbox.models.ModelLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link SampleModel} with a seed, saves it as a DL4J zip and measures it the way the app
 * will (for image classifiers, with the Model lab's own evaluation), so the catalog's figures are
 * the figures a person sees.
 */
public final class SampleTrainer {

    public static final String COMMAND = "java -jar target/glassbox.jar train-samples";
    private static final int TOY_POINTS = 1000;
    private static final double TOY_NOISE = 0.1;

    private final Assets assets;
    private final Consumer<String> log;

    public SampleTrainer(Assets assets, Consumer<String> log) {
        this.assets = assets;
        this.log = log;
    }

    public CatalogEntry train(SampleModel model, long seed, Path folder) throws IOException, ModelLoadException {
        Seeds.seedNd4j(seed);
        MultiLayerNetwork net = new MultiLayerNetwork(model.recipe().configuration(seed));
        net.init();
        DataSet train = trainingData(model, seed);
        Random shuffle = new Random(Seeds.derive(seed, "shuffle"));
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= model.epochs(); epoch++) {
            fitEpoch(net, train, model.batchSize(), shuffle);
            if (epoch == model.epochs() || epoch % Math.max(1, model.epochs() / 5) == 0) {
                log.accept(String.format("%s: epoch %d/%d, training loss %.4f", model.id(), epoch, model.epochs(),
                        net.score(train, false)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = folder.resolve(model.id() + ".zip");
        Files.createDirectories(folder);
        ModelSerializer.writeModel(net, file.toFile(), false);

        ModelHandle saved = ModelLoader.load(file);
        Map<String, Double> metrics = new LinkedHashMap<>(measure(model, saved, seed));
        metrics.put("trainingSeconds", Math.round(seconds * 10) / 10.0);
        log.accept(model.id() + ": " + metrics);
        return new CatalogEntry(model.id(), file.getFileName().toString(), model.title(), model.description(),
                model.architecture(), model.task(), model.dataset(), evaluationSet(model), saved.parameterCount(), seed,
                "Adam, " + model.epochs() + " epochs, batch " + model.batchSize() + ", float32",
                COMMAND + " --only " + model.id() + " --seed " + seed, metrics);
    }

    private static void fitEpoch(MultiLayerNetwork net, DataSet train, int batchSize, Random shuffle) {
        int n = train.numExamples();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int from = 0; from < n; from += batchSize) {
            int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
            net.fit((DataSet) train.get(batch));
        }
    }

    private DataSet trainingData(SampleModel model, long seed) throws IOException {
        if (model.dataset().equals(SampleModels.FASHION)) {
            LabeledImages images = FashionMnist.train(assets);
            return new DataSet(images.features(0, images.size(), DataType.FLOAT),
                    images.oneHot(0, images.size(), DataType.FLOAT));
        }
        if (model.dataset().equals(RandomRegression.ID)) {
            return RandomRegression.generate(4000, Seeds.derive(seed, "train-data"));
        }
        return toyData(model, Seeds.derive(seed, "train-data"));
    }

    private static DataSet toyData(SampleModel model, long seed) {
        ToyDataset kind = ToyDataset.byId(model.dataset().substring("toy:".length()));
        ToyDataset.Points points = kind.generate(TOY_POINTS, TOY_NOISE, seed);
        INDArray x = Nd4j.create(points.xy()).castTo(DataType.FLOAT);
        INDArray y = Nd4j.zeros(DataType.FLOAT, points.size(), 2);
        for (int i = 0; i < points.size(); i++) {
            y.putScalar(i, points.labels()[i], 1.0);
        }
        return new DataSet(x, y);
    }

    /** The points a toy sample model (dataset "toy:NAME") was trained on, for drawing over its map. */
    public static ToyDataset.Points toyTrainingPoints(String dataset, long seed) {
        ToyDataset kind = ToyDataset.byId(dataset.substring("toy:".length()));
        return kind.generate(TOY_POINTS, TOY_NOISE, Seeds.derive(seed, "train-data"));
    }

    private static String evaluationSet(SampleModel model) {
        if (model.dataset().equals(SampleModels.FASHION)) {
            return FashionMnist.TEST_ID;
        }
        return model.dataset() + " (held-out draw)";
    }

    private Map<String, Double> measure(SampleModel model, ModelHandle saved, long seed) throws IOException {
        if (model.dataset().equals(SampleModels.FASHION)) {
            LabeledImages test = FashionMnist.test(assets);
            return Map.of("testAccuracy", saved.accuracy(test, test.size(), 100));
        }
        if (model.dataset().equals(RandomRegression.ID)) {
            DataSet test = RandomRegression.generate(1000, Seeds.derive(seed, "test-data"));
            INDArray diff = saved.output(test.getFeatures()).sub(test.getLabels());
            return Map.of("testMse", diff.mul(diff).meanNumber().doubleValue(),
                    "targetVariance", test.getLabels().varNumber().doubleValue());
        }
        DataSet test = toyData(model, Seeds.derive(seed, "test-data"));
        int[] predicted = Predictions.argmax(saved.output(test.getFeatures()));
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (test.getLabels().getDouble(i, predicted[i]) == 1.0) {
                correct++;
            }
        }
        return Map.of("testAccuracy", (double) correct / predicted.length);
    }

    public static List<SampleModel> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return SampleModels.all();
        }
        List<SampleModel> chosen = SampleModels.all().stream().filter(m -> ids.contains(m.id())).toList();
        if (chosen.size() != ids.size()) {
            throw new IllegalArgumentException("unknown sample model in " + ids + "; known: "
                    + SampleModels.all().stream().map(SampleModel::id).toList());
        }
        return chosen;
    }
}
