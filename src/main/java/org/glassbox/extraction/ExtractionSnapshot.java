package org.glassbox.extraction;

import java.util.List;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.metrics.NetworkComparison;

/**
 * The attack after some lines: queries spent, critical points found, the first layer recovered so
 * far, and its comparison with the true first layer (computed for the person watching; the attack
 * never sees it).
 *
 * @param lineSegments the searched lines on the displayed plane, {u0, v0, u1, v1} each
 * @param log2Error    per step so far (lines, then boundary walks), log2 of the largest weight error over the layers
 *                     compared (NaN before a neuron is matched)
 * @param queriesAfter per step so far, the queries spent by then
 * @param completion   after the last line: the last layer and signs, if no deeper neuron was seen; else null
 * @param stage        what the attack is doing, in words
 * @param layers       once the deeper stage runs: every layer recovered so far against the true one; else null
 * @param traces       the boundary paths followed so far on the plane, {u0, v0, u1, v1, ±layer} each (negative: the
 *                     trace failed and its critical point waits for a deeper layer)
 * @param boundaries   the recovered deeper neurons' boundaries on the plane, {u0, v0, u1, v1, layer} each
 * @param tracingLayer the layer whose boundaries are being followed (counting hidden layers from 1), or 0
 */
public record ExtractionSnapshot(int lines, long queries, List<KinkPoint> kinks, List<RecoveredNeuron> firstLayer,
                                 LayerComparison comparison, List<double[]> lineSegments, double[] log2Error,
                                 long[] queriesAfter, Completion completion, String stage, NetworkComparison layers,
                                 List<double[]> traces, List<double[]> boundaries, int tracingLayer) {
}
