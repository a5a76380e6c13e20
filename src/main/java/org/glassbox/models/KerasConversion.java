package org.glassbox.models;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.engine.SerialFilter;

/**
 * The child process that imports a Keras HDF5 file (through javacpp's native HDF5 library, which a
 * damaged or crafted file can crash) and writes it as a plain DL4J model zip, which the app then
 * reads with {@link Dl4jModelZip}'s checks. {@link ModelLoader} starts it with {@code ChildJvm}.
 *
 * <p>It answers on standard output with one line: {@code ok}, {@code ok-without-loss <why>} when the
 * training configuration (and so the loss) could not be imported, or {@code error <message>}.
 */
public final class KerasConversion {

    static final String OK = "ok";
    static final String OK_WITHOUT_LOSS = "ok-without-loss ";
    static final String ERROR = "error ";

    private KerasConversion() {
    }

    public static void main(String[] args) {
        SerialFilter.install();
        PrintStream answer = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Everything DL4J and the native library print goes to standard error, away from the answer.
        System.setOut(System.err);
        try {
            String h5 = Path.of(args[0]).toString();
            MultiLayerNetwork net;
            String lossProblem = null;
            try {
                net = KerasModelImport.importKerasSequentialModelAndWeights(h5, true);
            } catch (Exception withTraining) {
                net = KerasModelImport.importKerasSequentialModelAndWeights(h5, false);
                lossProblem = ModelLoader.rootMessage(withTraining);
            }
            ModelSerializer.writeModel(net, Path.of(args[1]).toFile(), false);
            answer.println(lossProblem == null ? OK : OK_WITHOUT_LOSS + oneLine(lossProblem));
            System.exit(0);
        } catch (OutOfMemoryError e) {
            answer.println(ERROR + "importing it needs more memory than the importer's limit (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB).");
            System.exit(3);
        } catch (Throwable e) {
            answer.println(ERROR + oneLine(ModelLoader.rootMessage(e)));
            System.exit(3);
        }
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
