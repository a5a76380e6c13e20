package org.glassbox.extraction;

/**
 * How far apart two black-box outputs of magnitude |f| may be and still count as equal:
 * absolute + relative·|f|. Set from the oracle's announced output precision, with a margin over
 * its rounding (the attack knows how many digits it is given, not the network).
 */
public record Noise(double absolute, double relative) {

    public static Noise of(OutputPrecision precision) {
        return switch (precision.kind()) {
            case FLOAT64 -> new Noise(1e-11, 1e-12);
            case FLOAT32 -> new Noise(1e-6, 2e-6);
            case DECIMALS -> new Noise(2 * Math.pow(10, -precision.decimals()), 0);
        };
    }

    public double at(double magnitude) {
        return absolute + relative * Math.abs(magnitude);
    }
}
