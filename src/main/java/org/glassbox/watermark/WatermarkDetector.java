package org.glassbox.watermark;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/**
 * Scores a token sequence against a {@link WatermarkKey}. With {@code ignoreRepeated} (the
 * reference code's recommendation) each (context, token) n-gram counts once: a repeated context
 * draws the same green list again, and counting it twice breaks the independence the z-test
 * assumes.
 */
public final class WatermarkDetector {

    private final WatermarkKey key;
    private final boolean ignoreRepeated;

    public WatermarkDetector(WatermarkKey key, boolean ignoreRepeated) {
        this.key = key;
        this.ignoreRepeated = ignoreRepeated;
    }

    public WatermarkKey key() {
        return key;
    }

    public boolean ignoresRepeated() {
        return ignoreRepeated;
    }

    public Detection detect(int[] tokens) {
        return detect(tokens, true);
    }

    /** @param withWinMax whether to search all windows, O(T²); without it WinMax is NaN */
    public Detection detect(int[] tokens, boolean withWinMax) {
        int h = key.scheme().previousTokens();
        int n = tokens.length;
        TokenMark[] marks = new TokenMark[n];
        boolean[] hits = new boolean[n];
        int[] countedAt = new int[n];
        Set<NGram> seen = ignoreRepeated ? new HashSet<>() : null;
        int scored = 0;
        for (int t = 0; t < n; t++) {
            if (t < h) {
                marks[t] = TokenMark.UNSCORED;
                continue;
            }
            if (seen != null && !seen.add(NGram.of(tokens, t - h, t + 1))) {
                marks[t] = TokenMark.REPEATED;
                continue;
            }
            boolean green = key.isGreen(tokens, t, tokens[t]);
            marks[t] = green ? TokenMark.GREEN : TokenMark.RED;
            hits[scored] = green;
            countedAt[scored] = t;
            scored++;
        }
        double gamma = key.gamma();
        double[] zByCount = new double[scored];
        int green = 0;
        for (int k = 0; k < scored; k++) {
            green += hits[k] ? 1 : 0;
            zByCount[k] = zScore(green, k + 1, gamma);
        }
        double z = scored == 0 ? Double.NaN : zByCount[scored - 1];
        return new Detection(gamma, marks, scored, green, z, normalTail(z), binomialTail(green, scored, gamma),
                zByCount, java.util.Arrays.copyOf(countedAt, scored),
                withWinMax ? winMax(hits, scored, countedAt, gamma) : Detection.WinMax.NONE);
    }

    /** z = (g − γT) / √(T γ (1 − γ)). */
    public static double zScore(int green, int scored, double gamma) {
        return (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma));
    }

    /** 1 − Φ(z), accurate far into the tail. */
    public static double normalTail(double z) {
        return Double.isNaN(z) ? Double.NaN : 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /** P(X ≥ g) for X ~ Binomial(T, γ), as the regularised incomplete beta I_γ(g, T − g + 1). */
    public static double binomialTail(int green, int scored, double gamma) {
        if (scored == 0) {
            return Double.NaN;
        }
        if (green <= 0) {
            return 1.0;
        }
        return Beta.regularizedBeta(gamma, green, scored - green + 1.0, 1e-15, 10_000);
    }

    /**
     * max over window lengths w = 1…T and starts i of (c − γw)/√(wγ(1 − γ)), c the greens in the
     * window: O(T²) with prefix sums, as in the reference code's "max" window setting.
     */
    static Detection.WinMax winMax(boolean[] hits, int scored, int[] countedAt, double gamma) {
        if (scored == 0) {
            return Detection.WinMax.NONE;
        }
        int[] prefix = new int[scored + 1];
        for (int k = 0; k < scored; k++) {
            prefix[k + 1] = prefix[k] + (hits[k] ? 1 : 0);
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestStart = 0;
        int bestLength = 1;
        double spread = gamma * (1 - gamma);
        for (int w = 1; w <= scored; w++) {
            double scale = 1 / Math.sqrt(w * spread);
            double expected = gamma * w;
            int mostGreen = -1;
            int start = 0;
            for (int i = 0; i + w <= scored; i++) {
                int c = prefix[i + w] - prefix[i];
                if (c > mostGreen) {
                    mostGreen = c;
                    start = i;
                }
            }
            double z = (mostGreen - expected) * scale;
            if (z > best) {
                best = z;
                bestStart = start;
                bestLength = w;
            }
        }
        int greens = prefix[bestStart + bestLength] - prefix[bestStart];
        return new Detection.WinMax(best, bestLength, greens, countedAt[bestStart], countedAt[bestStart + bestLength - 1] + 1);
    }

    /** The tokens [from, to) as a set key. */
    private record NGram(int[] ids) {
        static NGram of(int[] tokens, int from, int to) {
            return new NGram(java.util.Arrays.copyOfRange(tokens, from, to));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NGram other && java.util.Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(ids);
        }
    }
}
