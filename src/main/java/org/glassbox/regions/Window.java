package org.glassbox.regions;

/** A rectangle of the plane, [uMin, uMax] × [vMin, vMax]. */
public record Window(double uMin, double uMax, double vMin, double vMax) {

    /**
     * The largest coordinate a window may reach. The exact partition multiplies coordinates by
     * weights and intersects lines in double precision; far past this, sums overflow or lose every
     * digit and regions silently merge.
     */
    public static final double MAX_COORDINATE = 1e9;

    public Window {
        if (!valid(uMin, uMax, vMin, vMax)) {
            throw new IllegalArgumentException("a window needs uMin < uMax and vMin < vMax, each within ±"
                    + String.format(java.util.Locale.ROOT, "%.0e", MAX_COORDINATE) + "; was ["
                    + uMin + ", " + uMax + "] × [" + vMin + ", " + vMax + "]");
        }
    }

    private static boolean valid(double uMin, double uMax, double vMin, double vMax) {
        return uMax > uMin && vMax > vMin && Math.abs(uMin) <= MAX_COORDINATE && Math.abs(uMax) <= MAX_COORDINATE
                && Math.abs(vMin) <= MAX_COORDINATE && Math.abs(vMax) <= MAX_COORDINATE;
    }

    public static Window centered(double u, double v, double halfWidth, double halfHeight) {
        return new Window(u - halfWidth, u + halfWidth, v - halfHeight, v + halfHeight);
    }

    public double width() {
        return uMax - uMin;
    }

    public double height() {
        return vMax - vMin;
    }

    public double area() {
        return width() * height();
    }

    public double centerU() {
        return (uMin + uMax) / 2;
    }

    public double centerV() {
        return (vMin + vMax) / 2;
    }

    /** This window scaled by {@code factor} about the point (u, v), which stays where it is. */
    /** This window scaled by {@code factor} about (u, v); itself when that would leave the allowed range. */
    public Window zoom(double u, double v, double factor) {
        return within(u + (uMin - u) * factor, u + (uMax - u) * factor, v + (vMin - v) * factor, v + (vMax - v) * factor);
    }

    /** This window moved by (du, dv); itself when that would leave the allowed range. */
    public Window pan(double du, double dv) {
        return within(uMin + du, uMax + du, vMin + dv, vMax + dv);
    }

    private Window within(double uMin, double uMax, double vMin, double vMax) {
        return valid(uMin, uMax, vMin, vMax) ? new Window(uMin, uMax, vMin, vMax) : this;
    }
}
