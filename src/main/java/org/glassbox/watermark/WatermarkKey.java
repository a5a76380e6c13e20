package org.glassbox.watermark;

/**
 * What a detector must share with the generator: the secret key, the green fraction γ, the seeding
 * scheme and the vocabulary size. With these it can say, for any token after the first
 * {@code scheme.previousTokens()}, whether it is green.
 */
public record WatermarkKey(long key, double gamma, SeedingScheme scheme, int vocabularySize) {

    /** The reference code's default key, the millionth prime (Kirchenbauer et al. 2023). */
    public static final long DEFAULT_KEY = 15_485_863L;

    public WatermarkKey {
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("green fraction γ must lie strictly between 0 and 1, got " + gamma);
        }
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("a vocabulary needs at least 2 words, got " + vocabularySize);
        }
        if ((int) Math.floor(gamma * vocabularySize) < 1) {
            throw new IllegalArgumentException("γ = " + gamma + " leaves no green word in a vocabulary of " + vocabularySize);
        }
    }

    /** |G| = ⌊γ|V|⌋ green words in every list. */
    public int greenCount() {
        return (int) Math.floor(gamma * vocabularySize);
    }

    /** Whether {@code candidate} would be green at position {@code t} after {@code tokens[0..t-1]}. */
    public boolean isGreen(int[] tokens, int t, int candidate) {
        long seed = scheme.seed(key, tokens, t, candidate);
        return new KeyedPermutation(seed, vocabularySize).apply(candidate) < greenCount();
    }

    /**
     * The green list at position {@code t} for schemes whose seed does not depend on the candidate,
     * as a mask over the vocabulary.
     */
    public boolean[] greenList(int[] tokens, int t) {
        if (scheme.selfSalted()) {
            throw new IllegalStateException(scheme + " has a different list per candidate; test candidates one by one");
        }
        KeyedPermutation permutation = new KeyedPermutation(scheme.seed(key, tokens, t, 0), vocabularySize);
        boolean[] green = new boolean[vocabularySize];
        int g = greenCount();
        for (int v = 0; v < vocabularySize; v++) {
            green[v] = permutation.apply(v) < g;
        }
        return green;
    }
}
