package org.glassbox.inversion;

/** The price of a defense so far: test accuracy of the same model trained without and with it, after {@code steps} steps. */
public record PriceSnapshot(int steps, double accuracyUndefended, double accuracyDefended, double[] undefendedCurve,
                            double[] defendedCurve) {
}
