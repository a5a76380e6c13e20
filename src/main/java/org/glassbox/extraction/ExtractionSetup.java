package org.glassbox.extraction;

import org.glassbox.experiment.Param;

/** What an experiment file of the Reverse engineering workspace holds as its parameters, besides the network and seed. */
public record ExtractionSetup(
        @Param(label = "Black box", description = "What the box answers: float64, float32 or decimals:N.")
        String precision,
        @Param(label = "Attack parameters", description = "Lines, half-length, probes, probe radius and pause.")
        ExtractionParameters parameters) {

    public static ExtractionSetup defaults() {
        return new ExtractionSetup(OutputPrecision.FLOAT64.toString(), ExtractionParameters.defaults());
    }
}
