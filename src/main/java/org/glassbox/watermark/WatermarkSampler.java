package org.glassbox.watermark;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next word: adds δ to the green words' logits, divides by the temperature and samples
 * (or takes the largest). {@link Vocabulary#UNKNOWN} is never picked, so generated text is all
 * real words.
 */
public final class WatermarkSampler {

    private final GenerationParameters parameters;
    private final boolean greedy;
    private final WatermarkKey key;
    private final SplittableRandom random;

    public WatermarkSampler(GenerationSettings settings, int vocabularySize, long seed) {
        this.parameters = settings.parameters();
        this.greedy = settings.greedy();
        this.key = settings.watermarkKey(vocabularySize);
        this.random = new SplittableRandom(seed);
    }

    /**
     * The next word after {@code context[0..t-1]}, given the model's log-probabilities. Positions
     * with fewer than h tokens before them are not watermarked (the detector does not score them).
     */
    public int next(double[] logProbabilities, int[] context, int t) {
        double[] logits = logProbabilities.clone();
        logits[Vocabulary.UNKNOWN_ID] = Double.NEGATIVE_INFINITY;
        if (parameters.delta() > 0 && t >= key.scheme().previousTokens()) {
            bias(logits, context, t);
        }
        if (greedy) {
            return argmax(logits);
        }
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] weights = new double[logits.length];
        double total = 0;
        for (int v = 0; v < logits.length; v++) {
            weights[v] = Math.exp((logits[v] - max) / parameters.temperature());
            total += weights[v];
        }
        double u = random.nextDouble() * total;
        for (int v = 0; v < weights.length; v++) {
            u -= weights[v];
            if (u < 0) {
                return v;
            }
        }
        return argmax(logits);
    }

    private void bias(double[] logits, int[] context, int t) {
        if (!key.scheme().selfSalted()) {
            boolean[] green = key.greenList(context, t);
            for (int v = 0; v < logits.length; v++) {
                if (green[v]) {
                    logits[v] += parameters.delta();
                }
            }
            return;
        }
        for (int candidate : topIndices(logits, GenerationParameters.SELF_HASH_CANDIDATES)) {
            if (key.isGreen(context, t, candidate)) {
                logits[candidate] += parameters.delta();
            }
        }
    }

    private static int[] topIndices(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int[] top = new int[Math.min(k, values.length)];
        for (int i = 0; i < top.length; i++) {
            top[i] = order[i];
        }
        return top;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
