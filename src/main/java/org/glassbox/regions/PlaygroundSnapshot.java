package org.glassbox.regions;

/**
 * One frame of live training: the network as it is now (an immutable double-precision copy), its
 * exact map on the training window, and the curves so far.
 */
public record PlaygroundSnapshot(int frame, int steps, double loss, double accuracy, PiecewiseLinearNetwork network,
                                 RegionMap map, double[] lossCurve, int[] regionCurve) {
}
