package org.glassbox.engine;

import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/** Seeds for reproducible runs: one user-visible seed fans out into independent streams. */
public final class Seeds {

    public static final long DEFAULT = 20_261_123L;

    private Seeds() {
    }

    /** Seeds ND4J's random generator on the calling thread (ND4J keeps one per thread). */
    public static void seedNd4j(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }

    /** A seed for a named sub-stream, so that adding a stream does not shift the others. */
    public static long derive(long seed, String stream) {
        return new SplittableRandom(seed ^ ((long) stream.hashCode() * 0x9E3779B97F4A7C15L)).nextLong();
    }

    /** Fisher–Yates shuffle of {@code a} in place, from {@code random}. */
    public static void shuffle(int[] a, java.util.Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0 … n − 1 in a random order from {@code random}. */
    public static int[] permutation(int n, java.util.Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }
}
