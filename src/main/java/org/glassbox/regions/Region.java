package org.glassbox.regions;

import java.util.Arrays;

/**
 * One linear region of the map: a convex polygon of the plane on which every neuron keeps its
 * sign, so the network is one affine function there, {@code logits(u, v) = slope·(u, v) + offset}.
 *
 * @param u            vertex u-coordinates, counter-clockwise
 * @param v            vertex v-coordinates
 * @param edgeLayer    for the edge from vertex i to vertex i+1: the hidden layer of the neuron whose
 *                     boundary it lies on, or {@link #WINDOW_EDGE} for the window's border
 * @param edgeNeuron   that neuron's index in its layer (-1 for the border)
 * @param pattern      per hidden layer, which neurons are active (pre-activation &gt; 0)
 * @param outputSlope  [outputs][2]: ∂logit/∂u and ∂logit/∂v
 * @param outputOffset [outputs]: the logits at (u, v) = (0, 0) of this region's affine map
 */
public record Region(double[] u, double[] v, int[] edgeLayer, int[] edgeNeuron, boolean[][] pattern,
                     double[][] outputSlope, double[] outputOffset) {

    public static final int WINDOW_EDGE = -1;

    public int vertexCount() {
        return u.length;
    }

    /**
     * Shoelace formula, ½ Σ (u_i v_{i+1} − u_{i+1} v_i), with coordinates taken from the first
     * vertex so that a tiny region far from the origin loses no digits to cancellation.
     */
    public double area() {
        double twice = 0;
        for (int i = 0; i < u.length; i++) {
            int j = (i + 1) % u.length;
            twice += (u[i] - u[0]) * (v[j] - v[0]) - (u[j] - u[0]) * (v[i] - v[0]);
        }
        return Math.abs(twice) / 2;
    }

    /** Mean of the vertices: inside, since the polygon is convex. */
    public double[] centroid() {
        double su = 0;
        double sv = 0;
        for (int i = 0; i < u.length; i++) {
            su += u[i];
            sv += v[i];
        }
        return new double[] {su / u.length, sv / u.length};
    }

    public double[] logits(double pu, double pv) {
        double[] out = new double[outputOffset.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = outputSlope[k][0] * pu + outputSlope[k][1] * pv + outputOffset[k];
        }
        return out;
    }

    /** Whether (pu, pv) lies inside or on the polygon (convex, either orientation). */
    public boolean contains(double pu, double pv) {
        int sign = 0;
        for (int i = 0; i < u.length; i++) {
            int j = (i + 1) % u.length;
            double cross = (u[j] - u[i]) * (pv - v[i]) - (v[j] - v[i]) * (pu - u[i]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
        }
        return true;
    }

    /** Frobenius norm of the output's slope on the plane: how steep the network is here. */
    public double slopeNorm() {
        double s = 0;
        for (double[] row : outputSlope) {
            s += row[0] * row[0] + row[1] * row[1];
        }
        return Math.sqrt(s);
    }

    /** The pattern as a string of 0s and 1s, one group per hidden layer. */
    public String patternText() {
        StringBuilder sb = new StringBuilder();
        for (boolean[] layer : pattern) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            for (boolean on : layer) {
                sb.append(on ? '1' : '0');
            }
        }
        return sb.toString();
    }

    /** A hash of the pattern, the same for the same pattern. */
    public int patternHash() {
        return Arrays.deepHashCode(new Object[] {pattern});
    }
}
