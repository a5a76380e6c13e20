package org.glassbox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void aucCountsPairsInOrderAndHalfOfTies() {
        Roc roc = new Roc(new double[] {3, 2, 1}, new double[] {0, 1.0});
        // pairs (positive, negative): 3>0 3>1 2>0 2>1 1>0 and 1=1 → (5 + 0.5) / 6
        assertEquals(5.5 / 6, roc.auc(), 1e-12);
        assertEquals(1.0, new Roc(new double[] {5, 6}, new double[] {1, 2}).auc(), 1e-12);
    }

    @Test
    void tprAtAnFprUsesOnlyThresholdsThatKeepTheFalsePositivesWithinIt() {
        double[] negatives = new double[100];
        for (int i = 0; i < 100; i++) {
            negatives[i] = i;
        }
        Roc roc = new Roc(new double[] {98.5, 99.5, 50}, negatives);
        assertEquals(2.0 / 3, roc.truePositiveRateAt(0.01), 1e-12, "one negative (99) may pass: threshold 98");
        assertEquals(1.0, roc.truePositiveRateAt(0.5), 1e-12, "50 negatives may pass: threshold 49");
        assertTrue(Double.isNaN(roc.truePositiveRateAt(0.001)), "100 negatives cannot resolve 0.1 %");
        assertEquals(0.0, roc.curve().get(0).truePositiveRate());
        assertEquals(1.0, roc.curve().get(roc.curve().size() - 1).falsePositiveRate());
    }
}
