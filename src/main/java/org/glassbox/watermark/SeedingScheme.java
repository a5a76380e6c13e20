package org.glassbox.watermark;

/**
 * How the green list of a position is seeded from the text before it (Kirchenbauer et al., "On
 * the Reliability of Watermarks for Large Language Models", ICLR 2024, §3). The pseudo-random
 * function is our own (SplitMix64 mixing), so green lists do not match the reference code's
 * torch generator, but the structure of each scheme is the paper's.
 */
public enum SeedingScheme {

    /** h = 1: the seed is a hash of the key and the previous token ("simple_1", "lefthash"). */
    LEFT_HASH("Left hash (h = 1)", 1, false),

    /**
     * h = 4, anchored min-hash with self-salt ("selfhash", Algorithm 3): the seed depends on the
     * candidate token and on the smallest hash among the three tokens before it and the candidate,
     * so editing a context token whose hash is not the smallest leaves the list unchanged.
     */
    SELF_HASH("Self-hash (h = 4)", 3, true);

    private final String label;
    private final int previousTokens;
    private final boolean selfSalted;

    SeedingScheme(String label, int previousTokens, boolean selfSalted) {
        this.label = label;
        this.previousTokens = previousTokens;
        this.selfSalted = selfSalted;
    }

    /** How many tokens before a position its green list depends on; earlier positions are not scored. */
    public int previousTokens() {
        return previousTokens;
    }

    /** Whether the candidate token itself enters its own seed. */
    public boolean selfSalted() {
        return selfSalted;
    }

    /**
     * The seed of the green list that decides whether {@code candidate} at position {@code t} is
     * green, given the tokens before it ({@code tokens[t - previousTokens()] … tokens[t - 1]}).
     */
    public long seed(long key, int[] tokens, int t, int candidate) {
        return switch (this) {
            case LEFT_HASH -> KeyedPermutation.mix(key * 0x9E3779B97F4A7C15L + tokens[t - 1]);
            case SELF_HASH -> {
                long anchor = hashOf(key, candidate);
                long smallest = anchor;
                for (int i = t - previousTokens; i < t; i++) {
                    smallest = Math.min(smallest, hashOf(key, tokens[i]));
                }
                yield KeyedPermutation.mix(anchor * 31 + smallest);
            }
        };
    }

    private static long hashOf(long key, int token) {
        return KeyedPermutation.mix(key ^ (token * 0xD1B54A32D192ED03L)) >>> 1;
    }

    @Override
    public String toString() {
        return label;
    }
}
