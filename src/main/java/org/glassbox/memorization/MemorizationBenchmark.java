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

    public static void run(PrintStream out, KjvCorpus corpus, long seed) throws Exception {
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
