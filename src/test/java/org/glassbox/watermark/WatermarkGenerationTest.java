package org.glassbox.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glassbox.data.Assets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses the bundled language model and the held-out chapters of the King James Bible. */
class WatermarkGenerationTest {

    private static LanguageModel model;
    private static KjvCorpus corpus;
    private static final GenerationSettings SETTINGS =
            GenerationSettings.defaults().with(GenerationParameters.defaults().withoutPause());

    @BeforeAll
    static void load() throws Exception {
        Assets assets = Assets.locate();
        model = LanguageModel.bundled(assets);
        corpus = KjvCorpus.load(assets);
    }

    @Test
    void watermarkedGenerationsOf200TokensAreDetectedAtZ4InAtLeastNineOfTen() throws Exception {
        List<String> prompts = corpus.prompts(10, 3);
        int detected = 0;
        for (int i = 0; i < prompts.size(); i++) {
            GenerationSnapshot s = new GenerationTask(model, SETTINGS, prompts.get(i), 40 + i).runAll();
            assertEquals(200, s.generated());
            detected += s.detection().detected(4) ? 1 : 0;
        }
        assertTrue(detected >= 9, detected + " of 10 detected");
    }

    @Test
    void withoutTheBiasTheSameGenerationsAreNotFlagged() throws Exception {
        GenerationSettings plain = SETTINGS.with(SETTINGS.parameters().withDelta(0));
        int flagged = 0;
        for (String prompt : corpus.prompts(5, 4)) {
            flagged += new GenerationTask(model, plain, prompt, 9).runAll().detection().detected(4) ? 1 : 0;
        }
        assertEquals(0, flagged, "text written without δ carries no watermark");
    }

    @Test
    void theSameSeedWritesTheSameText() throws Exception {
        GenerationSettings shorter = SETTINGS.with(SETTINGS.parameters().withTokens(30));
        GenerationSnapshot a = new GenerationTask(model, shorter, "And the LORD said", 7).runAll();
        GenerationSnapshot b = new GenerationTask(model, shorter, "And the LORD said", 7).runAll();
        GenerationSnapshot c = new GenerationTask(model, shorter, "And the LORD said", 8).runAll();
        assertEquals(a.text(), b.text());
        assertArrayEquals(a.tokens(), b.tokens());
        assertTrue(!a.text().equals(c.text()), "another seed, another text");
    }

    @Test
    void theGeneratedTextReadsBackAsTheSameTokensAndScore() throws Exception {
        GenerationSnapshot s = new GenerationTask(model, SETTINGS, "In the beginning", 11).runAll();
        ScoredText read = ScoredText.score(s.text(), model.vocabulary(), new WatermarkDetector(SETTINGS.watermarkKey(4000), true));
        assertArrayEquals(s.tokens(), read.ids(), "the detector sees what the generator wrote");
        assertEquals(s.detection().z(), read.detection().z(), 1e-12);
    }

    @Test
    void humanTextGivesNoMoreFalsePositivesThanTheNormalTailAllows() {
        WatermarkDetector detector = new WatermarkDetector(SETTINGS.watermarkKey(model.vocabulary().size()), true);
        List<List<String>> passages = corpus.humanPassages(500, 200);
        assertEquals(500, passages.size());
        int positives = 0;
        double mean = 0;
        double square = 0;
        for (List<String> p : passages) {
            Detection d = detector.detect(LanguageModel.ids(model.vocabulary(), p), false);
            positives += d.detected(4) ? 1 : 0;
            mean += d.z() / passages.size();
            square += d.z() * d.z() / passages.size();
        }
        // At z = 4 the normal tail is 3.2e-5 per passage (exact binomial 6.2e-5): 0.03 expected in 500;
        // three or more would happen by chance with probability below 1e-5.
        assertTrue(positives <= 2, positives + " false positives in 500 human passages");
        assertTrue(Math.abs(mean) < 0.3, "human z has mean near 0: " + mean);
        double sd = Math.sqrt(square - mean * mean);
        assertTrue(sd > 0.8 && sd < 1.2, "human z has spread near 1: " + sd);
    }
}
