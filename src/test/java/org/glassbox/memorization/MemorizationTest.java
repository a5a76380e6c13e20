package org.glassbox.memorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glassbox.data.Assets;
import org.glassbox.engine.UserFacingException;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.workspace.HeadlessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorizationTest {

    private KjvCorpus corpus;

    @TempDir
    Path dir;

    @BeforeAll
    void load() throws Exception {
        corpus = KjvCorpus.load(Assets.locate());
    }

    private static MemorizationSetup withExtraction(MemorizationSetup s, int samples) {
        return new MemorizationSetup(s.format(), s.repetitions(), s.verses(), s.vocabulary(), s.hidden(), s.steps(), s.batchSize(), s.window(),
                s.learningRate(), s.forgetting(), s.secretsUntil(), s.references(), samples, 24, 40, 1.0, false, s.stepsPerFrame());
    }

    private static MemorizationSetup small(String repetitions, int steps) {
        return new MemorizationSetup("my number is _ _ _", repetitions, 500, 300, 32, steps, 16, 12, 1e-2, false, 0.5, 300, 0, 20, 40, 1.0,
                false, steps / 3);
    }

    private static MemorizationSnapshot runAll(MemorizationTask task) {
        MemorizationSnapshot last = null;
        for (int i = 0; i < task.iterations(); i++) {
            last = task.step(i);
        }
        return last;
    }

    @Test
    void aSecretWrittenAHundredTimesIsMoreExposedThanTheSameSecretNeverWritten() throws Exception {
        MemorizationTask planted = new MemorizationTask(corpus, withExtraction(small("100", 150), 100), 4);
        MemorizationTask absent = new MemorizationTask(corpus, withExtraction(small("0", 150), 100), 4);
        assertEquals(planted.canaries().get(0).secret(), absent.canaries().get(0).secret(), "the same secret, drawn from the seed");
        MemorizationSnapshot with = runAll(planted);
        MemorizationSnapshot without = runAll(absent);
        // observed (seed 4, 150 steps): 9.97 bits, rank 1 of 1,000, against 0.02 bits, rank 986
        assertTrue(with.exposureNow(0) > without.exposureNow(0) + 3, with.exposureNow(0) + " against " + without.exposureNow(0));
        java.util.List<String> secret = org.glassbox.watermark.WordTokenizer.words(planted.canaries().get(0).text());
        // observed: 5 of 100 samples write it out against 0
        assertTrue(with.extraction().containing(secret) > 0, "the model that saw it writes the secret out in some of its samples");
        assertEquals(0, without.extraction().containing(secret), "the model that never saw it does not");
    }

    @Test
    void theDigitTreeGivesEachCandidateTheLogPerplexityOfReadingItWhole() throws Exception {
        MemorizationTask task = new MemorizationTask(corpus, small("20", 30), 2);
        runAll(task);
        SecretFormat format = SecretFormat.parse("my number is _ _ _");
        CanaryScorer scorer = new CanaryScorer(task.network(), task.vocabulary(), format, 1);
        double[] all = scorer.all();
        assertEquals(1000, all.length);
        long[] some = {0, 7, 42, 999, 500, 123};
        double[] direct = scorer.of(some);
        for (int i = 0; i < some.length; i++) {
            assertEquals(direct[i], all[(int) some[i]], 1e-4, "candidate " + some[i]);
        }
    }

    @Test
    void theSameSeedGivesTheSameRun() throws Exception {
        MemorizationSnapshot a = runAll(new MemorizationTask(corpus, small("1, 30", 30), 9));
        MemorizationSnapshot b = runAll(new MemorizationTask(corpus, small("1, 30", 30), 9));
        assertArrayEquals(a.exactExposure()[1], b.exactExposure()[1]);
        assertArrayEquals(a.perplexity(), b.perplexity());
    }

    @Test
    void forgettingTakesTheSecretsOutOfTheTextAfterTheirShare() throws Exception {
        MemorizationSetup s = small("50", 30);
        MemorizationSetup forgetting = new MemorizationSetup(s.format(), s.repetitions(), s.verses(), s.vocabulary(), s.hidden(),
                s.steps(), s.batchSize(), s.window(), s.learningRate(), true, 0.5, s.references(), 10);
        MemorizationTask task = new MemorizationTask(corpus, forgetting, 1);
        assertTrue(task.step(0).secretsInText(), "steps 0–9 of 30: with the secrets");
        task.step(1);
        assertTrue(!task.step(2).secretsInText(), "steps 20–29: the secrets are gone");
    }

    @Test
    void repetitionsThatDoNotFitTheTextOrAreNotCountsAreRefusedWithTheReason() {
        UserFacingException tooMany = assertThrows(UserFacingException.class, () -> new MemorizationTask(corpus,
                new MemorizationSetup("my number is _ _ _", "100000", 100, 300, 16, 10, 4, 8, 1e-2, false, 0.5, 100, 5), 1));
        assertTrue(tooMany.userMessage().problem().contains("would take"), tooMany.userMessage().problem());
        assertTrue(assertThrows(UserFacingException.class, () -> small("", 10).repetitionCounts()).userMessage().problem()
                .contains("No repetition count"));
        assertTrue(assertThrows(UserFacingException.class, () -> small("5, many", 10).repetitionCounts()).userMessage().problem()
                .contains("'many'"));
    }

    @Test
    void aRunWritesItsExposureCurvesAndTheModel() throws Exception {
        MemorizationWorkspace workspace = new MemorizationWorkspace();
        HeadlessRunner.Outcome<MemorizationSnapshot> outcome = HeadlessRunner.run(workspace, workspace.example(3), dir,
                dir.resolve("out"), Assets.locate(), line -> { });
        Path out = dir.resolve("out");
        int frames = outcome.last().steps().length;
        assertEquals(1 + 2 * frames, Files.readAllLines(out.resolve("exposure.csv")).size(), "a row per secret and frame");
        assertTrue(Files.size(out.resolve(MemorizationWorkspace.MODEL_FILE)) > 0);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"exposure50x\""));
        assertEquals(31, Files.readAllLines(out.resolve("samples.csv")).size(), "a row per generated sample");
        assertEquals(30, outcome.last().extraction().samples().size());
    }
}
