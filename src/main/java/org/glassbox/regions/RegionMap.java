package org.glassbox.regions;

import java.util.List;

/** The exact partition of a window into linear regions, and the decision boundary through it. */
public record RegionMap(Window window, List<Region> regions, List<BoundarySegment> boundary, double seconds) {

    public RegionMap {
        regions = List.copyOf(regions);
        boundary = List.copyOf(boundary);
    }

    public int size() {
        return regions.size();
    }

    /** The region containing (u, v), or null outside the window. */
    public Region regionAt(double u, double v) {
        for (Region r : regions) {
            if (r.contains(u, v)) {
                return r;
            }
        }
        return null;
    }

    public double totalArea() {
        double a = 0;
        for (Region r : regions) {
            a += r.area();
        }
        return a;
    }
}
