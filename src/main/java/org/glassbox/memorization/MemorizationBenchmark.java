package org.glassbox.memorization;

import java.io.PrintStream;
import java.util.Locale;
import org.glassbox.watermark.KjvCorpus;

/**
 * Figures of the memorization workspace: each secret's exposure at the end of the default run and
 * of the same run with forgetting, the canary model's training time and held-out perplexity, and
 * candidates scored per second by the digit-tree walk and by reading each candidate in full.
 */
public final class MemorizationBenchmark {

    private MemorizationBenchmark() {
    }

    /**
     * The extraction attack on the shipped word LSTM (trained on every training chapter): 500
     * samples of 40 words, with a constant and with the decaying temperature, the longest run of
     * training words in any sample and each score's top-k share with a run of 10, beside the held-out control.
     */
    static void extraction(PrintStream out, KjvCorpus corpus, org.glassbox.watermark.LanguageModel model, long seed) {
        org.glassbox.watermark.Vocabulary v = model.vocabulary();
        int[] training = corpus.trainingTokens().stream().mapToInt(v::id).toArray();
        java.util.List<String> held = corpus.heldOutTokens();
        int[] heldOut = held.subList(0, Math.min(training.length, held.size())).stream().mapToInt(v::id).toArray();
        for (boolean decaying : new boolean[] {false, true}) {
            int words = 10;
            long t0 = System.nanoTime();
            ExtractionAttack.Result r = ExtractionAttack.run(model.network(), v, training, heldOut,
                    new ExtractionAttack.Settings(500, 40, 40, 1.0, decaying, 10, words), seed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "Extraction from %s (%,d training words, %,d held-out), 500 samples of 40 words, top 40, %s, runs of"
                            + " ≥ %d words: %.1f s%n", model.id(), training.length, heldOut.length,
                    decaying ? "temperature 10 → 1 over 20 words" : "temperature 1", words, seconds);
            int longest = r.samples().stream().mapToInt(x -> x.training().length()).max().orElse(0);
            out.printf(Locale.ROOT, "  longest run of training words in any sample: %d; per score, the share of its top %s with a run of"
                    + " ≥ %d (held-out control in brackets):%n", longest, java.util.Arrays.toString(r.ks()), words);
            for (String line : MemorizationWorkspace.extractionLines(r).subList(1, MembershipScores.Score.values().length + 1)) {
                out.println("  " + line.strip());
            }
        }
        out.println();
    }

    public static void run(PrintStream out, KjvCorpus corpus, org.glassbox.watermark.LanguageModel shipped, long seed) throws Exception {
        extraction(out, corpus, shipped, seed);
        MemorizationSetup d = MemorizationSetup.defaults();
        for (boolean forgetting : new boolean[] {false, true}) {
            MemorizationSetup setup = d.withForgetting(forgetting);
            MemorizationTask task = new MemorizationTask(corpus, setup, seed);
            long t0 = System.nanoTime();
            MemorizationSnapshot s = null;
            for (int i = 0; i < task.iterations(); i++) {
                s = task.step(i);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "%s, \"%s\", %d steps, seed %d: %.0f s, held-out perplexity %.1f%n", forgetting
                            ? "Forgetting (secrets in the first " + Math.round(100 * setup.secretsUntil()) + " % of the steps)" : "Secrets throughout",
                    setup.format(), setup.steps(), seed, seconds, s.perplexityNow());
            out.printf(Locale.ROOT, "  %-12s %14s %12s %14s %14s%n", "repetitions", "exposure bits", "rank", "peak exposure", "extrapolated");
            for (int c = 0; c < s.canaries().size(); c++) {
                double peak = java.util.Arrays.stream(s.exactExposure()[c]).max().orElse(Double.NaN);
                out.printf(Locale.ROOT, "  %-12d %14.2f %,12d %14.2f %14.2f%n", s.canaries().get(c).repetitions(), s.exposureNow(c),
                        s.ranks()[c], peak, s.extrapolatedExposure()[c][s.steps().length - 1]);
            }
            if (!forgetting) {
                SecretFormat format = setup.secretFormat();
                CanaryScorer scorer = new CanaryScorer(task.network(), task.vocabulary(), format, 1);
                scorer.all();
                long a = System.nanoTime();
                scorer.all();
                double tree = (System.nanoTime() - a) / 1e9;
                long[] sample = new long[20_000];
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = i * 5L;
                }
                long b = System.nanoTime();
                scorer.of(sample);
                double whole = (System.nanoTime() - b) / 1e9;
                out.printf(Locale.ROOT, "  candidates scored per second: %,.0f by the digit tree (all %,.0f), %,.0f read whole%n",
                        format.candidates() / tree, format.candidates(), sample.length / whole);
            }
        }
    }
}
