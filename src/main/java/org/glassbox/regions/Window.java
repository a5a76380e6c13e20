package org.glassbox.regions;

/** A rectangle of the plane, [uMin, uMax] × [vMin, vMax]. */
public record Window(double uMin, double uMax, double vMin, double vMax) {

    public Window {
        if (!(uMax > uMin) || !(vMax > vMin) || !Double.isFinite(uMin + uMax + vMin + vMax)) {
            throw new IllegalArgumentException("a window needs uMin < uMax and vMin < vMax, finite; was ["
                    + uMin + ", " + uMax + "] × [" + vMin + ", " + vMax + "]");
        }
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
    public Window zoom(double u, double v, double factor) {
        return new Window(u + (uMin - u) * factor, u + (uMax - u) * factor, v + (vMin - v) * factor, v + (vMax - v) * factor);
    }

    public Window pan(double du, double dv) {
        return new Window(uMin + du, uMax + du, vMin + dv, vMax + dv);
    }
}
