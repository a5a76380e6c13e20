package org.glassbox.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.models.samples.SampleModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class ModelLoaderTest {

    @TempDir
    Path dir;

    private Path savedMlp(int inputs, int outputs) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(5, inputs, new int[] {6}, outputs,
                LossFunction.MCXENT, Activation.SOFTMAX, 1e-3));
        net.init();
        Path file = dir.resolve("mlp-" + inputs + ".zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }

    @Test
    void aDl4jZipRoundTripsWithItsParametersAndOutputs() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(5, 4, new int[] {6, 5}, 3,
                LossFunction.MCXENT, Activation.SOFTMAX, 1e-3));
        net.init();
        Path file = dir.resolve("net.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        ModelHandle loaded = ModelLoader.load(file);
        INDArray x = Nd4j.rand(DataType.FLOAT, 7, 4);
        assertEquals(net.params(), loaded.parameters());
        assertEquals(net.output(x), loaded.output(x));
        assertEquals(InputShape.flat(4), loaded.inputShape());
        assertEquals(3, loaded.outputSize());
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return m;
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ModelLoaderTest.class.getResource("/keras/" + name).toURI());
    }

    @Test
    void aKerasDenseModelGivesTheOutputsComputedIndependentlyWithNumpy() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("dense.expected.json").toFile());
        ModelHandle model = ModelLoader.load(resource("dense.h5"));
        INDArray x = Nd4j.create(matrix(expected.get("input"))).castTo(model.dataType());
        double[][] out = matrix(expected.get("output"));
        INDArray y = model.output(x);
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                assertEquals(out[i][j], y.getDouble(i, j), 1e-5, "output[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void aKerasConvModelGivesTheOutputsComputedIndependentlyWithNumpy() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("conv.expected.json").toFile());
        ModelHandle model = ModelLoader.load(resource("conv.h5"));
        assertEquals(InputShape.Layout.NHWC, model.inputShape().layout(), "Keras channels_last imports as NHWC");
        JsonNode images = expected.get("input");
        int n = images.size();
        double[] flat = new double[n * 64];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    flat[i * 64 + r * 8 + c] = images.get(i).get(r).get(c).get(0).asDouble();
                }
            }
        }
        INDArray batch = model.imageBatch(Nd4j.create(flat, new long[] {n, 64}, DataType.DOUBLE), 1, 8, 8);
        INDArray y = model.output(batch);
        double[][] out = matrix(expected.get("output"));
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                assertEquals(out[i][j], y.getDouble(i, j), 1e-5, "output[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void everyBundledModelsLayerTableIsComputedFromItsOwnInput() throws Exception {
        ModelCatalog catalog = ModelCatalog.read(org.glassbox.data.Assets.locate().sampleModels());
        ModelHandle narrow = catalog.load("mlp-10-20-20-1");
        java.util.List<LayerSummary> rows = narrow.layers(narrow.inputShape().batchShape(1, 1, 28, 28));
        assertEquals("10", rows.get(0).inputShape(), "a 10-input MLP is shown with 10 inputs, not a 28×28 image");
        assertEquals("1", rows.get(rows.size() - 1).outputShape());
        ModelHandle words = catalog.load("kjv-lstm");
        assertEquals(InputShape.Layout.WORD_IDS, words.inputShape().layout(), "an embedding first layer takes word ids");
        assertEquals("a sequence of word ids (vocabulary of 4,000 words)", words.inputShape().describe());
        rows = words.layers(words.inputShape().batchShape(1, 1, 28, 28));
        assertEquals("96×T", rows.get(0).outputShape(), "a sequence model's time axis is any length");
        assertEquals("4000×T", rows.get(rows.size() - 1).outputShape());
        ModelHandle image = catalog.load("mlp-784-128-10");
        assertEquals("784", image.layers(image.inputShape().batchShape(1, 1, 28, 28)).get(0).inputShape());
    }

    @Test
    void aFileThatIsNotAModelIsReportedByNameWithWhatWasExpected() throws Exception {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "these are my notes, not a model");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(text));
        String m = e.userMessage().text();
        assertTrue(m.startsWith("notes.zip: this is not a model file"), m);
        assertTrue(m.contains("DL4J model zips") && m.contains("Keras"), m);
    }

    @Test
    void aTruncatedZipIsReportedAsTruncated() throws Exception {
        Path whole = savedMlp(4, 3);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(cut));
        assertTrue(e.userMessage().problem().startsWith("cut.zip: the zip is truncated or damaged"), e.userMessage().text());
    }

    @Test
    void aZipWithoutAModelInsideIsReported() throws Exception {
        Path zip = dir.resolve("photos.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("photo.txt"));
            out.write("hello".getBytes());
            out.closeEntry();
        }
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(zip));
        assertTrue(e.userMessage().problem().contains("not a DL4J model"), e.userMessage().text());
    }

    @Test
    void anEmptyOrMissingFileIsReported() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.h5"));
        assertTrue(assertThrows(ModelLoadException.class, () -> ModelLoader.load(empty)).userMessage().problem()
                .contains("empty"));
        assertTrue(assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir.resolve("nope.zip")))
                .userMessage().problem().contains("no such file"));
    }

    @Test
    void aModelWithTheWrongInputShapeIsReportedWithExpectedAndFound() throws Exception {
        Path file = savedMlp(2, 2);
        ModelHandle model = ModelLoader.load(file);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelChecks.requireImageClassifier(model, file, 1, 28, 28, 10));
        String m = e.userMessage().problem();
        assertTrue(m.contains(file.getFileName().toString()), m);
        assertTrue(m.contains("expected a classifier of 28×28×1 images into 10 classes"), m);
        assertTrue(m.contains("takes 2 values"), m);
    }

    @Test
    void aKerasModelWithoutItsTrainingConfigurationIsReportedAsHavingNoLoss() throws Exception {
        Path file = resource("dense.h5");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelChecks.requireLoss(ModelLoader.load(file), file));
        String m = e.userMessage().problem();
        assertTrue(m.startsWith("dense.h5: layer 1") && m.contains("without a loss function"), m);
    }

    @Test
    void aModelWithTheWrongNumberOfClassesIsReported() throws Exception {
        Path file = savedMlp(784, 3);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelChecks.requireImageClassifier(ModelLoader.load(file), file, 1, 28, 28, 10));
        assertTrue(e.userMessage().problem().contains("last layer has 3 outputs"), e.userMessage().text());
    }
}
