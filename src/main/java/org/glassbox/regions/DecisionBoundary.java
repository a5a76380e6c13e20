package org.glassbox.regions;

import java.util.List;

/**
 * The decision boundary inside one linear region. There the logits are affine, so the set where
 * class i wins, {l_i ≥ l_j for all j}, is the region clipped by one half-plane per other class:
 * a convex cell. The cells' edges that come from a clip are the boundary, exactly; each is kept
 * once, from the cell of the lower class index.
 */
final class DecisionBoundary {

    /** Edge label of a clip against class j: layer {@code CLASS_EDGE}, neuron j. */
    static final int CLASS_EDGE = -2;

    private DecisionBoundary() {
    }

    static void addSegments(Region region, double scaleU, double scaleV, List<BoundarySegment> out) {
        int classes = region.outputOffset().length;
        if (classes < 2) {
            return;
        }
        double[][] s = region.outputSlope();
        double[] c = region.outputOffset();
        for (int i = 0; i < classes; i++) {
            ConvexPolygon cell = new ConvexPolygon(region.u(), region.v(), region.edgeLayer(), region.edgeNeuron());
            for (int j = 0; j < classes && cell != null; j++) {
                if (j == i) {
                    continue;
                }
                double gu = s[i][0] - s[j][0];
                double gv = s[i][1] - s[j][1];
                double h = c[i] - c[j];
                double tol = ExactPartition.RELATIVE_TOLERANCE * (Math.abs(gu) * scaleU + Math.abs(gv) * scaleV + Math.abs(h));
                double[] val = cell.values(gu, gv, h);
                boolean above = false;
                boolean below = false;
                for (double z : val) {
                    above |= z > tol;
                    below |= z < -tol;
                }
                if (above && below) {
                    cell = cell.split(val, tol, CLASS_EDGE, j)[0];
                } else if (!above) {
                    cell = null;
                }
            }
            if (cell == null) {
                continue;
            }
            for (int e = 0; e < cell.size(); e++) {
                if (cell.edgeLayer[e] == CLASS_EDGE && cell.edgeNeuron[e] > i) {
                    int f = (e + 1) % cell.size();
                    out.add(new BoundarySegment(cell.u[e], cell.v[e], cell.u[f], cell.v[f], i, cell.edgeNeuron[e]));
                }
            }
        }
    }
}
