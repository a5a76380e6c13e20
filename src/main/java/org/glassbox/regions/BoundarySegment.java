package org.glassbox.regions;

/** A piece of the decision boundary: the segment (u0, v0)–(u1, v1) where classes a and b tie for the top logit. */
public record BoundarySegment(double u0, double v0, double u1, double v1, int classA, int classB) {
}
