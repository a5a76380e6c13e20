package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.UserFacingException;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DLG's joint label, the Adam option, restarts with best-iterate tracking, and the aggregation defense. */
class InversionAttacksTest {

    private static ModelHandle model;
    private static LabeledImages test;

    @BeforeAll
    static void load() throws Exception {
        model = ModelCatalog.read(Assets.locate().sampleModels()).load("lenet-sigmoid");
        test = FashionMnist.test(Assets.locate());
    }

    private static ClientBatch one(int index) {
        return ClientBatch.of(new double[][] {test.image(index)}, new int[] {test.labels()[index]}, 28, 28);
    }

    private static InversionSnapshot runToEnd(InversionTask task) {
        InversionSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        return last;
    }

    @Test
    void dlgLearnsTheLabelWithTheImageAndRecoversBoth() {
        InversionTask task = new InversionTask(model, one(0), InversionAttack.DLG, InversionOptimizer.LBFGS,
                new InversionParameters(150, 1.0, 1e-4, 0, 1), 1, true, new Defense.None());
        InversionSnapshot first = task.step(0);
        InversionSnapshot last = first;
        for (int i = 1; i < task.iterations(); i++) {
            last = task.step(i);
        }
        System.out.printf("DLG joint label: PSNR %.2f dB after 1 step, %.2f dB after %d; label %d (true %d)%n", first.psnr(),
                last.psnr(), last.iteration(), last.current().labelOf(0), test.labels()[0]);
        assertTrue(last.psnr() > first.psnr() + 15, "PSNR rises well above the noise's: " + first.psnr() + " → " + last.psnr());
        assertEquals(test.labels()[0], last.current().labelOf(0), "the learned soft label's argmax is the true class");
        assertEquals(1.0, last.current().labelAccuracy());
    }

    @Test
    void adamIsAnOptionForDlgsCostAndAlsoRecoversTheImage() {
        InversionTask task = new InversionTask(model, one(0), InversionAttack.IDLG, InversionOptimizer.ADAM,
                new InversionParameters(300, 0.05, 1e-4, 0, 1), 1, true, new Defense.None());
        InversionSnapshot last = runToEnd(task);
        assertTrue(last.psnr() >= 30, "iDLG with Adam at lr 0.05 reaches 30 dB in 300 steps: " + last.psnr());
    }

    @Test
    void restartsStartAfreshAndTheBestIterateIsTheLeastLossOverAllOfThem() {
        InversionTask task = new InversionTask(model, one(4), InversionAttack.IDLG, InversionOptimizer.LBFGS,
                new InversionParameters(6, 1.0, 1e-4, 0, 3), 2, true, new Defense.None());
        assertEquals(18, task.iterations());
        double least = Double.POSITIVE_INFINITY;
        int leastAt = 0;
        double[] firstOfRestart1 = null;
        double[] firstOfRestart0 = null;
        InversionSnapshot s = null;
        for (int i = 0; i < task.iterations(); i++) {
            s = task.step(i);
            assertEquals(i / 6, s.restart());
            if (s.loss() < least) {
                least = s.loss();
                leastAt = s.iteration();
            }
            assertEquals(least, s.best().loss(), 0.0, "best is the least loss so far");
            assertEquals(leastAt, s.bestIteration());
            if (i == 0) {
                firstOfRestart0 = s.dummy();
            }
            if (i == 6) {
                firstOfRestart1 = s.dummy();
            }
        }
        assertTrue(s.best().loss() <= s.loss());
        assertTrue(!java.util.Arrays.equals(firstOfRestart0, firstOfRestart1), "a restart starts from a new dummy");
    }

    @Test
    void aggregationAddsImagesOfOtherClassesAfterTheWatchedOnes() throws Exception {
        LabeledImages train = FashionMnist.train(Assets.locate());
        ClientBatch enlarged = new Defense.Aggregation(3).enlarge(one(0), train, 5);
        assertEquals(4, enlarged.size());
        assertEquals(1, enlarged.watched());
        assertArrayEquals(test.image(0), enlarged.images()[0], 0.0);
        assertEquals(4, java.util.Arrays.stream(enlarged.labels()).distinct().count(), "all labels differ");
        assertArrayEquals(enlarged.labels(), new Defense.Aggregation(3).enlarge(one(0), train, 5).labels(), "same seed, same images");
        assertThrows(UserFacingException.class, () -> new Defense.Aggregation(7).enlarge(
                ClientBatch.of(new double[][] {test.image(0), test.image(1)}, new int[] {test.labels()[0], test.labels()[1]}, 28, 28),
                train, 5), "more than 8 images in all is refused");
        assertThrows(UserFacingException.class, () -> DefenseKind.AGGREGATION.create(1.5, 1), "a fraction of an image is refused");
    }

    @Test
    void aLargerAggregatedBatchLeaksLessOfTheWatchedImageInTheSameSteps() throws Exception {
        LabeledImages train = FashionMnist.train(Assets.locate());
        InversionParameters p = new InversionParameters(120, 1.0, 1e-4, 0, 1);
        InversionSnapshot alone = runToEnd(new InversionTask(model, one(0), InversionAttack.IDLG, InversionOptimizer.LBFGS, p, 1,
                true, new Defense.None()));
        Defense.Aggregation aggregation = new Defense.Aggregation(5);
        InversionSnapshot inCrowd = runToEnd(new InversionTask(model, aggregation.enlarge(one(0), train, 1), InversionAttack.IDLG,
                InversionOptimizer.LBFGS, p, 1, true, aggregation));
        System.out.printf("After 120 steps: %.2f dB alone, %.2f dB among 6 images%n", alone.psnr(), inCrowd.psnr());
        assertEquals(1, inCrowd.batchSize(), "only the watched image is scored");
        assertTrue(alone.psnr() >= 30 && inCrowd.psnr() < alone.psnr() - 10,
                "alone " + alone.psnr() + " dB, among 6: " + inCrowd.psnr() + " dB");
    }
}
