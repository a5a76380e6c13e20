package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class GradientMatchingTest {

    /**
     * Softmax regression, p = softmax(Wᵀx + b), ℓ = −Σ y log p, has ∇_W ℓ = x (p − y)ᵀ and
     * ∇_b ℓ = p − y, so ⟨∇ℓ, (V, v_b)⟩ = (Vᵀx + v_b)ᵀ(p − y) and, with J = diag(p) − p pᵀ,
     * ∇_x ⟨∇ℓ, (V, v_b)⟩ = V (p − y) + W J (Vᵀx + v_b) exactly. The central difference must agree.
     */
    @Test
    void theCentralDifferenceHessianVectorProductMatchesTheExactOne() {
        int nIn = 6;
        int nOut = 4;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.DOUBLE)
                .list().layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(nIn).nOut(nOut).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        ModelHandle model = new ModelHandle("softmax-regression", net);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, nIn);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, nOut).putScalar(0, 2, 1.0);
        INDArray v = Nd4j.randn(DataType.DOUBLE, 1, model.parameterCount());
        GradientMatching matching = new GradientMatching(model, Nd4j.zeros(DataType.DOUBLE, 1, model.parameterCount()), 1e-4);
        double eps = 1e-4 / v.norm2Number().doubleValue();
        INDArray estimate = matching.directionalInputGradient(x, y, v, eps);

        INDArray w = net.getLayer(0).getParam("W");                         // [nIn, nOut]
        INDArray bigV = v.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, nIn * nOut)).reshape('f', nIn, nOut);
        INDArray vb = v.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(nIn * nOut, nIn * nOut + nOut)).reshape(nOut, 1);
        INDArray p = net.output(x).reshape(nOut, 1);
        INDArray residual = p.sub(y.reshape(nOut, 1));
        INDArray jacobian = Nd4j.diag(p.reshape(nOut)).sub(p.mmul(p.transpose()));
        INDArray u = bigV.transpose().mmul(x.reshape(nIn, 1)).add(vb);
        INDArray exact = bigV.mmul(residual).add(w.mmul(jacobian).mmul(u)).reshape(1, nIn);

        double error = estimate.sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
        System.out.printf("Hessian-vector product by central differences: relative error %.3e%n", error);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    /**
     * Relative difference between a cost's input gradient, projected on a random unit direction d,
     * and the central difference (L(x + hd) − L(x − hd)) / 2h of the cost itself, on lenet-sigmoid.
     */
    private static double directionalError(java.util.function.BiFunction<GradientMatching, INDArray, GradientMatching.Evaluation> cost,
                                           long seed) throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid").withDataType(DataType.DOUBLE);
        LabeledImages test = FashionMnist.test(Assets.locate());
        INDArray target = model.gradients(test.features(0, 1, DataType.DOUBLE), test.oneHot(0, 1, DataType.DOUBLE)).parameters();
        GradientMatching matching = new GradientMatching(model, target, GradientMatching.DEFAULT_STEP);
        INDArray x = test.features(1, 2, DataType.DOUBLE);
        INDArray grad = cost.apply(matching, x).inputGradient();
        Nd4j.getRandom().setSeed(seed);
        INDArray d = Nd4j.randn(DataType.DOUBLE, x.shape());
        d.divi(d.norm2Number());
        double h = 1e-5;
        double numeric = (cost.apply(matching, x.add(d.mul(h))).loss() - cost.apply(matching, x.sub(d.mul(h))).loss()) / (2 * h);
        double analytic = grad.mul(d).sumNumber().doubleValue();
        return Math.abs(numeric - analytic) / Math.abs(numeric);
    }

    private static final INDArray LABEL = Nd4j.zeros(DataType.DOUBLE, 1, 10).putScalar(0, 9, 1.0);

    @Test
    void theMatchingLossGradientAgreesWithTheLossOnTheLenetSample() throws Exception {
        double error = directionalError((m, x) -> m.evaluate(x, LABEL), 6);
        System.out.printf("Matching-loss directional derivative on lenet-sigmoid: relative error %.3e%n", error);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    @Test
    void theCosineCostGradientAgreesWithTheCostOnTheLenetSample() throws Exception {
        double error = directionalError((m, x) -> m.evaluateCosine(x, LABEL), 7);
        System.out.printf("Cosine-cost directional derivative on lenet-sigmoid: relative error %.3e%n", error);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    /**
     * DLG's label gradient ∂L/∂u (soft label y = softmax(u)), projected on a random direction e,
     * against the central difference (L(u + he) − L(u − he)) / 2h of the matching loss itself.
     */
    @Test
    void theSoftLabelGradientAgreesWithTheLossOnTheLenetSample() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid").withDataType(DataType.DOUBLE);
        LabeledImages test = FashionMnist.test(Assets.locate());
        INDArray target = model.gradients(test.features(0, 1, DataType.DOUBLE), test.oneHot(0, 1, DataType.DOUBLE)).parameters();
        GradientMatching matching = new GradientMatching(model, target, GradientMatching.DEFAULT_STEP);
        INDArray x = test.features(1, 2, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(8);
        INDArray u = Nd4j.randn(DataType.DOUBLE, 1, 10);
        INDArray e = Nd4j.randn(DataType.DOUBLE, 1, 10);
        e.divi(e.norm2Number());
        INDArray y = Transforms.softmax(u, true);
        GradientMatching.Evaluation at = matching.evaluate(x, y);
        double analytic = matching.labelGradient(x, y, at.weightCotangent()).mul(e).sumNumber().doubleValue();
        double h = 1e-5;
        double numeric = (matching.evaluate(x, Transforms.softmax(u.add(e.mul(h)), true)).loss()
                - matching.evaluate(x, Transforms.softmax(u.sub(e.mul(h)), true)).loss()) / (2 * h);
        double error = Math.abs(numeric - analytic) / Math.abs(numeric);
        System.out.printf("Soft-label directional derivative on lenet-sigmoid: relative error %.3e%n", error);
        assertTrue(error < 1e-5, "relative error " + error + " (analytic " + analytic + ", numeric " + numeric + ")");
    }

    @Test
    void iDlgRecoversTheTrueLabelOfEveryImageOfASeededSampleOf50() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid").withDataType(DataType.DOUBLE);
        LabeledImages test = FashionMnist.test(Assets.locate());
        int[] sample = new java.util.Random(50).ints(0, test.size()).distinct().limit(50).toArray();
        for (int i : sample) {
            INDArray g = model.gradients(test.features(i, i + 1, DataType.DOUBLE), test.oneHot(i, i + 1, DataType.DOUBLE)).parameters();
            assertEquals(test.labels()[i], LabelRecovery.fromGradient(model, g), "test image " + i);
        }
    }
}
