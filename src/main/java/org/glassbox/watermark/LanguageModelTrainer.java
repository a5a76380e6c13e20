package org.glassbox.watermark;

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
import org.glassbox.engine.Seeds;
import org.glassbox.models.CatalogEntry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the bundled language model on the training chapters of {@link KjvCorpus} and measures its
 * perplexity on the held-out chapters, so the catalog's figures are the model's own.
 */
public final class LanguageModelTrainer {

    public static final String COMMAND = "java -jar target/glassbox.jar train-samples --only " + LanguageModelRecipe.ID;

    private final LanguageModelRecipe recipe;
    private final Consumer<String> log;

    public LanguageModelTrainer(LanguageModelRecipe recipe, Consumer<String> log) {
        this.recipe = recipe;
        this.log = log;
    }

    public CatalogEntry train(KjvCorpus corpus, long seed, Path folder) throws IOException {
        List<String> trainingTokens = corpus.trainingTokens();
        Vocabulary vocabulary = Vocabulary.mostFrequent(trainingTokens, recipe.vocabularySize());
        int[] train = LanguageModel.ids(vocabulary, trainingTokens);
        int[] heldOut = LanguageModel.ids(vocabulary, corpus.heldOutTokens());

        Seeds.seedNd4j(seed);
        MultiLayerNetwork net = new MultiLayerNetwork(recipe.configuration(seed));
        net.init();
        Random order = new Random(Seeds.derive(seed, "windows"));
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
            int[] starts = windowStarts(train.length, recipe.window(), order);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from + recipe.batchSize() <= starts.length; from += recipe.batchSize()) {
                INDArray[] xy = batch(train, starts, from, recipe.batchSize(), recipe.window());
                net.fit(xy[0], xy[1]);
                lossSum += net.score();
                batches++;
                if (batches % 200 == 0) {
                    log.accept(String.format("%s: epoch %d, batch %d/%d, loss %.3f, %.0f s", LanguageModelRecipe.ID, epoch,
                            batches, starts.length / recipe.batchSize(), lossSum / batches, (System.nanoTime() - start) / 1e9));
                }
            }
            log.accept(String.format("%s: epoch %d/%d, mean training loss %.3f", LanguageModelRecipe.ID, epoch,
                    recipe.epochs(), lossSum / batches));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perplexity = perplexity(net, heldOut, recipe.window());

        Files.createDirectories(folder);
        Path file = folder.resolve(LanguageModelRecipe.ID + ".zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        vocabulary.write(folder.resolve(LanguageModel.vocabularyFileOf(file)));

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("vocabularySize", (double) vocabulary.size());
        metrics.put("heldOutPerplexity", Math.round(perplexity * 100) / 100.0);
        metrics.put("heldOutUnknownRate", Math.round(unknownRate(heldOut) * 10000) / 10000.0);
        metrics.put("trainingTokens", (double) train.length);
        metrics.put("heldOutTokens", (double) heldOut.length);
        metrics.put("trainingSeconds", Math.round(seconds * 10) / 10.0);
        log.accept(LanguageModelRecipe.ID + ": " + metrics);
        return new CatalogEntry(LanguageModelRecipe.ID, file.getFileName().toString(),
                "Word LSTM language model, King James Bible",
                "A word-level LSTM language model of the King James Bible, for the watermark workspace. Trained on three"
                        + " chapters in four; every fourth chapter is held out as human text. Perplexity counts "
                        + Vocabulary.UNKNOWN + " as a word.",
                recipe.architecture(), "language-model", "kjv (chapters not divisible by 4)",
                "kjv (every 4th chapter, held out)", net.numParams(), seed,
                "Adam " + recipe.learningRate() + ", " + recipe.epochs() + " epochs, windows of " + recipe.window()
                        + " words, batch " + recipe.batchSize() + ", float32",
                COMMAND + " --seed " + seed, metrics);
    }

    /** Non-overlapping windows of {@code window + 1} tokens from a random offset, in random order. */
    private static int[] windowStarts(int length, int window, Random random) {
        int offset = random.nextInt(window);
        int count = (length - offset - 1) / window;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = offset + i * window;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = starts[i];
            starts[i] = starts[j];
            starts[j] = t;
        }
        return starts;
    }

    private static INDArray[] batch(int[] ids, int[] starts, int from, int size, int window) {
        float[][] x = new float[size][window];
        float[][][] y = new float[size][1][window];
        for (int b = 0; b < size; b++) {
            int s = starts[from + b];
            for (int t = 0; t < window; t++) {
                x[b][t] = ids[s + t];
                y[b][0][t] = ids[s + t + 1];
            }
        }
        return new INDArray[] {Nd4j.createFromArray(x), Nd4j.createFromArray(y)};
    }

    /**
     * exp of the mean negative log-likelihood of each held-out token given the ones before it,
     * the state carried across windows. The input is [1, 1, n]: given a 2-d input, rnnTimeStep
     * answers for the last step only.
     */
    static double perplexity(MultiLayerNetwork net, int[] ids, int window) {
        net.rnnClearPreviousState();
        double nll = 0;
        long count = 0;
        for (int s = 0; s + 1 < ids.length; s += window) {
            int n = Math.min(window, ids.length - 1 - s);
            float[][][] x = new float[1][1][n];
            for (int t = 0; t < n; t++) {
                x[0][0][t] = ids[s + t];
            }
            INDArray probabilities = net.rnnTimeStep(Nd4j.createFromArray(x)).castTo(DataType.DOUBLE);
            for (int t = 0; t < n; t++) {
                nll -= Math.log(Math.max(1e-30, probabilities.getDouble(0, ids[s + t + 1], t)));
                count++;
            }
        }
        net.rnnClearPreviousState();
        return Math.exp(nll / count);
    }

    private static double unknownRate(int[] ids) {
        long unknown = java.util.Arrays.stream(ids).filter(i -> i == Vocabulary.UNKNOWN_ID).count();
        return (double) unknown / ids.length;
    }
}
