package org.glassbox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private final ConfusionMatrix cm = ConfusionMatrix.empty(List.of("cat", "dog, big", "eel"))
            .plus(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 2, 0});

    @Test
    void accuracyIsTheDiagonalOverTheTotal() {
        assertEquals(6, cm.total());
        assertEquals(4, cm.correct());
        assertEquals(4.0 / 6, cm.accuracy(), 1e-15);
        assertEquals(2.0 / 3, cm.recall(2), 1e-15);
    }

    @Test
    void plusLeavesTheOriginalUnchanged() {
        ConfusionMatrix more = cm.plus(new int[] {1}, new int[] {1});
        assertEquals(6, cm.total());
        assertEquals(7, more.total());
    }

    @Test
    void csvHasAHeaderAndOneQuotedRowPerClass() {
        assertEquals("""
                true\\predicted,cat,"dog, big",eel
                cat,1,1,0
                "dog, big",0,1,0
                eel,1,0,2
                """, cm.toCsv());
    }
}
