package org.glassbox.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reads a DL4J model zip (as {@code ModelSerializer.writeModel} writes it) without handing the file
 * to DL4J's own reader, which deserializes Java objects from a {@code preprocessor.bin} entry with
 * {@code ObjectInputStream} before it looks at anything else.
 *
 * <p>Only the entries a network needs are accepted; the configuration's class names are checked
 * against DL4J's and ND4J's configuration packages before Jackson binds them; the parameter count
 * is computed from the configuration and checked against a limit and against the coefficients'
 * header before anything of that size is allocated; the coefficients are parsed here, value by
 * value, from ND4J's array format (shape buffer, then data buffer, big-endian).
 */
public final class Dl4jModelZip {

    /** Models larger than this are refused (400 MB of float32 weights; every model here is far smaller). */
    public static final long MAX_PARAMETERS = 100_000_000L;
    static final int MAX_ENTRIES = 16;
    static final long MAX_CONFIGURATION_BYTES = 16L << 20;

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    /** Written by ModelSerializer with saveUpdater; the workspaces never resume training, so it is not read. */
    static final String UPDATER_STATE = "updaterState.bin";
    static final String NO_PARAMETERS = "noParams.marker";
    private static final Set<String> ACCEPTED = Set.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE, NO_PARAMETERS);

    /** The packages whose classes a network configuration may name in its "@class" fields. */
    private static final List<String> CONFIGURATION_PACKAGES = List.of(
            "org.deeplearning4j.nn.conf.",
            "org.deeplearning4j.nn.weights.",
            "org.deeplearning4j.nn.modelimport.keras.preprocessors.",
            "org.nd4j.linalg.activations.",
            "org.nd4j.linalg.lossfunctions.",
            "org.nd4j.linalg.learning.config.",
            "org.nd4j.linalg.learning.regularization.",
            "org.nd4j.linalg.schedule.");

    private static final ObjectMapper TREE = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build())
            .build());

    private static final String EXPECTED = "A DL4J model zip holds configuration.json and coefficients.bin, as"
            + " ModelSerializer.writeModel writes them.";

    private Dl4jModelZip() {
    }

    public static MultiLayerNetwork read(Path file) throws ModelLoadException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(file, zip);
            String json = configurationText(file, zip);
            MultiLayerConfiguration conf = configuration(file, json);
            long parameters = parameterCount(file, conf);
            ZipEntry coefficients = zip.getEntry(COEFFICIENTS);
            INDArray params = null;
            if (parameters > 0 || coefficients.getSize() != 0) {
                try (InputStream in = zip.getInputStream(coefficients)) {
                    params = coefficients(file, new DataInputStream(new BufferedInputStream(in, 1 << 16)), parameters, conf);
                }
                conf.setDataType(params.dataType());
            }
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            try {
                network.init(params, false);
            } catch (RuntimeException e) {
                throw new ModelLoadException(file, "configuration.json and coefficients.bin do not fit together: "
                        + ModelLoader.rootMessage(e), "Save the model again with ModelSerializer.writeModel.", e);
            }
            return network;
        } catch (ZipException e) {
            throw new ModelLoadException(file, "the zip is truncated or damaged (" + e.getMessage() + ").",
                    "Copy the model file again; it was probably cut off.", e);
        } catch (IOException e) {
            throw new ModelLoadException(file, "the zip cannot be read (" + e.getMessage() + ").",
                    "The file may be damaged or truncated; copy it again.", e);
        }
    }

    private static void checkEntries(Path file, ZipFile zip) throws ModelLoadException {
        if (zip.size() > MAX_ENTRIES) {
            throw new ModelLoadException(file, "the zip has " + zip.size() + " entries; a DL4J model has at most 4.", EXPECTED);
        }
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            names.add(printable(e.nextElement().getName()));
        }
        if (!names.contains(CONFIGURATION) || !names.contains(COEFFICIENTS)) {
            throw new ModelLoadException(file, "this zip is not a DL4J model: it has no configuration.json"
                    + " and coefficients.bin entries" + (names.isEmpty() ? " (it is empty)." : " (it holds " + String.join(", ", names) + ")."),
                    EXPECTED);
        }
        for (String name : names) {
            if (!ACCEPTED.contains(name)) {
                throw new ModelLoadException(file, "the zip holds an entry '" + name + "' that Glassbox does not open"
                        + (name.endsWith(".bin") ? " (DL4J stores preprocessors and normalizers there as serialized Java"
                        + " objects, and reading one could run code from the file)" : "") + ".",
                        "Only " + String.join(", ", List.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE))
                                + " are accepted; remove the entry (zip -d FILE '" + name + "') if you trust the model.");
            }
        }
    }

    private static String configurationText(Path file, ZipFile zip) throws IOException, ModelLoadException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(zip.getEntry(CONFIGURATION))) {
            bytes = in.readNBytes((int) MAX_CONFIGURATION_BYTES + 1);
        }
        if (bytes.length > MAX_CONFIGURATION_BYTES) {
            throw new ModelLoadException(file, "configuration.json expands to more than " + (MAX_CONFIGURATION_BYTES >> 20)
                    + " MB; a network configuration is a few kilobytes.", "The file is not a genuine DL4J model.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelLoadException(file, "configuration.json is not UTF-8 text.", EXPECTED);
        }
    }

    /** Parses the configuration after checking every class it names; DL4J's Jackson then binds it. */
    static MultiLayerConfiguration configuration(Path file, String json) throws ModelLoadException {
        JsonNode tree;
        try {
            tree = TREE.readTree(json);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s+", " ");
            throw new ModelLoadException(file, "configuration.json is not valid JSON (" + detail + location(e) + ").", EXPECTED);
        }
        if (tree == null || !tree.isObject()) {
            throw new ModelLoadException(file, "configuration.json is not a JSON object.", EXPECTED);
        }
        if (tree.has("vertices") && tree.has("networkInputs")) {
            throw new ModelLoadException(file, "this is a DL4J ComputationGraph (a model with branches).",
                    "Glassbox works with sequential networks (MultiLayerNetwork) for now; save the model as one.");
        }
        if (!tree.path("confs").isArray() || tree.path("confs").isEmpty()) {
            throw new ModelLoadException(file, "configuration.json has no layers (no \"confs\" list).", EXPECTED);
        }
        checkClassNames(file, tree, "");
        try {
            return MultiLayerConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            throw new ModelLoadException(file, "configuration.json is not a DL4J network configuration: "
                    + firstLine(ModelLoader.rootMessage(e)), EXPECTED, e);
        }
    }

    private static void checkClassNames(Path file, JsonNode node, String path) throws ModelLoadException {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("@class")) {
                    String name = field.getValue().asText();
                    if (CONFIGURATION_PACKAGES.stream().noneMatch(name::startsWith)) {
                        throw new ModelLoadException(file, "configuration.json names the class " + name + " (at "
                                + (path.isEmpty() ? "the top" : path) + "), which is not a DL4J layer, activation, loss,"
                                + " updater or weight initialisation; Glassbox does not instantiate other classes from a file.",
                                "Custom and Lambda layers cannot be opened; rebuild the model from DL4J's own layers.");
                    }
                } else {
                    checkClassNames(file, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkClassNames(file, node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The parameter count the configuration implies, computed without allocating anything. */
    static long parameterCount(Path file, MultiLayerConfiguration conf) throws ModelLoadException {
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            long count;
            try {
                count = layer.initializer().numParams(layerConf);
            } catch (RuntimeException e) {
                throw new ModelLoadException(file, "layer " + i + " (" + describe(layer) + ") has sizes that do not"
                        + " make a layer: " + ModelLoader.rootMessage(e), EXPECTED, e);
            }
            if (count < 0 || count > MAX_PARAMETERS || total + count > MAX_PARAMETERS) {
                throw new ModelLoadException(file, "layer " + i + " (" + describe(layer) + ") declares "
                        + (count < 0 ? "a negative number of" : String.format(Locale.ROOT, "%,d", count)) + " parameters"
                        + (count >= 0 && count <= MAX_PARAMETERS ? ", which brings the model past the limit" : "")
                        + String.format(Locale.ROOT, "; Glassbox opens models of up to %,d parameters.", MAX_PARAMETERS),
                        "Use a smaller model.");
            }
            total += count;
        }
        return total;
    }

    static String describe(org.deeplearning4j.nn.conf.layers.Layer layer) {
        String type = layer.getClass().getSimpleName();
        String name = layer.getLayerName();
        String sizes = layer instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f
                ? ", " + f.getNIn() + " → " + f.getNOut() : "";
        return (name == null ? type : name + ", " + type) + sizes;
    }

    /**
     * Reads ND4J's array format: a shape-information buffer (allocation mode, length, "LONG" or "INT",
     * then rank, shape, strides, extras, element-wise stride, order) and a data buffer (allocation
     * mode, length, data type, then the values, big-endian). Written by {@code Nd4j.write}.
     */
    static INDArray coefficients(Path file, DataInputStream in, long expected, MultiLayerConfiguration conf)
            throws ModelLoadException {
        try {
            BufferHeader shapeHeader = header(in);
            if (shapeHeader.length() < 4 || shapeHeader.length() > 2L * 32 + 4
                    || !(shapeHeader.type().equals("LONG") || shapeHeader.type().equals("INT"))) {
                throw new ModelLoadException(file, "coefficients.bin does not start with an array's shape (found "
                        + shapeHeader.length() + " " + shapeHeader.type() + " values).", EXPECTED);
            }
            long[] shapeInfo = new long[(int) shapeHeader.length()];
            for (int i = 0; i < shapeInfo.length; i++) {
                shapeInfo[i] = shapeHeader.type().equals("LONG") ? in.readLong() : in.readInt();
            }
            BufferHeader data = header(in);
            DataType type = switch (data.type()) {
                case "FLOAT" -> DataType.FLOAT;
                case "DOUBLE" -> DataType.DOUBLE;
                case "HALF" -> DataType.HALF;
                default -> throw new ModelLoadException(file, "coefficients.bin holds values of type " + data.type()
                        + "; network weights are FLOAT, DOUBLE or HALF.", EXPECTED);
            };
            if (data.length() != expected) {
                throw new ModelLoadException(file, String.format(Locale.ROOT, "coefficients.bin holds %,d values, but"
                        + " configuration.json's layers need %,d (%s).", data.length(), expected, layerCounts(conf)),
                        "The weights do not belong to this configuration; save the model again with ModelSerializer.");
            }
            INDArray params = Nd4j.create(type, 1, expected);
            int width = type == DataType.DOUBLE ? 8 : type == DataType.FLOAT ? 4 : 2;
            int chunk = (int) Math.min(expected, 1 << 18);
            byte[] bytes = new byte[chunk * width];
            for (long start = 0; start < expected; start += chunk) {
                int n = (int) Math.min(chunk, expected - start);
                in.readFully(bytes, 0, n * width);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n * width).order(java.nio.ByteOrder.BIG_ENDIAN);
                INDArray part;
                if (type == DataType.DOUBLE) {
                    double[] values = new double[n];
                    buffer.asDoubleBuffer().get(values);
                    part = Nd4j.createFromArray(values);
                } else if (type == DataType.FLOAT) {
                    float[] values = new float[n];
                    buffer.asFloatBuffer().get(values);
                    part = Nd4j.createFromArray(values);
                } else {
                    float[] values = new float[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = org.bytedeco.javacpp.indexer.HalfIndexer.toFloat(buffer.getShort() & 0xFFFF);
                    }
                    part = Nd4j.createFromArray(values).castTo(type);
                }
                params.get(NDArrayIndex.point(0), NDArrayIndex.interval(start, start + n)).assign(part);
            }
            return params;
        } catch (EOFException e) {
            throw new ModelLoadException(file, "coefficients.bin is cut off before its last value.",
                    "Copy the model file again; it was probably truncated.", e);
        } catch (IOException e) {
            throw new ModelLoadException(file, "coefficients.bin cannot be read (" + e.getMessage() + ").",
                    "The file may be damaged; copy it again.", e);
        }
    }

    private record BufferHeader(String allocation, long length, String type) {
    }

    /** One buffer's header: allocation mode, then an int length for the three oldest modes and a long after. */
    private static BufferHeader header(DataInputStream in) throws IOException {
        String allocation;
        try {
            allocation = in.readUTF();
        } catch (EOFException | java.io.UTFDataFormatException e) {
            throw new IOException("not an ND4J array buffer (no allocation mode where its header starts)");
        }
        List<String> modes = List.of("DIRECT", "HEAP", "JAVACPP", "LONG_SHAPE", "MIXED_DATA_TYPES");
        int mode = modes.indexOf(allocation);
        if (mode < 0) {
            throw new IOException("not an ND4J array buffer (allocation mode '" + printable(allocation) + "')");
        }
        long length = mode < 3 ? in.readInt() : in.readLong();
        String type = in.readUTF();
        return new BufferHeader(allocation, length, printable(type));
    }

    private static String layerCounts(MultiLayerConfiguration conf) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration c = conf.getConf(i);
            parts.add(String.format(Locale.ROOT, "layer %d %s: %,d", i, describe(c.getLayer()),
                    c.getLayer().initializer().numParams(c)));
        }
        return String.join("; ", parts);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
