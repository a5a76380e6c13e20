package org.glassbox.metrics;

import java.util.Arrays;

/** Curves that grow by a point per frame, as the snapshots of a training run carry them (each snapshot its own copy). */
public final class Curves {

    private Curves() {
    }

    /** A new array: the values, then v. */
    public static double[] append(double[] values, double v) {
        double[] next = Arrays.copyOf(values, values.length + 1);
        next[values.length] = v;
        return next;
    }
}
