package org.glassbox.regions;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact linear regions of a ReLU network on a window of a plane, by sequential polygon
 * splitting (as in Hanin and Rolnick's 2-D utilities; see research/relu-extraction.md §8.2).
 *
 * <p>Start from the window. For each hidden layer in turn, every current region has an affine
 * map from (u, v) to that layer's input, {@code x = M·(u, v) + m}; neuron k's pre-activation on the
 * region is then the affine function {@code z_k(u, v) = (W M)_k·(u, v) + (W m + b)_k}. A region on
 * which z_k changes sign is cut along z_k = 0 into two convex pieces, one with the neuron on and
 * one with it off. After the layer, each piece's map becomes {@code M' = D W M}, {@code m' = D (W m + b)}
 * with D = diag(1 if on, else the leaky slope). What is left after the last hidden layer are the
 * linear regions; the output layer then gives each its affine function of (u, v).
 *
 * <p>Numerical tolerance: a vertex value z counts as zero when |z| ≤ 1e-12 · (|∂z/∂u|·U + |∂z/∂v|·V + |z(0,0)|),
 * with U, V the largest |u|, |v| in the window. That scale is the size of the terms whose sum
 * gives z, so rounding leaves z wrong by a few ulps of it (about 1e-14 relative for hundreds of
 * terms over a few layers in double precision): 1e-12 is well above that noise, so no region is
 * split by rounding alone, and small enough that the snap moves a vertex by at most about
 * 1e-12 · (U + |z(0,0)|/|∇z|): for a window 1e-6 wide near |u| ≈ 1 that is ~1e-6 of its width, a
 * thousandth of a pixel. Regions inside the window are exact up to that snap.
 */
public final class ExactPartition {

    public static final double RELATIVE_TOLERANCE = 1e-12;

    private ExactPartition() {
    }

    /** A region under construction, with the affine map from (u, v) to the current layer's input. */
    private static final class Piece {
        ConvexPolygon polygon;
        boolean[][] pattern;
        double[][] inputMap;  // M: [inputs][2]
        double[] inputOffset; // m
        double[][] preMap;    // W M for the layer being split: [neurons][2]
        double[] preOffset;   // W m + b

        Piece copyWith(ConvexPolygon p, int layer) {
            Piece c = new Piece();
            c.polygon = p;
            c.pattern = pattern.clone();
            c.pattern[layer] = pattern[layer].clone();
            c.inputMap = inputMap;
            c.inputOffset = inputOffset;
            c.preMap = preMap;
            c.preOffset = preOffset;
            return c;
        }
    }

    public static RegionMap compute(PiecewiseLinearNetwork net, Plane plane, Window window) {
        if (plane.dimension() != net.inputs()) {
            throw new IllegalArgumentException("the plane lies in " + plane.dimension()
                    + "-dimensional space but the network takes " + net.inputs() + " inputs");
        }
        long start = System.nanoTime();
        double scaleU = Math.max(Math.abs(window.uMin()), Math.abs(window.uMax()));
        double scaleV = Math.max(Math.abs(window.vMin()), Math.abs(window.vMax()));

        Piece root = new Piece();
        root.polygon = ConvexPolygon.of(window);
        root.pattern = new boolean[net.hiddenLayers()][];
        root.inputMap = new double[net.inputs()][];
        for (int i = 0; i < net.inputs(); i++) {
            root.inputMap[i] = new double[] {plane.a()[i], plane.b()[i]};
        }
        root.inputOffset = plane.origin().clone();
        List<Piece> pieces = new ArrayList<>(List.of(root));

        for (int layer = 0; layer < net.hiddenLayers(); layer++) {
            double[][] w = net.weights().get(layer);
            double[] b = net.biases().get(layer);
            for (Piece p : pieces) {
                p.preMap = multiply(w, p.inputMap);
                p.preOffset = affine(w, p.inputOffset, b);
                p.pattern[layer] = new boolean[w.length];
            }
            for (int k = 0; k < w.length; k++) {
                List<Piece> next = new ArrayList<>(pieces.size() + 16);
                for (Piece p : pieces) {
                    double gu = p.preMap[k][0];
                    double gv = p.preMap[k][1];
                    double h = p.preOffset[k];
                    double tol = RELATIVE_TOLERANCE * (Math.abs(gu) * scaleU + Math.abs(gv) * scaleV + Math.abs(h));
                    int side = p.polygon.side(gu, gv, h, tol);
                    if (side == 0) {
                        ConvexPolygon[] parts = p.polygon.split(p.polygon.values(gu, gv, h), tol, layer, k);
                        Piece on = p.copyWith(parts[0], layer);
                        on.pattern[layer][k] = true;
                        Piece off = p.copyWith(parts[1], layer);
                        next.add(on);
                        next.add(off);
                    } else {
                        p.pattern[layer][k] = side > 0;
                        next.add(p);
                    }
                }
                pieces = next;
            }
            double slope = net.leakySlope();
            for (Piece p : pieces) {
                double[][] map = new double[w.length][];
                double[] offset = new double[w.length];
                for (int k = 0; k < w.length; k++) {
                    double d = p.pattern[layer][k] ? 1 : slope;
                    map[k] = new double[] {d * p.preMap[k][0], d * p.preMap[k][1]};
                    offset[k] = d * p.preOffset[k];
                }
                p.inputMap = map;
                p.inputOffset = offset;
                p.preMap = null;
                p.preOffset = null;
            }
        }

        int last = net.weights().size() - 1;
        double[][] wOut = net.weights().get(last);
        double[] bOut = net.biases().get(last);
        List<Region> regions = new ArrayList<>(pieces.size());
        List<BoundarySegment> boundary = new ArrayList<>();
        for (Piece p : pieces) {
            Region r = new Region(p.polygon.u, p.polygon.v, p.polygon.edgeLayer, p.polygon.edgeNeuron, p.pattern,
                    multiply(wOut, p.inputMap), affine(wOut, p.inputOffset, bOut));
            regions.add(r);
            DecisionBoundary.addSegments(r, scaleU, scaleV, boundary);
        }
        return new RegionMap(window, regions, boundary, (System.nanoTime() - start) / 1e9);
    }

    /** W·M for W [n][in], M [in][2]. */
    private static double[][] multiply(double[][] w, double[][] m) {
        double[][] out = new double[w.length][2];
        for (int i = 0; i < w.length; i++) {
            double su = 0;
            double sv = 0;
            double[] row = w[i];
            for (int j = 0; j < row.length; j++) {
                su += row[j] * m[j][0];
                sv += row[j] * m[j][1];
            }
            out[i][0] = su;
            out[i][1] = sv;
        }
        return out;
    }

    /** W·x + b. */
    private static double[] affine(double[][] w, double[] x, double[] b) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = b[i];
            double[] row = w[i];
            for (int j = 0; j < row.length; j++) {
                s += row[j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }
}
