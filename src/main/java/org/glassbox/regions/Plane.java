package org.glassbox.regions;

/**
 * A 2-D plane through input space, {@code x(u, v) = origin + u·a + v·b}. For a 2-input network
 * the identity plane makes (u, v) the inputs themselves.
 */
public record Plane(double[] origin, double[] a, double[] b) {

    public Plane {
        if (origin.length != a.length || a.length != b.length) {
            throw new IllegalArgumentException("origin and directions must have the same length");
        }
        origin = origin.clone();
        a = a.clone();
        b = b.clone();
    }

    public static Plane identity2d() {
        return new Plane(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    }

    /**
     * The plane through three points p0, p1, p2, with p0 at (0, 0), p1 at (1, 0) and p2 at
     * (0, 1): {@code x(u, v) = p0 + u (p1 − p0) + v (p2 − p0)}.
     */
    public static Plane through(double[] p0, double[] p1, double[] p2) {
        double[] a = new double[p0.length];
        double[] b = new double[p0.length];
        for (int i = 0; i < p0.length; i++) {
            a[i] = p1[i] - p0[i];
            b[i] = p2[i] - p0[i];
        }
        double aa = dot(a, a);
        double bb = dot(b, b);
        double ab = dot(a, b);
        // The points span a plane when a and b are independent: the Gram determinant |a|²|b|² − (a·b)² is not ~0.
        if (!(aa > 0) || !(bb > 0) || aa * bb - ab * ab <= 1e-12 * aa * bb) {
            throw new IllegalArgumentException(aa == 0 || bb == 0 ? "two of the three points are identical"
                    : "the three points lie on one line");
        }
        return new Plane(p0, a, b);
    }

    /**
     * The plane through {@code p0} spanned by two random orthogonal directions of length
     * {@code length} (Gaussian vectors, Gram–Schmidt), seeded: (0, 0) is p0 itself.
     */
    public static Plane randomThrough(double[] p0, double length, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] a = new double[p0.length];
        double[] b = new double[p0.length];
        for (int i = 0; i < p0.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        double na = Math.sqrt(dot(a, a));
        for (int i = 0; i < a.length; i++) {
            a[i] /= na;
        }
        double ab = dot(a, b);
        for (int i = 0; i < b.length; i++) {
            b[i] -= ab * a[i];
        }
        double nb = Math.sqrt(dot(b, b));
        for (int i = 0; i < b.length; i++) {
            a[i] *= length;
            b[i] = b[i] / nb * length;
        }
        return new Plane(p0, a, b);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    public int dimension() {
        return origin.length;
    }

    public double[] point(double u, double v) {
        double[] x = new double[origin.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = origin[i] + u * a[i] + v * b[i];
        }
        return x;
    }

    /**
     * The (u, v) of the point of the plane nearest to x: the least-squares solution of
     * [a b]·(u, v) = x − origin, by the 2×2 normal equations.
     */
    public double[] coordinates(double[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - origin[i];
        }
        double aa = dot(a, a);
        double ab = dot(a, b);
        double bb = dot(b, b);
        double da = dot(d, a);
        double db = dot(d, b);
        double det = aa * bb - ab * ab;
        return new double[] {(da * bb - db * ab) / det, (db * aa - da * ab) / det};
    }

    /**
     * Where the hyperplane w·x + c = 0 crosses the plane: the line α·u + β·v + γ = 0 in plane
     * coordinates, {α, β, γ} = {w·a, w·b, w·origin + c}.
     */
    public double[] trace(double[] w, double c) {
        return new double[] {dot(w, a), dot(w, b), dot(w, origin) + c};
    }
}
