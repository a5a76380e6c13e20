package org.glassbox.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotHistoryTest {

    @Test
    void aLongRunStaysWithinCapacityAndSpansTheWholeRunEvenly() {
        SnapshotHistory<Integer> history = new SnapshotHistory<>(100);
        for (int i = 1; i <= 10_000; i++) {
            history.add(new Frame<>(i, i));
        }
        List<Frame<Integer>> frames = history.frames();
        assertTrue(frames.size() <= 101, "kept " + frames.size());
        assertTrue(frames.size() >= 50, "kept too few: " + frames.size());
        assertEquals(10_000, frames.get(frames.size() - 1).iteration(), "the newest frame is always kept");
        int stride = frames.get(1).iteration() - frames.get(0).iteration();
        assertTrue(frames.get(0).iteration() <= stride, "the start of the run is kept");
        for (int k = 1; k < frames.size() - 1; k++) {
            assertEquals(stride, frames.get(k).iteration() - frames.get(k - 1).iteration(), "even spacing");
        }
    }

    @Test
    void aShortRunKeepsEveryFrame() {
        SnapshotHistory<Integer> history = new SnapshotHistory<>(100);
        for (int i = 1; i <= 40; i++) {
            history.add(new Frame<>(i, i));
        }
        assertEquals(40, history.frames().size());
    }
}
