package org.glassbox.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoisonSweepTest {

    @TempDir
    Path dir;

    @Test
    void attackSuccessRisesFromNoPoisonToTenPercentAndTheSweepWritesItsTable() throws Exception {
        Assets assets = Assets.locate();
        BackdoorSetup setup = new BackdoorSetup(Classifier.MLP, 2000, 2, 64, 1e-3, 0, 0.1, TriggerPattern.CHECKERBOARD, 4, 23, 23, 1.0, 0,
                100, 10);
        PoisonSweep sweep = new PoisonSweep(FashionMnist.train(assets), FashionMnist.test(assets), setup, 1);
        PoisonSweep.Snapshot last = null;
        for (int i = 0; i < sweep.iterations(); i++) {
            last = sweep.step(i);
        }
        assertEquals(PoisonSweep.FRACTIONS.length, last.fractions().length);
        double none = last.attackSuccess()[0];
        double most = last.attackSuccess()[last.attackSuccess().length - 1];
        assertTrue(none < 0.2 && most > 0.8, "attack success " + none + " without poison, " + most + " at 10 %");
        assertEquals(last.accuracy()[0], last.twinAccuracy()[0], 0, "no poison: the backdoored model is its twin");
        last.writeCsv(dir.resolve("sweep.csv"));
        assertEquals(1 + PoisonSweep.FRACTIONS.length, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }
}
