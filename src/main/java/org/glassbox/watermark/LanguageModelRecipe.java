package org.glassbox.watermark;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The bundled word-level language model: embedding → one LSTM → softmax over the vocabulary,
 * trained with sparse cross-entropy on windows of the training text.
 */
public record LanguageModelRecipe(int vocabularySize, int embedding, int hidden, int window, int batchSize,
                                  int epochs, double learningRate) {

    public static final String ID = "kjv-lstm";

    public static LanguageModelRecipe bundled() {
        return new LanguageModelRecipe(4000, 96, 256, 32, 128, 2, 3e-3);
    }

    public String architecture() {
        return "embedding " + vocabularySize + "×" + embedding + " → LSTM " + hidden + " → dense " + vocabularySize
                + " softmax";
    }

    public MultiLayerConfiguration configuration(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(5.0)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(embedding).name("embedding").build())
                .layer(new LSTM.Builder().nIn(embedding).nOut(hidden).activation(Activation.TANH).dataFormat(RNNFormat.NCW).name("lstm").build())
                .layer(new RnnOutputLayer.Builder(LossFunction.SPARSE_MCXENT).nIn(hidden).nOut(vocabularySize)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).name("out").build())
                .build();
    }
}
