package org.glassbox.watermark;

/**
 * The detector's reading of one text (Kirchenbauer et al. 2023, §3): T tokens scored, |s|_G of them
 * green, the one-proportion z-score
 * <pre>  z = (|s|_G − γT) / √(T γ (1 − γ))</pre>
 * and its one-sided p-value 1 − Φ(z), with the exact binomial tail P(X ≥ |s|_G), X ~ Bin(T, γ),
 * beside it (the normal approximation is anti-conservative for short texts).
 *
 * @param marks       one mark per token of the text
 * @param zByCount    z after the first k scored tokens, k = 1…T (index k − 1): the curve of z against T
 * @param countedAt   the token index of the k-th scored token
 * @param winMax      the highest z over all windows of the scored sequence: a score, not a p-value
 */
public record Detection(double gamma, TokenMark[] marks, int scored, int green, double z, double pValue,
                        double binomialPValue, double[] zByCount, int[] countedAt, WinMax winMax) {

    /**
     * The window of consecutive scored tokens with the highest z (Kirchenbauer et al. 2024, §4,
     * "WinMax"). Its maximum over many windows is not a p-value: a threshold for it must be set
     * from human text at the wanted false-positive rate.
     *
     * @param fromToken first token of the window, {@code toToken} one past its last (token indices)
     */
    public record WinMax(double z, int length, int green, int fromToken, int toToken) {
        static final WinMax NONE = new WinMax(Double.NaN, 0, 0, 0, 0);
    }

    public double greenFraction() {
        return scored == 0 ? Double.NaN : (double) green / scored;
    }

    public boolean detected(double threshold) {
        return scored > 0 && z > threshold;
    }

    public int tokens() {
        return marks.length;
    }
}
