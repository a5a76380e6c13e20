package org.glassbox.regions;

import java.util.Arrays;

/**
 * A convex polygon whose every edge remembers the line that made it (layer and neuron, or the
 * window's border). Splitting by an affine function {@code g(u, v) = gu·u + gv·v + h} gives the
 * part where g ≥ 0 and the part where g ≤ 0; the new edge on g = 0 is labelled with the cut.
 */
final class ConvexPolygon {

    final double[] u;
    final double[] v;
    final int[] edgeLayer;
    final int[] edgeNeuron;

    ConvexPolygon(double[] u, double[] v, int[] edgeLayer, int[] edgeNeuron) {
        this.u = u;
        this.v = v;
        this.edgeLayer = edgeLayer;
        this.edgeNeuron = edgeNeuron;
    }

    static ConvexPolygon of(Window w) {
        return new ConvexPolygon(new double[] {w.uMin(), w.uMax(), w.uMax(), w.uMin()},
                new double[] {w.vMin(), w.vMin(), w.vMax(), w.vMax()},
                new int[] {Region.WINDOW_EDGE, Region.WINDOW_EDGE, Region.WINDOW_EDGE, Region.WINDOW_EDGE},
                new int[] {-1, -1, -1, -1});
    }

    int size() {
        return u.length;
    }

    /**
     * Which side of the line g(u, v) = gu·u + gv·v + h = 0 the polygon is on: +1 when no vertex is
     * below −tol, −1 when none is above tol, 0 when the line crosses it. Allocates nothing, since
     * most tests on most regions end here.
     */
    int side(double gu, double gv, double h, double tol) {
        boolean above = false;
        boolean below = false;
        for (int i = 0; i < u.length; i++) {
            double z = gu * u[i] + gv * v[i] + h;
            above |= z > tol;
            below |= z < -tol;
        }
        return above && below ? 0 : below ? -1 : 1;
    }

    double[] values(double gu, double gv, double h) {
        double[] val = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            val[i] = gu * u[i] + gv * v[i] + h;
        }
        return val;
    }

    /**
     * The two parts of this polygon on either side of the line where {@code val} (the affine
     * function's values at the vertices) is zero. Values within {@code tol} of zero count as on the
     * line. Returns {positive part, negative part}; call only when some value is above tol and some
     * below −tol, so that both parts have area.
     */
    ConvexPolygon[] split(double[] val, double tol, int cutLayer, int cutNeuron) {
        int n = u.length;
        Builder pos = new Builder(n + 2);
        Builder neg = new Builder(n + 2);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double zi = val[i];
            double zj = val[j];
            // A vertex's edge is the cut only when the vertex sits on the line and the next vertex lies
            // across it; otherwise the edge (or its first part, up to a crossing point) is the old one.
            if (zi >= -tol) {
                boolean leaving = zi <= tol && zj < -tol;
                pos.add(u[i], v[i], leaving ? cutLayer : edgeLayer[i], leaving ? cutNeuron : edgeNeuron[i]);
            }
            if (zi <= tol) {
                boolean leaving = zi >= -tol && zj > tol;
                neg.add(u[i], v[i], leaving ? cutLayer : edgeLayer[i], leaving ? cutNeuron : edgeNeuron[i]);
            }
            if ((zi > tol && zj < -tol) || (zi < -tol && zj > tol)) {
                // The zero of the affine function along the edge: t = z_i / (z_i − z_j).
                double t = zi / (zi - zj);
                double pu = u[i] + t * (u[j] - u[i]);
                double pv = v[i] + t * (v[j] - v[i]);
                boolean leavingPos = zj < -tol;
                pos.add(pu, pv, leavingPos ? cutLayer : edgeLayer[i], leavingPos ? cutNeuron : edgeNeuron[i]);
                neg.add(pu, pv, leavingPos ? edgeLayer[i] : cutLayer, leavingPos ? edgeNeuron[i] : cutNeuron);
            }
        }
        return new ConvexPolygon[] {pos.build(), neg.build()};
    }

    private static final class Builder {
        private double[] u;
        private double[] v;
        private int[] layer;
        private int[] neuron;
        private int n;

        Builder(int capacity) {
            u = new double[capacity];
            v = new double[capacity];
            layer = new int[capacity];
            neuron = new int[capacity];
        }

        void add(double pu, double pv, int l, int k) {
            if (n == u.length) {
                u = Arrays.copyOf(u, n * 2);
                v = Arrays.copyOf(v, n * 2);
                layer = Arrays.copyOf(layer, n * 2);
                neuron = Arrays.copyOf(neuron, n * 2);
            }
            u[n] = pu;
            v[n] = pv;
            layer[n] = l;
            neuron[n] = k;
            n++;
        }

        ConvexPolygon build() {
            return new ConvexPolygon(Arrays.copyOf(u, n), Arrays.copyOf(v, n), Arrays.copyOf(layer, n), Arrays.copyOf(neuron, n));
        }
    }
}
