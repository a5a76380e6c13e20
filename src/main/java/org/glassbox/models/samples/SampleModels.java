package org.glassbox.models.samples;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The recipes of every model in {@code sample-models/}. */
public final class SampleModels {

    public static final String FASHION = "fashion-mnist-train";

    private SampleModels() {
    }

    public static List<SampleModel> all() {
        return List.of(
                new SampleModel("lenet-sigmoid", "LeNet (sigmoid), Fashion-MNIST",
                        "The small LeNet with sigmoid activations that Deep Leakage from Gradients (Zhu et al. 2019) attacks.",
                        "conv5x5/2 12 sigmoid → conv5x5/2 12 sigmoid → conv5x5/1 12 sigmoid → dense 10 softmax",
                        "image-classifier", FASHION, 8, 64, SampleModels::lenetSigmoid),
                new SampleModel("relu-cnn", "Small ReLU CNN, Fashion-MNIST",
                        "A small convolutional classifier with ReLU activations and max pooling.",
                        "conv3x3 8 relu → maxpool 2 → conv3x3 16 relu → maxpool 2 → dense 64 relu → dense 10 softmax",
                        "image-classifier", FASHION, 6, 64, SampleModels::reluCnn),
                new SampleModel("mlp-784-128-10", "MLP 784-128-10, Fashion-MNIST",
                        "A one-hidden-layer ReLU network on flattened images, for extraction and linear-region maps.",
                        "dense 128 relu → dense 10 softmax", "image-classifier", FASHION, 10, 64,
                        seed -> mlp(seed, 784, new int[] {128}, 10, LossFunction.MCXENT, Activation.SOFTMAX, 1e-3)),
                new SampleModel("mlp-10-20-20-1", "MLP 10-20-20-1, regression",
                        "A two-hidden-layer ReLU regression network on random Gaussian inputs, the extraction benchmark's shape"
                                + " (Carlini et al. 2020). Target: " + RandomRegression.TARGET + ".",
                        "dense 20 relu → dense 20 relu → dense 1 identity", "regression", RandomRegression.ID, 60, 64,
                        seed -> mlp(seed, 10, new int[] {20, 20}, 1, LossFunction.MSE, Activation.IDENTITY, 3e-3)),
                toy("spiral", new int[] {32, 32, 32}),
                toy("circles", new int[] {16, 16}),
                toy("xor", new int[] {16, 16}),
                toy("moons", new int[] {16, 16}));
    }

    private static SampleModel toy(String dataset, int[] hidden) {
        StringBuilder arch = new StringBuilder();
        StringBuilder widths = new StringBuilder("2");
        for (int h : hidden) {
            arch.append("dense ").append(h).append(" relu → ");
            widths.append('-').append(h);
        }
        arch.append("dense 2 softmax");
        widths.append("-2");
        return new SampleModel("toy-" + dataset, "ReLU MLP " + widths + ", " + dataset,
                "A small ReLU network trained on the 2-D " + dataset + " toy set (1,000 points, noise 0.1), for linear-region maps.",
                arch.toString(), "toy-classifier", "toy:" + dataset, 300, 50,
                seed -> mlp(seed, 2, hidden, 2, LossFunction.MCXENT, Activation.SOFTMAX, 1e-2));
    }

    public static MultiLayerConfiguration lenetSigmoid(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(3e-3))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).padding(2, 2).nOut(12)
                        .activation(Activation.SIGMOID).name("conv1").build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).padding(2, 2).nOut(12)
                        .activation(Activation.SIGMOID).name("conv2").build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).padding(2, 2).nOut(12)
                        .activation(Activation.SIGMOID).name("conv3").build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                        .name("fc").build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
    }

    static MultiLayerConfiguration reluCnn(long seed) {
        return reluCnn(seed, 1e-3);
    }

    /** The small ReLU CNN's recipe at a chosen Adam step size. */
    public static MultiLayerConfiguration reluCnn(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).name("conv1").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("pool1").build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).name("conv2").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("pool2").build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).name("dense").build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                        .name("out").build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
    }

    /** A fully connected ReLU network: inputs → hidden widths → outputs. */
    public static MultiLayerConfiguration mlp(long seed, int inputs, int[] hidden, int outputs, LossFunction loss,
                                              Activation outputActivation, double learningRate) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list();
        int in = inputs;
        for (int i = 0; i < hidden.length; i++) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(hidden[i]).activation(Activation.RELU)
                    .name("dense" + (i + 1)).build());
            in = hidden[i];
        }
        list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(outputs).activation(outputActivation).name("out").build());
        return list.build();
    }
}
