package org.glassbox.regions;

/**
 * A line drawn over a region map. Infinite, α·u + β·v + γ = 0 (a hyperplane's trace on the plane,
 * clipped to the view), or a segment from (u0, v0) to (u1, v1) when {@code segment} is true (then
 * α, β, γ are unused). The colour is a {@link RegionColors#category} index, or −1 for grey.
 */
public record MapLine(double alpha, double beta, double gamma, double u0, double v0, double u1, double v1, boolean segment,
                      int color, double width) {

    public static MapLine infinite(double[] trace, int color, double width) {
        return new MapLine(trace[0], trace[1], trace[2], 0, 0, 0, 0, false, color, width);
    }

    public static MapLine segment(double u0, double v0, double u1, double v1, int color, double width) {
        return new MapLine(0, 0, 0, u0, v0, u1, v1, true, color, width);
    }

    /** The part inside the window, {u0, v0, u1, v1}, or null if the line misses it. */
    public double[] clip(Window w) {
        if (segment) {
            return new double[] {u0, v0, u1, v1};
        }
        java.util.List<double[]> points = new java.util.ArrayList<>();
        if (beta != 0) {
            for (double u : new double[] {w.uMin(), w.uMax()}) {
                double v = -(alpha * u + gamma) / beta;
                if (v >= w.vMin() && v <= w.vMax()) {
                    points.add(new double[] {u, v});
                }
            }
        }
        if (alpha != 0) {
            for (double v : new double[] {w.vMin(), w.vMax()}) {
                double u = -(beta * v + gamma) / alpha;
                if (u >= w.uMin() && u <= w.uMax()) {
                    points.add(new double[] {u, v});
                }
            }
        }
        if (points.size() < 2) {
            return null;
        }
        double[] a = points.get(0);
        double[] b = points.get(1);
        for (double[] p : points) {
            if (Math.hypot(p[0] - a[0], p[1] - a[1]) > Math.hypot(b[0] - a[0], b[1] - a[1])) {
                b = p;
            }
        }
        return new double[] {a[0], a[1], b[0], b[1]};
    }
}
