package org.glassbox.extraction;

/**
 * A critical point the attack found, where a person can see it: (u, v) on the displayed plane, and
 * what the attack made of it.
 */
public record KinkPoint(double u, double v, Kind kind) {

    public enum Kind {
        /** On a hyperplane that extends across the input space: a first-layer neuron. */
        FIRST_LAYER,
        /** On a boundary that bends: a neuron of a deeper layer, left for the next stage. */
        DEEPER,
        /** The two sides did not show a clean jump (another kink too close, or output noise). */
        UNCLEAR
    }
}
