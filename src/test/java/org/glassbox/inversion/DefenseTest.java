package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DefenseTest {

    private static final int N = 200_000;

    private static double[] noiseOf(Defense d) {
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, N);
        return d.apply(zero, new Random(1)).toDoubleVector();
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    @Test
    void gaussianNoiseHasVarianceSigmaSquared() {
        assertEquals(0.04, variance(noiseOf(new Defense.GaussianNoise(0.2))), 0.04 * 0.02);
    }

    @Test
    void laplacianNoiseHasVarianceTwoBSquared() {
        assertEquals(2 * 0.01, variance(noiseOf(new Defense.LaplacianNoise(0.1))), 0.02 * 0.03);
    }

    @Test
    void pruningZeroesExactlyTheSmallestFraction() {
        INDArray g = Nd4j.create(new double[] {0.5, -0.1, 0.3, -0.9, 0.05, 0.2, -0.4, 0.7, 0.01, -0.6}, new long[] {1, 10});
        double[] pruned = new Defense.Pruning(0.3).apply(g, new Random(1)).toDoubleVector();
        assertEquals(0, pruned[1]);
        assertEquals(0, pruned[4]);
        assertEquals(0, pruned[8]);
        int zeros = 0;
        for (double v : pruned) {
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(3, zeros);
        assertEquals(-0.9, pruned[3]);
    }

    @Test
    void dpSgdClipsToTheNormAndNoiseScalesWithIt() {
        INDArray g = Nd4j.create(new double[] {3, 4}, new long[] {1, 2});
        double[] clipped = new Defense.DpSgd(1, 0).apply(g, new Random(1)).toDoubleVector();
        assertEquals(0.6, clipped[0], 1e-12);
        assertEquals(0.8, clipped[1], 1e-12);
        double[] small = new Defense.DpSgd(10, 0).apply(g, new Random(1)).toDoubleVector();
        assertEquals(3, small[0], 1e-12, "a gradient within the norm is not clipped");
        assertEquals(0.5 * 0.5 * 4, variance(noiseOf(new Defense.DpSgd(2, 0.5))), 1.0 * 0.02);
    }

    @Test
    void badStrengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Defense.GaussianNoise(-1));
        assertThrows(IllegalArgumentException.class, () -> new Defense.Pruning(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Defense.DpSgd(0, 1));
    }

    /** The same attack as in InversionTaskTest, which reaches 30 dB undefended, stays far from it when the shared gradient is noised. */
    @Test
    void gaussianNoiseOnTheSharedGradientStopsTheAttack() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        LabeledImages test = FashionMnist.test(Assets.locate());
        InversionTask task = new InversionTask(model, test.image(0), 28, 28, test.labels()[0],
                InversionAttack.IDLG, new InversionParameters(150, 1.0, 1e-4, 0, 1), 1, true, new Defense.GaussianNoise(0.1));
        InversionSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        assertTrue(last.psnr() < 15, "with σ = 0.1 the reconstruction stays poor: " + last.psnr() + " dB");
    }
}
