package org.glassbox.models;

import java.nio.file.Path;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Checks that a model fits what a workspace will feed it, with a message that says what does not. */
public final class ModelChecks {

    private ModelChecks() {
    }

    /** Refuses a network with a NaN or infinite weight, naming the layer and the parameter. */
    public static void requireFiniteParameters(ModelHandle model, Path source) throws ModelLoadException {
        org.nd4j.linalg.api.ndarray.INDArray all = model.network().params();
        if (all == null || all.isEmpty() || count(all, Conditions.notFinite()) == 0) {
            return;
        }
        org.deeplearning4j.nn.api.Layer[] layers = model.network().getLayers();
        for (int i = 0; i < layers.length; i++) {
            for (java.util.Map.Entry<String, org.nd4j.linalg.api.ndarray.INDArray> p : layers[i].paramTable().entrySet()) {
                org.nd4j.linalg.api.ndarray.INDArray values = p.getValue();
                int nan = count(values, Conditions.isNan());
                int infinite = count(values, Conditions.isInfinite());
                if (nan + infinite > 0) {
                    throw new ModelLoadException(source, "layer " + i + " ("
                            + Dl4jModelZip.describe(layers[i].conf().getLayer()) + ") has " + (nan > 0 ? nan + " NaN" : "")
                            + (nan > 0 && infinite > 0 ? " and " : "") + (infinite > 0 ? infinite + " infinite" : "")
                            + " values in its parameter " + p.getKey() + " (of " + values.length() + ").",
                            "Every result computed with such a model would be NaN or meaningless; use a model whose"
                                    + " training did not diverge.");
                }
            }
        }
    }

    private static int count(org.nd4j.linalg.api.ndarray.INDArray values, org.nd4j.linalg.indexing.conditions.Condition condition) {
        return Nd4j.getExecutioner().exec(new MatchCondition(values, condition)).getInt(0);
    }

    /**
     * Requires a network whose training loss can be differentiated: its last layer must be an
     * output layer with a loss function. A Keras model saved without its training configuration
     * imports its last layer as a plain dense layer, which has none.
     */
    public static void requireLoss(ModelHandle model, Path source) throws ModelLoadException {
        int last = model.numLayers() - 1;
        org.deeplearning4j.nn.api.Layer layer = model.network().getLayer(last);
        if (!(layer instanceof org.deeplearning4j.nn.api.layers.IOutputLayer)) {
            String name = layer.conf().getLayer().getLayerName();
            throw new ModelLoadException(source, "layer " + last + (name == null ? "" : " (" + name + ")") + " is a "
                    + layer.conf().getLayer().getClass().getSimpleName()
                    + " without a loss function, so the training loss and its gradients cannot be computed.",
                    model.lossProblem().map(why -> "Its training configuration could not be imported (" + why
                            + "); use a model compiled with a loss Keras and DL4J both know.")
                            .orElse("Use a model whose last layer is an output layer with a loss (for Keras, save it"
                                    + " after compile() so the training configuration is included)."));
        }
    }

    /**
     * Requires a classifier of {@code classes} classes that takes {@code channels}×{@code height}×{@code width}
     * images (flattened or as 4-D batches).
     */
    public static void requireImageClassifier(ModelHandle model, Path source, int channels, int height, int width,
                                              int classes) throws ModelLoadException {
        String expected = "a classifier of " + height + "×" + width + "×" + channels + " images into "
                + classes + " classes";
        InputShape in = model.inputShape();
        boolean sizeKnown = in.flatSize() > 0;
        if (sizeKnown && in.flatSize() != (long) channels * height * width) {
            throw new ModelLoadException(source, "expected " + expected + ", but the model takes "
                    + in.describe() + ".", "Pick a model trained on " + height + "×" + width + " images.");
        }
        if (in.isImage() && in.channels() > 0 && in.channels() != channels) {
            throw new ModelLoadException(source, "expected " + expected + ", but the model takes images with "
                    + in.channels() + " channels.", "Pick a model trained on " + channels + "-channel images.");
        }
        if (model.outputSize() != classes) {
            throw new ModelLoadException(source, "expected " + expected + ", but the model's last layer has "
                    + model.outputSize() + " outputs.", "Pick a model with " + classes + " outputs.");
        }
        try {
            model.output(Nd4j.zeros(model.dataType(), in.batchShape(1, channels, height, width)));
        } catch (RuntimeException e) {
            throw new ModelLoadException(source, "expected " + expected + ", but a " + height + "×" + width
                    + " image does not pass through the model: " + ModelLoader.rootMessage(e),
                    "Pick a model whose input is a " + height + "×" + width + " image.", e);
        }
    }
}
