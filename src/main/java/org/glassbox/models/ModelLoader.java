package org.glassbox.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glassbox.engine.ChildJvm;

/**
 * Opens a model file by its content, not its name: a zip written by DL4J's ModelSerializer, or a
 * Keras 2 HDF5 file of a Sequential model. ONNX is not offered: DL4J 1.0.0-M2.1 imports ONNX only
 * into a SameDiff graph, not into the layer networks that the workspaces differentiate and inspect.
 *
 * <p>Every failure is a {@link ModelLoadException} naming the file, what was expected and what
 * was found. Any file may be hostile: zips are read by {@link Dl4jModelZip} (no Java deserialization,
 * bounded sizes), Keras files are parsed in a child process, and weights must be finite.
 */
public final class ModelLoader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String EXPECTED = "Glassbox opens DL4J model zips (ModelSerializer) and Keras 2 .h5 files"
            + " of Sequential models.";

    private static final String KERAS_EXPECTED = "Glassbox imports Keras 2 Sequential models saved whole with"
            + " model.save('model.h5') (configuration and weights).";
    private static final ChildJvm KERAS_IMPORTER = new ChildJvm("2g", java.time.Duration.ofMinutes(3));

    private ModelLoader() {
    }

    public static ModelHandle load(Path file) throws ModelLoadException {
        if (Files.isDirectory(file)) {
            throw new ModelLoadException(file, "is a directory, not a model file (" + file.toAbsolutePath() + ").",
                    "Pick the model file inside it (a .zip or .h5).");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "no such file (looked at " + file.toAbsolutePath() + ").",
                    "Check the path, or pick a model from the catalog.");
        }
        byte[] head = readHead(file);
        String name = file.getFileName().toString().replaceFirst("\\.(zip|h5|hdf5|keras)$", "");
        if (startsWith(head, EMPTY_ZIP_MAGIC)) {
            throw new ModelLoadException(file, "this zip is empty, so it is not a DL4J model.", EXPECTED);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return checked(file, new ModelHandle(name, Dl4jModelZip.read(file)));
        }
        if (startsWith(head, HDF5_MAGIC)) {
            return checked(file, loadKeras(file, name));
        }
        if (head.length == 0) {
            throw new ModelLoadException(file, "the file is empty.", EXPECTED);
        }
        throw new ModelLoadException(file, "this is not a model file: it starts with bytes "
                + hex(head) + ", not a zip or HDF5 signature.", EXPECTED);
    }

    private static ModelHandle checked(Path file, ModelHandle model) throws ModelLoadException {
        ModelChecks.requireFiniteParameters(model, file);
        return model;
    }

    /**
     * Imports a Keras file in a child JVM ({@link KerasConversion}), where a crash of the native HDF5
     * reader ends that process only, then reads the DL4J zip it wrote with every check of a zip.
     */
    private static ModelHandle loadKeras(Path file, String name) throws ModelLoadException {
        Path converted = null;
        try {
            converted = Files.createTempFile("glassbox-keras", ".zip");
            ChildJvm.Outcome outcome = KERAS_IMPORTER.run(KerasConversion.class, file.toAbsolutePath().toString(),
                    converted.toString());
            String answer = outcome.output().isEmpty() ? "" : outcome.output().get(outcome.output().size() - 1);
            if (answer.startsWith(KerasConversion.ERROR)) {
                throw new ModelLoadException(file, "the Keras HDF5 file could not be imported: "
                        + kerasProblem(answer.substring(KerasConversion.ERROR.length())), KERAS_EXPECTED);
            }
            if (outcome.exitCode() != 0 || !answer.startsWith(KerasConversion.OK)) {
                throw new ModelLoadException(file, "the Keras importer " + outcome.how() + " while reading this file"
                        + " (in a separate process, so nothing else was affected).",
                        "The HDF5 file is damaged or was made to break readers; re-save the model with Keras.");
            }
            String lossProblem = answer.startsWith(KerasConversion.OK_WITHOUT_LOSS)
                    ? answer.substring(KerasConversion.OK_WITHOUT_LOSS.length()) : null;
            return new ModelHandle(name, Dl4jModelZip.read(converted), lossProblem);
        } catch (java.io.IOException e) {
            throw new ModelLoadException(file, "the Keras importer could not be started (" + e.getMessage() + ").",
                    "Check that the temporary folder is writable.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException(file, "loading was interrupted.", "Open the file again.", e);
        } finally {
            if (converted != null) {
                try {
                    Files.deleteIfExists(converted);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** DL4J's import messages, without their links and temporary paths, and in plain words where they are cryptic. */
    static String kerasProblem(String message) {
        if (message.contains("H5Fopen failed")) {
            return "the HDF5 library cannot open it (H5Fopen failed), so it is damaged or not HDF5 at all.";
        }
        if (message.contains("Model configuration attribute missing")) {
            return "it is an HDF5 file but holds no Keras model (no model_config attribute).";
        }
        if (message.contains("bad_alloc") || message.contains("more memory")) {
            return "the layers it declares need more memory than the importer may use (2 GB).";
        }
        if (message.contains("No SameDiff Lambda layer found")) {
            return "it has a Lambda layer, which holds Python code; Glassbox never runs code from a file.";
        }
        StringBuilder kept = new StringBuilder();
        for (String sentence : message.split("(?<=\\.)\\s+")) {
            if (!sentence.contains("http") && !sentence.contains("registerLambdaLayer")) {
                kept.append(kept.length() == 0 ? "" : " ").append(sentence.replaceAll("/\\S*/", ""));
            }
        }
        String text = kept.toString().trim();
        return text.endsWith(".") ? text : text + ".";
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
