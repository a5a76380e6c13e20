package org.glassbox.inversion;

import org.glassbox.metrics.LinearAssignment;

/**
 * The optimal matching of reconstructions to originals before scoring a batch: the one-to-one map
 * from originals (rows) to reconstructions (columns, at least as many) that minimises the total
 * cost (here MSE), by the Hungarian method ({@link LinearAssignment}).
 */
public final class Assignment {

    /** The largest batch the attack takes: its cost grows with the batch, and so does the run a person watches. */
    public static final int MAX_SIZE = 8;

    private Assignment() {
    }

    /**
     * {@code result[i]} is the column assigned to row i, distinct for distinct rows, minimising
     * Σ cost[i][result[i]]; n rows, m ≥ n columns.
     */
    public static int[] minimumCost(double[][] cost) {
        int n = cost.length;
        int m = n == 0 ? 0 : cost[0].length;
        if (m < n) {
            throw new IllegalArgumentException("assignment of " + n + " rows to " + m + " columns; no fewer columns than rows");
        }
        return LinearAssignment.minimumCost(cost);
    }
}
