package org.glassbox.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the compute code knows of a network, whatever file it came from: forward pass, per-layer
 * activations, loss gradients with respect to parameters and input, and the flat parameter vector.
 *
 * <p>Not thread-safe: DL4J networks keep per-call state. Give each job its own handle
 * ({@link #copy()}).
 */
public final class ModelHandle {

    private final String name;
    private final MultiLayerNetwork network;
    private final InputShape inputShape;
    private final String lossProblem;

    public ModelHandle(String name, MultiLayerNetwork network) {
        this(name, network, null);
    }

    /** @param lossProblem why the file's training configuration (its loss) could not be imported, or null */
    public ModelHandle(String name, MultiLayerNetwork network, String lossProblem) {
        this.name = name;
        this.network = network;
        this.inputShape = inferInputShape(network);
        this.lossProblem = lossProblem;
    }

    /** Why the model came without its training loss (a Keras file whose training configuration was not imported), if so. */
    public java.util.Optional<String> lossProblem() {
        return java.util.Optional.ofNullable(lossProblem);
    }

    private static InputShape inferInputShape(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        InputPreProcessor pre = conf.getInputPreProcess(0);
        org.deeplearning4j.nn.conf.layers.Layer first = conf.getConf(0).getLayer();
        if (pre instanceof FeedForwardToCnnPreProcessor p) {
            return InputShape.flatImage((int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth());
        }
        if (first instanceof ConvolutionLayer c) {
            InputShape.Layout layout = c.getCnn2dDataFormat() == CNN2DFormat.NHWC
                    ? InputShape.Layout.NHWC : InputShape.Layout.NCHW;
            return InputShape.image(layout, (int) c.getNIn(), -1, -1);
        }
        if (first instanceof org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer e) {
            return InputShape.wordIds(e.getNIn());
        }
        if (first instanceof FeedForwardLayer f) {
            return InputShape.flat(f.getNIn());
        }
        return InputShape.flat(-1);
    }

    public String name() {
        return name;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public InputShape inputShape() {
        return inputShape;
    }

    public DataType dataType() {
        return network.params().dataType();
    }

    public int numLayers() {
        return network.getnLayers();
    }

    /** Width of the network's output (the number of classes for a classifier). */
    public long outputSize() {
        org.deeplearning4j.nn.conf.layers.Layer last = network.getLayerWiseConfigurations()
                .getConf(numLayers() - 1).getLayer();
        return last instanceof FeedForwardLayer f ? f.getNOut() : -1;
    }

    public long parameterCount() {
        return network.numParams();
    }

    /**
     * Puts a batch of flattened images, [n, channels*height*width] in channel-major order, into the
     * shape this network takes.
     */
    public INDArray imageBatch(INDArray flat, int channels, int height, int width) {
        INDArray typed = flat.dataType() == dataType() ? flat : flat.castTo(dataType());
        long n = flat.size(0);
        return switch (inputShape.layout()) {
            case FLAT, IMAGE_FLAT, WORD_IDS -> typed;
            case NCHW -> typed.reshape('c', n, channels, height, width);
            case NHWC -> typed.reshape('c', n, channels, height, width).permute(0, 2, 3, 1).dup('c');
        };
    }

    /** Network output for a batch (first dimension is the batch), in inference mode. */
    public INDArray output(INDArray batch) {
        return network.output(batch, false);
    }

    /** Each layer's output for a batch, in order; index 0 is the first layer's output, not the input. */
    public List<INDArray> activations(INDArray batch) {
        List<INDArray> all = network.feedForward(batch, false);
        return List.copyOf(all.subList(1, all.size()));
    }

    /** Gradients of the training loss summed over the batch, at the current parameters (see {@link Gradients}). */
    public Gradients gradients(INDArray input, INDArray labels) {
        if (!(network.getOutputLayer() instanceof org.deeplearning4j.nn.api.layers.IOutputLayer)) {
            throw new IllegalStateException("model '" + name + "' has no output layer with a loss; check it with"
                    + " ModelChecks.requireLoss before asking for gradients");
        }
        Pair<Gradient, INDArray> result = network.calculateGradients(input, labels, null, null);
        INDArray paramGrad = result.getFirst().gradient().dup();
        INDArray inputGrad = result.getSecond().dup();
        return new Gradients(paramGrad, inputGrad.reshape(input.shape()));
    }

    /** Training loss (mean over the batch, plus regularisation) at the current parameters. */
    public double loss(INDArray input, INDArray labels) {
        return network.score(new DataSet(input, labels), false);
    }

    /** A copy of the flat parameter vector. */
    public INDArray parameters() {
        return network.params().dup();
    }

    public void setParameters(INDArray flat) {
        if (flat.length() != network.numParams()) {
            throw new IllegalArgumentException("parameter vector has " + flat.length()
                    + " entries, the network has " + network.numParams());
        }
        network.setParams(flat.castTo(dataType()).reshape(1, flat.length()));
    }

    /** An independent copy (own parameters, own state) for another thread or another precision. */
    public ModelHandle copy() {
        return new ModelHandle(name, network.clone(), lossProblem);
    }

    public ModelHandle withDataType(DataType type) {
        return new ModelHandle(name, network.convertDataType(type), lossProblem);
    }

    /** The layer table, with shapes found by a forward pass of one zero example of the given shape. */
    public List<LayerSummary> layers(long[] exampleShape) {
        long[] shape = exampleShape.clone();
        shape[0] = 1;
        List<INDArray> outputs = network.feedForward(Nd4j.zeros(dataType(), shape), false);
        // A sequence model is run on one word: its time axis (last) is shown as T, any length.
        boolean sequence = inputShape.layout() == InputShape.Layout.WORD_IDS;
        List<LayerSummary> rows = new ArrayList<>();
        for (int i = 0; i < numLayers(); i++) {
            Layer layer = network.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String activation = conf instanceof BaseLayer b && b.getActivationFn() != null
                    ? b.getActivationFn().toString() : "";
            rows.add(new LayerSummary(i, conf.getLayerName() == null ? "layer" + i : conf.getLayerName(),
                    shortType(conf), perExample(outputs.get(i).shape(), sequence),
                    perExample(outputs.get(i + 1).shape(), sequence), layer.numParams(), activation));
        }
        return rows;
    }

    private static String shortType(org.deeplearning4j.nn.conf.layers.Layer conf) {
        String name = conf.getClass().getSimpleName();
        return switch (name) {
            case "ConvolutionLayer" -> "Conv2D";
            case "SubsamplingLayer" -> "Pooling";
            default -> name.replaceFirst("Layer$", "");
        };
    }

    /** The shape of one example, e.g. "12×14×14"; for a sequence, its last (time) axis as T, e.g. "96×T". */
    private static String perExample(long[] shape, boolean sequence) {
        List<String> dims = new ArrayList<>(Arrays.stream(Arrays.copyOfRange(shape, 1, shape.length)).mapToObj(Long::toString).toList());
        if (sequence && !dims.isEmpty()) {
            dims.set(dims.size() - 1, "T");
        }
        return String.join("×", dims);
    }

    /** The share of the first {@code count} images of {@code data} this classifier labels right, in batches of {@code batchSize}. */
    public double accuracy(org.glassbox.data.LabeledImages data, int count, int batchSize) {
        int total = Math.min(count, data.size());
        int correct = 0;
        for (int from = 0; from < total; from += batchSize) {
            int to = Math.min(total, from + batchSize);
            int[] predicted = org.glassbox.metrics.Predictions.argmax(
                    output(imageBatch(data.features(from, to, dataType()), 1, data.height(), data.width())));
            for (int i = from; i < to; i++) {
                if (predicted[i - from] == data.labels()[i]) {
                    correct++;
                }
            }
        }
        return (double) correct / total;
    }
}
