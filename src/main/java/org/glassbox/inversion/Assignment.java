package org.glassbox.inversion;

/**
 * The optimal matching of reconstructions to originals before scoring a batch: the permutation
 * that minimises the total cost (here MSE). For the batches of at most 8 images this workspace
 * allows, trying all n! ≤ 40,320 permutations is exact and costs well under a millisecond, so no
 * Hungarian algorithm is needed.
 */
public final class Assignment {

    public static final int MAX_SIZE = 8;

    private Assignment() {
    }

    /** {@code result[i]} is the column assigned to row i, minimising Σ cost[i][result[i]]. */
    public static int[] minimumCost(double[][] cost) {
        int n = cost.length;
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException("assignment of " + n + " items; at most " + MAX_SIZE);
        }
        int[] current = new int[n];
        for (int i = 0; i < n; i++) {
            current[i] = i;
        }
        int[] best = current.clone();
        double[] bestCost = {Double.POSITIVE_INFINITY};
        permute(cost, current, 0, 0, best, bestCost);
        return best;
    }

    private static void permute(double[][] cost, int[] p, int k, double partial, int[] best, double[] bestCost) {
        if (partial >= bestCost[0]) {
            return;
        }
        if (k == p.length) {
            bestCost[0] = partial;
            System.arraycopy(p, 0, best, 0, p.length);
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
