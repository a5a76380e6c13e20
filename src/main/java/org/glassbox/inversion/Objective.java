package org.glassbox.inversion;

/** A function of a flat vector with its gradient, as an attack's optimiser sees it. */
@FunctionalInterface
public interface Objective {

    /** The value and gradient at z (z is not kept). */
    Point evaluate(double[] z);

    /** One evaluated point. */
    record Point(double[] z, double value, double[] gradient) {
    }
}
