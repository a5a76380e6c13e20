package org.glassbox.ui;

/**
 * Where an image sits on screen: pixel column c, row r is drawn from (ox + c·scale, oy + r·scale),
 * one square of {@code scale} screen pixels per image pixel. Zooming about a point keeps the image
 * point under it where it was, so the wheel zooms into what the pointer is on.
 */
public record Zoom(double scale, double ox, double oy) {

    public static final double MIN_SCALE = 0.5;
    public static final double MAX_SCALE = 200;

    public Zoom {
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE) || !Double.isFinite(ox) || !Double.isFinite(oy)) {
            throw new IllegalArgumentException("zoom " + scale + " at (" + ox + ", " + oy + ")");
        }
    }

    /** The largest whole scale at which a {@code width}×{@code height} image fits the view, centred. */
    public static Zoom fit(int width, int height, double viewWidth, double viewHeight) {
        double scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.floor(Math.min(viewWidth / width, viewHeight / height))));
        return new Zoom(scale, (viewWidth - width * scale) / 2, (viewHeight - height * scale) / 2);
    }

    /** The image coordinates (column, row, fractional) of the screen point (x, y). */
    public double[] toImage(double x, double y) {
        return new double[] {(x - ox) / scale, (y - oy) / scale};
    }

    /** The scale multiplied by {@code factor} (within its bounds), the image point under (x, y) staying under it. */
    public Zoom zoomAt(double x, double y, double factor) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double k = next / scale;
        return new Zoom(next, x - (x - ox) * k, y - (y - oy) * k);
    }

    public Zoom panBy(double dx, double dy) {
        return new Zoom(scale, ox + dx, oy + dy);
    }
}
