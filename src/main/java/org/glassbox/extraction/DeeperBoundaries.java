package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;
import org.glassbox.regions.Plane;
import org.glassbox.regions.Window;

/**
 * The zero sets of the recovered neurons beyond the first layer (and of those traced so far in the
 * layer being traced) on the displayed plane, by marching squares on a grid × grid lattice: the
 * bent boundaries the page draws over the region map.
 */
final class DeeperBoundaries {

    private DeeperBoundaries() {
    }

    /** {u0, v0, u1, v1, layer} per segment, layers counted from 1. */
    static List<double[]> onPlane(KnownLayers known, List<BoundaryTrace.Traced> traced, Plane plane, Window window, int grid) {
        int depth = known.depth();
        int neurons = traced.size();
        for (int l = 1; l < depth; l++) {
            neurons += known.width(l);
        }
        if (neurons == 0) {
            return List.of();
        }
        int side = grid + 1;
        double[][] values = new double[side * side][];
        int[] layerOf = new int[neurons];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double[] x = plane.point(window.uMin() + c * window.width() / grid, window.vMin() + r * window.height() / grid);
                double[] v = new double[neurons];
                double[][] z = known.preActivations(x);
                int n = 0;
                for (int l = 1; l < depth; l++) {
                    for (int i = 0; i < z[l].length; i++) {
                        layerOf[n] = l + 1;
                        v[n++] = z[l][i];
                    }
                }
                for (BoundaryTrace.Traced t : traced) {
                    double s = t.bias();
                    for (int k = 0; k < t.upper().length; k++) {
                        s += t.upper()[k] * Math.max(0, z[depth - 1][k]);
                    }
                    for (int i = 0; i < t.lower().length; i++) {
                        s += t.lower()[i] * (depth == 1 ? x[i] : Math.max(0, z[depth - 2][i]));
                    }
                    layerOf[n] = depth + 1;
                    v[n++] = s;
                }
                values[r * side + c] = v;
            }
        }
        List<double[]> segments = new ArrayList<>();
        double du = window.width() / grid;
        double dv = window.height() / grid;
        for (int n = 0; n < neurons; n++) {
            for (int r = 0; r < grid; r++) {
                for (int c = 0; c < grid; c++) {
                    double a = values[r * side + c][n];
                    double b = values[r * side + c + 1][n];
                    double d = values[(r + 1) * side + c][n];
                    double e = values[(r + 1) * side + c + 1][n];
                    List<double[]> cuts = new ArrayList<>(4);
                    double u0 = window.uMin() + c * du;
                    double v0 = window.vMin() + r * dv;
                    if ((a > 0) != (b > 0)) {
                        cuts.add(new double[] {u0 + du * a / (a - b), v0});
                    }
                    if ((b > 0) != (e > 0)) {
                        cuts.add(new double[] {u0 + du, v0 + dv * b / (b - e)});
                    }
                    if ((d > 0) != (e > 0)) {
                        cuts.add(new double[] {u0 + du * d / (d - e), v0 + dv});
                    }
                    if ((a > 0) != (d > 0)) {
                        cuts.add(new double[] {u0, v0 + dv * a / (a - d)});
                    }
                    for (int k = 0; k + 1 < cuts.size(); k += 2) {
                        segments.add(new double[] {cuts.get(k)[0], cuts.get(k)[1], cuts.get(k + 1)[0], cuts.get(k + 1)[1],
                                layerOf[n]});
                    }
                }
            }
        }
        return segments;
    }
}
