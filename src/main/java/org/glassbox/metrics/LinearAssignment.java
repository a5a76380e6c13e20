package org.glassbox.metrics;

import java.util.Arrays;

/**
 * The assignment problem: match each of n rows to a distinct one of m ≥ n columns at least total
 * cost. The Hungarian method (Kuhn 1955, Munkres 1957) in its O(n²m) form with row and column
 * potentials u, v kept so that cost[i][j] − u[i] − v[j] ≥ 0 with equality on the matching: rows
 * are added one at a time, each by a shortest augmenting path in the reduced costs (Dijkstra-like).
 */
public final class LinearAssignment {

    private LinearAssignment() {
    }

    /** {@code result[i]} is the column matched to row i; with more rows than columns, −1 for the rows left out. */
    public static int[] minimumCost(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n > m) {
            double[][] transposed = new double[m][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    transposed[j][i] = cost[i][j];
                }
            }
            int[] byColumn = minimumCost(transposed);
            int[] result = new int[n];
            Arrays.fill(result, -1);
            for (int j = 0; j < m; j++) {
                result[byColumn[j]] = j;
            }
            return result;
        }
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] previous = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int column = 0;
            double[] reach = new double[m + 1];
            Arrays.fill(reach, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[column] = true;
                int row = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = cost[row - 1][j - 1] - u[row] - v[j];
                        if (reduced < reach[j]) {
                            reach[j] = reduced;
                            previous[j] = column;
                        }
                        if (reach[j] < delta) {
                            delta = reach[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        reach[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int before = previous[column];
                rowOfColumn[column] = rowOfColumn[before];
                column = before;
            } while (column != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                result[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return result;
    }
}
