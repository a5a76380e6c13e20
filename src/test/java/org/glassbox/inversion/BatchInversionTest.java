package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.junit.jupiter.api.Test;

class BatchInversionTest {

    @Test
    void theAssignmentIsTheOneOfLeastTotalCost() {
        double[][] cost = {
                {4, 1, 3},
                {2, 0, 5},
                {3, 2, 2}};
        // 0→1 (1) + 1→0 (2) + 2→2 (2) = 5 is the least of the six permutations
        assertArrayEquals(new int[] {1, 0, 2}, Assignment.minimumCost(cost));
    }

    @Test
    void aBatchOfTwoIsRecoveredAndMatchedToItsOriginals() throws Exception {
        ModelHandle model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        LabeledImages test = FashionMnist.test(Assets.locate());
        int a = 0;
        int b = 1;
        assertTrue(test.labels()[a] != test.labels()[b], "the batch's labels differ");
        InversionTask task = new InversionTask(model, new double[][] {test.image(a), test.image(b)}, 28, 28,
                new int[] {test.labels()[a], test.labels()[b]}, InversionAttack.IDLG,
                new InversionParameters(Integer.getInteger("inversion.batch.iterations", 300), 1.0, 1e-4, 0, 1), 1, true,
                new Defense.None());
        int[] expected = {Math.min(test.labels()[a], test.labels()[b]), Math.max(test.labels()[a], test.labels()[b])};
        assertArrayEquals(expected, task.recoveredLabels(), "both labels are read from the shared gradient");
        InversionSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
            if (i % 100 == 99) {
                System.out.printf("batch of 2, iteration %d: mean PSNR %.2f dB, SSIM %.3f, assignment %s%n", i + 1, last.psnr(),
                        last.ssim(), java.util.Arrays.toString(last.current().assignment()));
            }
        }
        assertTrue(last.psnr() >= 35, "mean PSNR of the matched pairs after 300 L-BFGS steps: " + last.psnr());
    }
}
