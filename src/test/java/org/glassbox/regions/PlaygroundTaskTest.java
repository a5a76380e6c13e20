package org.glassbox.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassbox.data.ToyDataset;
import org.glassbox.engine.UserFacingException;
import org.junit.jupiter.api.Test;

class PlaygroundTaskTest {

    private static PlaygroundSnapshot run(long seed, int frames) throws Exception {
        PlaygroundParameters p = new PlaygroundParameters(200, 0.05, 0.02, 20, 0, 10, frames);
        PlaygroundTask task = new PlaygroundTask(ToyDataset.XOR, Architecture.parse("12, 12"), p, seed);
        PlaygroundSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        return last;
    }

    @Test
    void sameSeedGivesTheSameTrainedNetworkAndTheSameMap() throws Exception {
        PlaygroundSnapshot a = run(21, 5);
        PlaygroundSnapshot b = run(21, 5);
        for (int l = 0; l < a.network().weights().size(); l++) {
            for (int i = 0; i < a.network().weights().get(l).length; i++) {
                assertArrayEquals(a.network().weights().get(l)[i], b.network().weights().get(l)[i], 0.0);
            }
        }
        assertEquals(a.map().size(), b.map().size());
        for (int r = 0; r < a.map().size(); r++) {
            assertArrayEquals(a.map().regions().get(r).u(), b.map().regions().get(r).u(), 0.0);
            assertArrayEquals(a.map().regions().get(r).v(), b.map().regions().get(r).v(), 0.0);
        }
        assertArrayEquals(a.lossCurve(), b.lossCurve(), 0.0);
    }

    @Test
    void trainingOnXorSeparatesTheClassesAndTheCurvesCoverEveryFrame() throws Exception {
        PlaygroundSnapshot last = run(22, 40);
        assertTrue(last.accuracy() > 0.9, "accuracy " + last.accuracy());
        assertEquals(40, last.lossCurve().length);
        assertTrue(last.lossCurve()[39] < last.lossCurve()[0], "loss falls");
        assertEquals(last.map().size(), last.regionCurve()[39]);
        assertEquals(400, last.steps());
    }

    @Test
    void aBadArchitectureIsRefusedWithWhatIsAllowed() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> Architecture.parse("16, x"));
        assertTrue(e.userMessage().problem().contains("'x' is not a whole number"));
        e = assertThrows(UserFacingException.class, () -> Architecture.parse("16, 1000"));
        assertTrue(e.userMessage().problem().contains("between 1 and 256"));
    }
}
