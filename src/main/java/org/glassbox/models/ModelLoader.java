package org.glassbox.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Opens a model file by its content, not its name: a zip written by DL4J's ModelSerializer, or a
 * Keras 2 HDF5 file of a Sequential model. ONNX is not offered: DL4J 1.0.0-M2.1 imports ONNX only
 * into a SameDiff graph, not into the layer networks that the workspaces differentiate and inspect.
 *
 * <p>Every failure is a {@link ModelLoadException} naming the file, what was expected and what
 * was found.
 */
public final class ModelLoader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String EXPECTED = "Glassbox opens DL4J model zips (ModelSerializer) and Keras 2 .h5 files"
            + " of Sequential models.";

    private ModelLoader() {
    }

    public static ModelHandle load(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "no such file (looked at " + file.toAbsolutePath() + ").",
                    "Check the path, or pick a model from the catalog.");
        }
        byte[] head = readHead(file);
        String name = file.getFileName().toString().replaceFirst("\\.(zip|h5|hdf5|keras)$", "");
        if (startsWith(head, ZIP_MAGIC)) {
            return new ModelHandle(name, loadDl4jZip(file));
        }
        if (startsWith(head, HDF5_MAGIC)) {
            return new ModelHandle(name, loadKeras(file));
        }
        if (head.length == 0) {
            throw new ModelLoadException(file, "the file is empty.", EXPECTED);
        }
        throw new ModelLoadException(file, "this is not a model file: it starts with bytes "
                + hex(head) + ", not a zip or HDF5 signature.", EXPECTED);
    }

    private static MultiLayerNetwork loadDl4jZip(Path file) throws ModelLoadException {
        checkZipIntact(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null || zip.getEntry("coefficients.bin") == null) {
                throw new ModelLoadException(file, "this zip is not a DL4J model: it has no configuration.json"
                        + " and coefficients.bin entries.", EXPECTED);
            }
            ZipEntry conf = zip.getEntry("configuration.json");
            String json = new String(zip.getInputStream(conf).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (json.contains("\"vertices\"") && json.contains("\"networkInputs\"")) {
                throw new ModelLoadException(file, "this is a DL4J ComputationGraph (a model with branches).",
                        "Glassbox works with sequential networks (MultiLayerNetwork) for now; save the model as one.");
            }
        } catch (IOException e) {
            throw new ModelLoadException(file, "the zip cannot be read (" + e.getMessage() + ").",
                    "The file may be damaged or truncated; copy it again.", e);
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | LinkageError e) {
            throw new ModelLoadException(file, "DL4J could not restore the network: " + rootMessage(e),
                    "The file may come from an incompatible DL4J version; re-save it with DL4J 1.0.0-M2.1.", e);
        }
    }

    /** Reads every entry to the end, so a truncated zip is reported as such. */
    private static void checkZipIntact(Path file) throws ModelLoadException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries++;
                while (in.read(buffer) >= 0) {
                    // drain the entry so that a cut-off entry throws here
                }
            }
            if (entries == 0) {
                throw new IOException("no entries");
            }
        } catch (IOException e) {
            throw new ModelLoadException(file, "the zip is truncated or damaged (" + e.getMessage() + ").",
                    "Copy or download the model file again; it was probably cut off.", e);
        }
    }

    private static MultiLayerNetwork loadKeras(Path file) throws ModelLoadException {
        try {
            return KerasModelImport.importKerasSequentialModelAndWeights(file.toString(), false);
        } catch (Exception | LinkageError e) {
            throw new ModelLoadException(file, "the Keras HDF5 file could not be imported: " + rootMessage(e),
                    "Glassbox imports Keras 2 Sequential models saved whole with model.save('model.h5')"
                            + " (configuration and weights).", e);
        }
    }

    private static byte[] readHead(Path file) throws ModelLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new ModelLoadException(file, "the file cannot be read (" + e.getMessage() + ").",
                    "Check that the file is readable.", e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b & 0xFF));
        }
        return sb.toString().trim();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
