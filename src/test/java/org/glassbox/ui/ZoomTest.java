package org.glassbox.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZoomTest {

    @Test
    void zoomingKeepsTheImagePointUnderThePointerWhereItWas() {
        Zoom zoom = Zoom.fit(28, 28, 300, 300);
        double x = 137.5;
        double y = 61.25;
        double[] before = zoom.toImage(x, y);
        for (double factor : new double[] {1.25, 1.25, 3, 0.8, 2}) {
            zoom = zoom.zoomAt(x, y, factor);
            assertArrayEquals(before, zoom.toImage(x, y), 1e-9);
        }
        assertEquals(10 * 1.25 * 1.25 * 3 * 0.8 * 2, zoom.scale(), 1e-9);
    }

    @Test
    void fittingShowsTheWholeImageCentredAtAWholeScale() {
        Zoom zoom = Zoom.fit(28, 28, 300, 200);
        assertEquals(7, zoom.scale());
        assertArrayEquals(new double[] {0, 0}, zoom.toImage(150 - 14 * 7, 100 - 14 * 7), 1e-12);
        assertArrayEquals(new double[] {28, 28}, zoom.toImage(150 + 14 * 7, 100 + 14 * 7), 1e-12);
    }

    @Test
    void theScaleStaysWithinItsBounds() {
        Zoom zoom = Zoom.fit(28, 28, 300, 300).zoomAt(0, 0, 1e9);
        assertEquals(Zoom.MAX_SCALE, zoom.scale());
        assertEquals(Zoom.MIN_SCALE, zoom.zoomAt(0, 0, 1e-9).scale());
    }
}
