package org.glassbox.extraction;

/** Small dense linear algebra in double precision, for the attack's least-squares fits. */
final class LinearSolve {

    private LinearSolve() {
    }

    /** Solves a·x = b by Gaussian elimination with partial pivoting; null if a is singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                return null;
            }
            double[] tr = m[col];
            m[col] = m[pivot];
            m[pivot] = tr;
            double ty = y[col];
            y[col] = y[pivot];
            y[pivot] = ty;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f == 0) {
                    continue;
                }
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
                y[r] -= f * y[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = y[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /**
     * Least squares min ‖X·β − y‖ for every column of y at once, by Householder QR of X (rows ≥
     * columns), which keeps the condition number of X rather than squaring it as the normal
     * equations would. Returns β as [columns of X][columns of y]; null if X is rank deficient.
     */
    static double[][] leastSquares(double[][] x, double[][] y) {
        int m = x.length;
        int n = x[0].length;
        int k = y[0].length;
        double[][] a = new double[m][];
        double[][] b = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = x[i].clone();
            b[i] = y[i].clone();
        }
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm += a[i][j] * a[i][j];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-300) {
                return null;
            }
            double alpha = a[j][j] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = j; i < m; i++) {
                v[i] = a[i][j];
            }
            v[j] -= alpha;
            double vv = 0;
            for (int i = j; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                diagonal[j] = alpha;
                continue;
            }
            for (int c = j; c < n; c++) {
                double dot = 0;
                for (int i = j; i < m; i++) {
                    dot += v[i] * a[i][c];
                }
                double f = 2 * dot / vv;
                for (int i = j; i < m; i++) {
                    a[i][c] -= f * v[i];
                }
            }
            for (int c = 0; c < k; c++) {
                double dot = 0;
                for (int i = j; i < m; i++) {
                    dot += v[i] * b[i][c];
                }
                double f = 2 * dot / vv;
                for (int i = j; i < m; i++) {
                    b[i][c] -= f * v[i];
                }
            }
            diagonal[j] = a[j][j];
        }
        double largest = 0;
        for (double d : diagonal) {
            largest = Math.max(largest, Math.abs(d));
        }
        double[][] beta = new double[n][k];
        for (int c = 0; c < k; c++) {
            for (int r = n - 1; r >= 0; r--) {
                if (Math.abs(a[r][r]) < 1e-13 * largest) {
                    return null;
                }
                double s = b[r][c];
                for (int j = r + 1; j < n; j++) {
                    s -= a[r][j] * beta[j][c];
                }
                beta[r][c] = s / a[r][r];
            }
        }
        return beta;
    }
}
