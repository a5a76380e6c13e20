package org.glassbox.inversion;

/**
 * The optimal matching of reconstructions to originals before scoring a batch: the one-to-one
 * map from originals (rows) to reconstructions (columns, at least as many) that minimises the
 * total cost (here MSE). For the batches of at most 8 images this workspace allows, trying all
 * m!/(m−n)! ≤ 40,320 maps with branch and bound is exact and costs well under a millisecond, so
 * no Hungarian algorithm is needed.
 */
public final class Assignment {

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
        if (m > MAX_SIZE || m < n) {
            throw new IllegalArgumentException("assignment of " + n + " rows to " + m + " columns; at most " + MAX_SIZE
                    + " columns, and no fewer than rows");
        }
        int[] current = new int[m];
        for (int i = 0; i < m; i++) {
            current[i] = i;
        }
        int[] best = new int[n];
        double[] bestCost = {Double.POSITIVE_INFINITY};
        permute(cost, current, 0, 0, best, bestCost);
        return best;
    }

    private static void permute(double[][] cost, int[] p, int k, double partial, int[] best, double[] bestCost) {
        if (partial >= bestCost[0]) {
            return;
        }
        if (k == best.length) {
            bestCost[0] = partial;
            System.arraycopy(p, 0, best, 0, best.length);
            return;
        }
        for (int i = k; i < p.length; i++) {
            swap(p, k, i);
            permute(cost, p, k + 1, partial + cost[k][p[k]], best, bestCost);
            swap(p, k, i);
        }
    }

    private static void swap(int[] p, int a, int b) {
        int t = p[a];
        p[a] = p[b];
        p[b] = t;
    }
}
