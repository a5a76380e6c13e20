package org.glassbox.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.engine.SerialFilter;
import org.glassbox.models.samples.SampleModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A corpus of broken and hostile model files: each is refused with a message that names its cause,
 * none deserializes a Java object, none reaches the user as a stack trace.
 */
class HostileModelFilesTest {

    @TempDir
    static Path dir;

    static Map<String, byte[]> mlpEntries;

    @BeforeAll
    static void aSmallValidModel() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(SampleModels.mlp(5, 4, new int[] {6}, 3,
                LossFunction.MCXENT, Activation.SOFTMAX, 1e-3));
        net.init();
        Path file = dir.resolve("valid.zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        mlpEntries = entries(file);
    }

    /** Records whether Java deserialization ever ran its readObject: it must not. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean readObjectRan;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            readObjectRan = true;
            in.defaultReadObject();
        }
    }

    static byte[] serializedTripwire() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        return bytes.toByteArray();
    }

    @Test
    void aSerializedObjectInPreprocessorBinIsRefusedWithoutBeingDeserialized() throws Exception {
        byte[] payload = serializedTripwire();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(info -> ObjectInputFilter.Status.ALLOWED);
            in.readObject();
        }
        assertTrue(Tripwire.readObjectRan, "the tripwire records a deserialization when one happens");
        Tripwire.readObjectRan = false;

        Map<String, byte[]> hostile = new LinkedHashMap<>(mlpEntries);
        hostile.put("preprocessor.bin", payload);
        Path file = zip("preprocessor.zip", hostile);
        String message = refusal(file);
        assertTrue(message.contains("'preprocessor.bin'") && message.contains("serialized Java"), message);
        assertFalse(Tripwire.readObjectRan, "loading the model must not deserialize anything from it");
    }

    @Test
    void theJvmWideFilterRejectsEverySerializedObject() throws Exception {
        SerialFilter.install();
        Tripwire.readObjectRan = false;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serializedTripwire()))) {
            assertThrows(InvalidClassException.class, in::readObject);
        }
        assertFalse(Tripwire.readObjectRan);
        SerialFilter.install();
    }

    /** A file of the corpus and the fragment its message must contain (or the other one, where the cause shows two ways). */
    record Case(String name, String expected, String orExpected, FileMaker maker) {
        Case(String name, String expected, FileMaker maker) {
            this(name, expected, null, maker);
        }

        boolean named(String message) {
            return message.contains(expected) || (orExpected != null && message.contains(orExpected));
        }
    }

    interface FileMaker {
        Path make(Path file) throws Exception;
    }

    static List<Case> corpus() {
        return List.of(
                new Case("empty", "the file is empty", f -> Files.write(f, new byte[0])),
                new Case("text", "this is not a model file", f -> Files.writeString(f, "just some notes")),
                new Case("a directory", "is a directory", Files::createDirectories),
                new Case("truncated at 10 %", "truncated or damaged", f -> truncated(f, 0.1)),
                new Case("truncated at 50 %", "truncated or damaged", f -> truncated(f, 0.5)),
                new Case("truncated 20 bytes short", "truncated or damaged", f -> truncated(f, -20)),
                new Case("an empty zip", "not a DL4J model", f -> write(f, Map.of())),
                new Case("configuration only", "no configuration.json and coefficients.bin",
                        f -> write(f, Map.of("configuration.json", mlpEntries.get("configuration.json")))),
                new Case("preprocessor.bin", "'preprocessor.bin'", f -> with(f, "preprocessor.bin", serializedTripwire())),
                new Case("normalizer.bin", "'normalizer.bin'", f -> with(f, "normalizer.bin", new byte[] {1, 2, 3})),
                new Case("an unknown entry", "'../../evil.sh'", f -> with(f, "../../evil.sh", "rm -rf ~".getBytes())),
                new Case("many entries", "the zip has 20 entries", f -> {
                    Map<String, byte[]> e = new LinkedHashMap<>(mlpEntries);
                    for (int i = 0; i < 18; i++) {
                        e.put("extra" + i, new byte[1]);
                    }
                    return write(f, e);
                }),
                new Case("invalid JSON", "configuration.json is not valid JSON", f -> config(f, "{\"confs\": [ {")),
                new Case("not UTF-8", "configuration.json is not UTF-8 text", f -> with(f, "configuration.json",
                        new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})),
                new Case("a JSON array", "not a JSON object", f -> config(f, "[1, 2, 3]")),
                new Case("no layers", "has no layers", f -> config(f, "{\"backpropType\": \"Standard\"}")),
                new Case("a foreign class", "names the class com.example.Gadget",
                        f -> config(f, configText().replaceFirst("org\\.deeplearning4j\\.nn\\.conf\\.layers\\.DenseLayer",
                                "com.example.Gadget"))),
                new Case("a JDK class", "names the class java.net.URL",
                        f -> config(f, configText().replaceFirst("org\\.nd4j\\.linalg\\.activations\\.impl\\.ActivationReLU",
                                "java.net.URL"))),
                new Case("not a DL4J configuration", "not a DL4J network configuration",
                        f -> config(f, "{\"confs\": [ {\"layer\": {\"@class\": \"org.deeplearning4j.nn.conf.layers.NoSuchLayer\"}} ]}")),
                new Case("a computation graph", "ComputationGraph",
                        f -> config(f, "{\"vertices\": {}, \"networkInputs\": [\"in\"], \"confs\": []}")),
                new Case("a layer of a billion units", "declares 5,000,000,000 parameters",
                        f -> config(f, configText().replaceFirst("\"nout\" : 6", "\"nout\" : 1000000000")
                                .replaceFirst("\"nin\" : 6", "\"nin\" : 1000000000"))),
                new Case("sizes that do not match the weights", "coefficients.bin holds 51 values, but configuration.json's"
                        + " layers need 59", f -> config(f, configText().replaceFirst("\"nout\" : 6", "\"nout\" : 7")
                        .replaceFirst("\"nin\" : 6", "\"nin\" : 7"))),
                new Case("coefficients cut off", "coefficients.bin is cut off", f -> {
                    byte[] c = mlpEntries.get("coefficients.bin");
                    return with(f, "coefficients.bin", Arrays.copyOf(c, c.length - 9));
                }),
                new Case("coefficients of garbage", "not an ND4J array buffer",
                        f -> with(f, "coefficients.bin", "GARBAGE GARBAGE GARBAGE".getBytes())),
                new Case("coefficients of an empty array", "coefficients.bin",
                        f -> with(f, "coefficients.bin", new byte[0])),
                new Case("integer coefficients", "holds values of type INT", f -> with(f, "coefficients.bin",
                        coefficients(Nd4j.zeros(DataType.INT, 1, 51)))),
                new Case("a configuration bomb", "configuration.json expands to more than 16 MB", f -> {
                    byte[] spaces = new byte[40 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    return with(f, "configuration.json", spaces);
                }),
                new Case("NaN weights", "has 1 NaN values in its parameter W", f -> weights(f, Float.NaN)),
                new Case("infinite weights", "1 infinite values in its parameter W", f -> weights(f, Float.POSITIVE_INFINITY)),
                new Case("fake HDF5", "damaged or not HDF5", f -> Files.write(f, concat(
                        new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, new byte[512]))),
                new Case("HDF5 that is not Keras", "holds no Keras model", f -> resource("not-keras.h5", f)),
                new Case("a Lambda layer", "Lambda layer, which holds Python code", f -> resource("lambda.h5", f)),
                new Case("an unknown Keras layer", "Unsupported keras layer type QuantumEntangler.", f -> resource("unknown-layer.h5", f)),
                // libhdf5 reads memory it should not on this file: most runs end in SIGSEGV, some in a clean H5Aexists error
                new Case("an HDF5 file that crashes the native reader", "crashed in native code (SIGSEGV, a segmentation fault)",
                        "could not be imported: H5", f -> resource("segfault.h5", f)),
                new Case("a huge Keras layer", "need more memory than the importer may use", f -> resource("huge-layer.h5", f)));
    }

    @Test
    void everyFileOfTheCorpusIsRefusedWithAMessageNamingItsCause() throws Exception {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 20);
        StringBuilder wrong = new StringBuilder();
        for (Case c : cases) {
            Path file = c.maker().make(dir.resolve("corpus-" + c.name().replaceAll("\\W+", "-") + (c.name().contains("HDF5")
                    || c.name().contains("Keras") || c.name().contains("Lambda") ? ".h5" : ".zip")));
            String message;
            try {
                ModelLoader.load(file);
                message = "(loaded without complaint)";
            } catch (ModelLoadException e) {
                message = e.userMessage().text();
            } catch (Throwable t) {
                message = "(escaped as " + t + ")";
            }
            boolean named = message.startsWith(file.getFileName().toString()) && c.named(message);
            boolean noTrace = !message.contains("\tat ") && !message.contains("Exception") && !message.contains("Error:");
            if (System.getProperty("corpus.print") != null) {
                System.out.println("CORPUS " + c.name() + " | " + message);
            }
            if (!named || !noTrace) {
                wrong.append("\n").append(c.name()).append(": expected '").append(c.expected()).append("', got: ").append(message);
            }
        }
        assertEquals("", wrong.toString(), "corpus cases whose message did not name the cause");
    }

    @Test
    void aKerasModelSavedWithItsTrainingConfigurationBringsItsLoss() throws Exception {
        Path file = resource("with-training.h5", dir.resolve("with-training.h5"));
        ModelHandle model = ModelLoader.load(file);
        ModelChecks.requireLoss(model, file);
        assertTrue(model.lossProblem().isEmpty());
    }

    // ---------------------------------------------------------------- makers

    private static String refusal(Path file) {
        return assertThrows(ModelLoadException.class, () -> ModelLoader.load(file)).userMessage().text();
    }

    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return write(dir.resolve(name), entries);
    }

    private static Path with(Path file, String entry, byte[] content) throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>(mlpEntries);
        e.put(entry, content);
        return write(file, e);
    }

    private static Path config(Path file, String json) throws IOException {
        return with(file, "configuration.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String configText() {
        return new String(mlpEntries.get("configuration.json"), StandardCharsets.UTF_8);
    }

    private static Path truncated(Path file, double fraction) throws IOException {
        byte[] whole = Files.readAllBytes(write(file, mlpEntries));
        int keep = fraction < 0 ? whole.length + (int) fraction : (int) (whole.length * fraction);
        return Files.write(file, Arrays.copyOf(whole, keep));
    }

    private static byte[] coefficients(INDArray values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Nd4j.write(values, out);
        }
        return bytes.toByteArray();
    }

    private static Path weights(Path file, float bad) throws Exception {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(configText());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray params = net.params().dup();
        params.putScalar(0, 3, bad);
        return with(file, "coefficients.bin", coefficients(params));
    }

    private static Path resource(String name, Path file) throws Exception {
        return Files.copy(Path.of(HostileModelFilesTest.class.getResource("/hostile/" + name).toURI()), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
