package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.models.samples.SampleModels;
import org.junit.jupiter.api.Test;

class DefensePriceTaskTest {

    private static PriceSnapshot run(Defense defense, int frames) throws Exception {
        LabeledImages train = FashionMnist.train(Assets.locate());
        LabeledImages test = FashionMnist.test(Assets.locate());
        DefensePriceTask task = new DefensePriceTask(SampleModels.mlp(3, 784, new int[] {32}, 10,
                org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT, org.nd4j.linalg.activations.Activation.SOFTMAX, 1e-3),
                defense, train, test, frames, 10, 32, 7);
        PriceSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        return last;
    }

    @Test
    void withoutADefenseBothCopiesLearnTheSame() throws Exception {
        PriceSnapshot s = run(new Defense.None(), 4);
        assertArrayEquals(s.undefendedCurve(), s.defendedCurve(), 0.0);
        assertTrue(s.accuracyUndefended() > 0.5, "it learns: " + s.accuracyUndefended());
        assertEquals(40, s.steps());
    }

    @Test
    void heavyNoiseCostsAccuracy() throws Exception {
        PriceSnapshot s = run(new Defense.GaussianNoise(1.0), 4);
        assertTrue(s.accuracyDefended() < s.accuracyUndefended() - 0.1,
                "undefended " + s.accuracyUndefended() + ", defended " + s.accuracyDefended());
    }

    @Test
    void aDpSgdRunIsReproducible() throws Exception {
        assertArrayEquals(run(new Defense.DpSgd(1, 1), 2).defendedCurve(), run(new Defense.DpSgd(1, 1), 2).defendedCurve(), 0.0);
    }

    /** Aggregation's copy averages over batches 1 + k times larger: a different run from the plain one, and a repeatable one. */
    @Test
    void aggregationTrainsOnLargerBatchesReproducibly() throws Exception {
        PriceSnapshot a = run(new Defense.Aggregation(3), 2);
        assertTrue(!java.util.Arrays.equals(a.undefendedCurve(), a.defendedCurve()), "the larger batches change the run");
        assertArrayEquals(a.defendedCurve(), run(new Defense.Aggregation(3), 2).defendedCurve(), 0.0);
        assertTrue(a.accuracyDefended() > 0.5, "it still learns: " + a.accuracyDefended());
    }
}
