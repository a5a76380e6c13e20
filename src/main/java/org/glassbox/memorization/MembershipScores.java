package org.glassbox.memorization;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The scores by which Carlini et al. 2021 ("Extracting Training Data from Large Language Models",
 * §5.2) rank generated samples, each lower for a sample more likely memorised, computed from the
 * per-word negative log-likelihoods (nats) of the sample under the model, the reference model and
 * the model reading the lower-cased sample:
 * <ul>
 *   <li>perplexity {@code exp(mean NLL)};</li>
 *   <li>reference ratio {@code log PPL_model / log PPL_reference};</li>
 *   <li>lower-case ratio {@code log PPL_model / log PPL_lowercase};</li>
 *   <li>zlib ratio {@code log PPL_model / zlib}, zlib the size in bytes of the sample's UTF-8 text
 *       compressed (the size itself, not its log);</li>
 *   <li>window: the lowest perplexity over any window of {@code window} consecutive words.</li>
 * </ul>
 */
public final class MembershipScores {

    public enum Score { PERPLEXITY, REFERENCE_RATIO, LOWERCASE_RATIO, ZLIB_RATIO, WINDOW }

    private MembershipScores() {
    }

    public static double perplexity(double[] nll) {
        return Math.exp(mean(nll, 0, nll.length));
    }

    public static double logPerplexity(double[] nll) {
        return mean(nll, 0, nll.length);
    }

    public static double ratio(double[] model, double[] other) {
        return logPerplexity(model) / logPerplexity(other);
    }

    public static double zlibRatio(double[] model, String text) {
        return logPerplexity(model) / zlibBytes(text);
    }

    /** The compressed size in bytes of the text's UTF-8 encoding, at zlib's default level. */
    public static int zlibBytes(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater();
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length + 64];
        int size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer);
        }
        deflater.end();
        return size;
    }

    public static double windowPerplexity(double[] nll, int window) {
        if (nll.length <= window) {
            return perplexity(nll);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int from = 0; from + window <= nll.length; from++) {
            best = Math.min(best, mean(nll, from, from + window));
        }
        return Math.exp(best);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
