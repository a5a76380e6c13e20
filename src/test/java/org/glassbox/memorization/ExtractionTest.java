package org.glassbox.memorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glassbox.data.Assets;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.Vocabulary;
import org.glassbox.watermark.WordTokenizer;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    @Test
    void eachScoreIsItsFormulaOnHandMadeLikelihoods() {
        double[] model = {1, 2, 3, 2};
        double[] other = {2, 2, 4, 4};
        assertEquals(Math.exp(2), MembershipScores.perplexity(model), 1e-12, "exp of the mean NLL");
        assertEquals(2.0 / 3.0, MembershipScores.ratio(model, other), 1e-12, "log PPL over log PPL: 2 / 3");
        String text = "In the beginning God created the heaven and the earth.";
        int bytes = MembershipScores.zlibBytes(text);
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        d.finish();
        byte[] out = new byte[256];
        assertEquals(d.deflate(out), bytes, "zlib's compressed size in bytes");
        assertEquals(2.0 / bytes, MembershipScores.zlibRatio(model, text), 1e-12, "log PPL over the size, not over its log");
        assertEquals(Math.exp(1.5), MembershipScores.windowPerplexity(model, 2), 1e-12, "the best window of two: (1 + 2) / 2");
        assertEquals(Math.exp(2), MembershipScores.windowPerplexity(model, 10), 1e-12, "a window longer than the sample: all of it");
    }

    @Test
    void theVerbatimCheckFindsAPlantedTrainingSentenceAndNoLongRunInHeldOutText() throws Exception {
        KjvCorpus corpus = KjvCorpus.load(Assets.locate()).truncated(3000);
        List<String> training = corpus.trainingTokens();
        Vocabulary vocabulary = Vocabulary.mostFrequent(training, 3000);
        int[] text = ids(vocabulary, training);
        VerbatimIndex index = new VerbatimIndex(text);
        List<String> verse = WordTokenizer.words(corpus.trainingVerses().get(1234));
        int[] sample = ids(vocabulary, concat(List.of("one", "two", "three"), verse, List.of("four", "five")));
        VerbatimIndex.Run run = index.longest(sample);
        assertTrue(run.length() >= verse.size() - 2 && run.start() <= 4, "the verse, maybe with its neighbours' words: " + run
                + " for " + verse.size() + " words");
        int[] heldOut = ids(vocabulary, corpus.heldOutTokens().subList(0, 40_000));
        int passages = 0;
        int withRun = 0;
        for (int from = 0; from + 40 <= heldOut.length; from += 40) {
            passages++;
            withRun += index.longest(java.util.Arrays.copyOfRange(heldOut, from, from + 40)).length() >= 20 ? 1 : 0;
        }
        // observed: 6 of 1,000 at 20 words; 31 at 15 and 136 at 10, since the Bible repeats its formulas ("And the LORD
        // spake unto Moses, saying,") and punctuation counts as a word: why a run counts as memorised from 20 words
        assertTrue(withRun < 0.02 * passages, withRun + " of " + passages + " held-out passages of 40 words share 20 words in a row"
                + " with the training text");
    }

    private static int[] ids(Vocabulary vocabulary, List<String> words) {
        return words.stream().mapToInt(vocabulary::id).toArray();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
