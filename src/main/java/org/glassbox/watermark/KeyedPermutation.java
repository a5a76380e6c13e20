package org.glassbox.watermark;

/**
 * A pseudo-random permutation of {0, …, n − 1} chosen by a 64-bit seed, evaluated at one point in
 * O(1): a four-round balanced Feistel network on the smallest even number of bits that covers n,
 * with cycle walking to stay inside the domain (Black and Rogaway, "Ciphers with arbitrary finite
 * domains", 2002).
 *
 * <p>KGW's green list is the first γn entries of a seeded random permutation of the vocabulary.
 * Here a token is green when its image {@code apply(token) < γn}: the same list, exactly γn
 * tokens, but a membership test costs a few hash evaluations instead of a shuffle of the whole
 * vocabulary, which is what lets the detector score millions of tokens a second.
 */
public final class KeyedPermutation {

    private static final int ROUNDS = 4;

    private final long seed;
    private final int n;
    private final int halfBits;
    private final long halfMask;

    public KeyedPermutation(long seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("domain size must be at least 1, got " + n);
        }
        this.seed = seed;
        this.n = n;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1L));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    public int size() {
        return n;
    }

    public int apply(int x) {
        if (x < 0 || x >= n) {
            throw new IndexOutOfBoundsException("token " + x + " outside 0.." + (n - 1));
        }
        long y = x;
        do {
            y = feistel(y);
        } while (y >= n);
        return (int) y;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (mix(seed + round * 0x9E3779B97F4A7C15L + right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014): a fast 64-bit mixing bijection. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
