package org.glassbox.regions;

/** A point drawn over a region map: plane coordinates, a class (or -1) and an optional caption (drawn larger). */
public record MapMarker(double u, double v, int label, String caption) {
}
