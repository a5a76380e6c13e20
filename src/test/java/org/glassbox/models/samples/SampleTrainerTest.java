package org.glassbox.models.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.glassbox.data.Assets;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTrainerTest {

    @TempDir
    Path dir;

    private final SampleTrainer trainer = new SampleTrainer(Assets.locate(), line -> { });
    private final SampleModel xor = SampleTrainer.select(List.of("toy-xor")).get(0);
    private final SampleModel shortXor = new SampleModel(xor.id(), xor.title(), xor.description(), xor.architecture(),
            xor.task(), xor.dataset(), 20, xor.batchSize(), xor.recipe());

    @Test
    void trainingIsDeterministicUnderItsSeed() throws Exception {
        CatalogEntry a = trainer.train(shortXor, 3, dir.resolve("a"));
        CatalogEntry b = trainer.train(shortXor, 3, dir.resolve("b"));
        CatalogEntry c = trainer.train(shortXor, 4, dir.resolve("c"));
        assertEquals(ModelLoader.load(dir.resolve("a").resolve(a.file())).parameters(),
                ModelLoader.load(dir.resolve("b").resolve(b.file())).parameters());
        assertEquals(a.metrics().get("testAccuracy"), b.metrics().get("testAccuracy"));
        assertNotEquals(ModelLoader.load(dir.resolve("a").resolve(a.file())).parameters(),
                ModelLoader.load(dir.resolve("c").resolve(c.file())).parameters());
    }

    @Test
    void theXorNetworkLearnsXor() throws Exception {
        CatalogEntry e = trainer.train(xor, 5, dir);
        assertTrue(e.metrics().get("testAccuracy") > 0.9, "test accuracy " + e.metrics());
        assertEquals("toy-xor", e.id());
        assertTrue(e.trainingCommand().contains("--only toy-xor --seed 5"));
    }
}
