package org.glassbox.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MadTest {

    /**
     * The research note's vector (Neural Cleanse's README, infected GTSRB, 43 classes): median
     * 64.466667, MAD 13.238736, label 33 at ‖m‖₁ 16.117647 with anomaly index 3.652087. The README
     * gives only those figures, so the other 42 norms are built to have that median and MAD: 21
     * below the median and 21 above, deviations whose median is 13.238736 / 1.4826, and one large
     * norm above the median, which must not be flagged.
     */
    @Test
    void theReferenceVectorGivesItsAnomalyIndexAndFlagsOnlyTheSmallOutlier() {
        double median = 64.466667;
        double d0 = 13.238736 / Mad.CONSISTENCY;
        List<Double> norms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            norms.add(median - 0.5 * d0);
            norms.add(median - 2 * d0);
            norms.add(median + 0.5 * d0);
        }
        for (int i = 0; i < 9; i++) {
            norms.add(median + 1.5 * d0);
        }
        norms.add(median + 5 * d0);
        norms.add(median + d0);
        norms.add(median);
        norms.add(33, 16.117647);
        double[] values = norms.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(43, values.length);
        Mad mad = Mad.of(values);
        assertEquals(64.466667, mad.median(), 1e-9);
        assertEquals(13.238736, mad.mad(), 1e-9);
        assertEquals(3.652087, mad.anomalyIndex()[33], 5e-7);
        assertEquals(3.652087, mad.minimumIndex(values), 5e-7);
        assertEquals(List.of(33), mad.flagged(), "only the outlier below the median, not the large norm above it (index "
                + mad.anomalyIndex()[40] + ")");
        assertEquals(5 / Mad.CONSISTENCY, mad.anomalyIndex()[40], 1e-9, "the large norm is an outlier too, on the harmless side");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Mad.median(new double[] {4, 1, 3, 2}), 0);
    }
}
