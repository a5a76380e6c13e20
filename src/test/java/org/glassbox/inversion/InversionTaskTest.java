package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.junit.jupiter.api.Test;

class InversionTaskTest {

    @Test
    void onDlgsLenetSettingTheDummyImageBecomesThePrivateOne() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        LabeledImages test = FashionMnist.test(Assets.locate());
        InversionTask task = new InversionTask(model, test.image(0), 28, 28, test.labels()[0],
                new InversionParameters(Integer.getInteger("inversion.iterations", 150), 1.0, 1e-4, 0, 1), 1, true);
        assertEquals(test.labels()[0], task.recoveredLabel());
        InversionSnapshot first = task.step(0);
        InversionSnapshot last = first;
        long t0 = System.nanoTime();
        for (int i = 1; i < task.iterations(); i++) {
            last = task.step(i);
            if (i % 50 == 0) {
                System.out.printf("iteration %d: loss %.3e, PSNR %.2f dB, SSIM %.3f, %.1f ms/it%n", i, last.loss(), last.psnr(),
                        last.ssim(), (System.nanoTime() - t0) / 1e6 / i);
            }
        }
        assertTrue(last.loss() < first.loss() / 100, "matching loss falls: " + first.loss() + " → " + last.loss());
        assertTrue(last.psnr() >= 30, "iDLG (L-BFGS) on DLG's LeNet setting recovers the image to 30 dB in 150 steps: " + last.psnr());
        assertTrue(last.ssim() > 0.9, "SSIM " + last.ssim());
    }

    @Test
    void invertingGradientsKeepsTheImageInTheBoxAndRecoversIt() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        LabeledImages test = FashionMnist.test(Assets.locate());
        InversionParameters preset = InversionAttack.INVERTING_GRADIENTS.defaults();
        InversionParameters p = new InversionParameters(500, preset.learningRate(), preset.hvpStep(), preset.tvWeight(), 1);
        InversionTask task = new InversionTask(model, test.image(0), 28, 28, test.labels()[0], InversionAttack.INVERTING_GRADIENTS,
                p, 1, true, new Defense.None());
        InversionSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
            for (double v : last.dummy()) {
                assertTrue(v >= 0 && v <= 1, "the box constraint holds");
            }
        }
        assertTrue(last.psnr() >= 30, "Inverting Gradients on DLG's LeNet setting reaches 30 dB in 500 steps: " + last.psnr());
    }

    @Test
    void sameSeedSameReconstruction() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        LabeledImages test = FashionMnist.test(Assets.locate());
        InversionParameters p = new InversionParameters(5, 1.0, 1e-4, 0, 1);
        InversionTask a = new InversionTask(model, test.image(3), 28, 28, test.labels()[3], p, 9, true);
        InversionTask b = new InversionTask(model, test.image(3), 28, 28, test.labels()[3], p, 9, true);
        InversionSnapshot sa = null;
        InversionSnapshot sb = null;
        for (int i = 0; i < 5; i++) {
            sa = a.step(i);
            sb = b.step(i);
        }
        assertArrayEquals(sa.dummy(), sb.dummy(), 0.0);
    }
}
