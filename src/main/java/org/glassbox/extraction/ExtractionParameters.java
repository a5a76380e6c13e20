package org.glassbox.extraction;

import org.glassbox.experiment.Param;

/** Parameters of the reverse-engineering attack (Rolnick and Kording's Algorithm 1, with exact kinks). */
public record ExtractionParameters(
        @Param(label = "Lines", description = "Random lines searched for critical points, one per step.", min = 1, max = 1000)
        int lines,
        @Param(label = "Line half-length", description = "Each line runs this far either side of its centre, in input units.",
                min = 0.1, max = 1e6)
        double halfLength,
        @Param(label = "Probes per plane", description = "Points tested on each hyperplane to tell a first-layer neuron from a deeper one.",
                min = 3, max = 100)
        int probes,
        @Param(label = "Probe radius", description = "How far along a hyperplane it is probed, from its point nearest the origin.",
                min = 1e-3, max = 1e6)
        double probeRadius,
        @Param(label = "Pause (ms)", description = "A pause after each line, so that a class can follow the attack"
                + " (0: full speed).", min = 0, max = 5000)
        int pauseMillis) {

    public static ExtractionParameters defaults() {
        return new ExtractionParameters(12, 20, 20, 4, 400);
    }

    /** The same at full speed, for the command line and benchmarks. */
    public ExtractionParameters withoutPause() {
        return new ExtractionParameters(lines, halfLength, probes, probeRadius, 0);
    }
}
