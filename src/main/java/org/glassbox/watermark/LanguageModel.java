package org.glassbox.watermark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.models.ModelLoadException;
import org.glassbox.models.ModelLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A word-level language model for generation: the network and its vocabulary. It keeps the
 * recurrent state of one text being written, so one instance serves one generation at a time;
 * {@link #copy} gives another.
 */
public final class LanguageModel {

    private final String id;
    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;

    public LanguageModel(String id, MultiLayerNetwork network, Vocabulary vocabulary) {
        long outputs = network.getLayer(network.getnLayers() - 1).getParam("W").size(1);
        if (outputs != vocabulary.size()) {
            throw new IllegalArgumentException("the model predicts " + outputs + " words but its vocabulary lists "
                    + vocabulary.size());
        }
        this.id = id;
        this.network = network;
        this.vocabulary = vocabulary;
    }

    /** The vocabulary file that sits beside a model zip: {@code NAME.vocab.txt}. */
    public static String vocabularyFileOf(Path modelFile) {
        String name = modelFile.getFileName().toString();
        return (name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name) + ".vocab.txt";
    }

    public static LanguageModel load(String id, Path modelFile) throws ModelLoadException {
        Path vocabularyFile = modelFile.resolveSibling(vocabularyFileOf(modelFile));
        if (!Files.exists(vocabularyFile)) {
            throw new ModelLoadException(modelFile, "its vocabulary " + vocabularyFile.getFileName() + " is missing.",
                    "A language model needs its word list beside it; rebuild with: " + LanguageModelTrainer.COMMAND);
        }
        MultiLayerNetwork net = ModelLoader.load(modelFile).network();
        boolean recurrent = false;
        for (int i = 0; i < net.getnLayers(); i++) {
            recurrent |= net.getLayer(i) instanceof LSTM;
        }
        if (!recurrent) {
            throw new ModelLoadException(modelFile, "it is not a recurrent language model (no LSTM layer).",
                    "Choose the bundled " + LanguageModelRecipe.ID + " or a model made by " + LanguageModelTrainer.COMMAND + ".");
        }
        try {
            return new LanguageModel(id, net, Vocabulary.read(vocabularyFile));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException(modelFile, "its vocabulary cannot be used: " + e.getMessage(),
                    "Rebuild it with: " + LanguageModelTrainer.COMMAND);
        }
    }

    public static int[] ids(Vocabulary vocabulary, List<String> tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(tokens.get(i));
        }
        return ids;
    }

    public String id() {
        return id;
    }

    /** The network itself, for attacks that read it in batches (the extraction attack); callers leave its state cleared. */
    public MultiLayerNetwork network() {
        return network;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public LanguageModel copy() {
        return new LanguageModel(id, network.clone(), vocabulary);
    }

    /** Forgets the text so far and reads a prompt; returns the log-probabilities of the next word. */
    public double[] start(int[] prompt) {
        network.rnnClearPreviousState();
        int[] context = prompt.length == 0 ? new int[] {vocabulary.id(".")} : prompt;
        float[][] x = new float[1][context.length];
        for (int t = 0; t < context.length; t++) {
            x[0][t] = context[t];
        }
        INDArray out = network.rnnTimeStep(Nd4j.createFromArray(x));
        return logProbabilities(out, context.length - 1);
    }

    /** Reads one more word; returns the log-probabilities of the next. */
    public double[] next(int token) {
        INDArray out = network.rnnTimeStep(Nd4j.createFromArray(new float[][] {{token}}));
        return logProbabilities(out, 0);
    }

    /**
     * For each position i, the log-probabilities of the word at i given the words before it (the
     * first given a full stop), from one pass over the whole text.
     */
    public double[][] predictions(int[] ids) {
        if (ids.length == 0) {
            return new double[0][];
        }
        network.rnnClearPreviousState();
        float[][][] x = new float[1][1][ids.length];
        x[0][0][0] = vocabulary.id(".");
        for (int t = 1; t < ids.length; t++) {
            x[0][0][t] = ids[t - 1];
        }
        INDArray out = network.rnnTimeStep(Nd4j.createFromArray(x));
        network.rnnClearPreviousState();
        double[][] result = new double[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            result[t] = logProbabilities(out, t);
        }
        return result;
    }

    private static double[] logProbabilities(INDArray out, int t) {
        INDArray p = out.rank() == 3 ? out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t))
                : out.getRow(0);
        double[] values = p.castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.log(Math.max(values[i], 1e-30));
        }
        return values;
    }

    /** The bundled word LSTM of the King James Bible, from the sample-model catalog. */
    public static LanguageModel bundled(org.glassbox.data.Assets assets) throws Exception {
        org.glassbox.models.ModelCatalog catalog = org.glassbox.models.ModelCatalog.read(assets.sampleModels());
        org.glassbox.models.CatalogEntry entry = catalog.find(LanguageModelRecipe.ID).orElseThrow(() -> new IllegalStateException(
                "the language model " + LanguageModelRecipe.ID + " is not in " + catalog.folder()
                        + "; build it with " + LanguageModelTrainer.COMMAND));
        return load(entry.id(), catalog.pathOf(entry));
    }

}
