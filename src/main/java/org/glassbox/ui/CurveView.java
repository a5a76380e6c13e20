package org.glassbox.ui;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small line chart of one series against its index (or against given x values), with its range
 * written in the corner. Cheap to redraw every frame.
 */
public final class CurveView extends Region {

    private final Canvas canvas = new Canvas();
    private final String title;
    private final Color color;
    private double[] values = new double[0];
    private double[] xs;
    private double reference = Double.NaN;

    public CurveView(String title, Color color) {
        this.title = title;
        this.color = color;
        getChildren().add(canvas);
        setMinHeight(70);
        setPrefHeight(90);
    }

    public void setValues(double[] values) {
        this.values = values.clone();
        this.xs = null;
        draw();
    }

    /** The series drawn at the given x positions (same length), scaled to the width between the smallest and largest x. */
    public void setPoints(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
        }
        this.values = y.clone();
        this.xs = x.clone();
        draw();
    }

    /** A dashed horizontal line at this value, e.g. a detection threshold (NaN: none). */
    public void setReference(double value) {
        this.reference = value;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#f8f8f8"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#bbbbbb"));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        g.setFill(Color.web("#333333"));
        String range = values.length == 0 ? "" : String.format(Locale.ROOT, "  %.4g … %.4g, last %.4g", min, max, values[values.length - 1]);
        g.fillText(title + range, 6, 14);
        if (values.length < 2) {
            return;
        }
        if (Double.isFinite(reference)) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        double span = max > min ? max - min : 1;
        double top = 20;
        if (Double.isFinite(reference)) {
            double py = h - 4 - (h - top - 8) * (reference - min) / span;
            g.setStroke(Color.web("#888888"));
            g.setLineWidth(1);
            g.setLineDashes(4, 4);
            g.strokeLine(4, py, w - 4, py);
            g.setLineDashes();
        }
        g.setStroke(color);
        g.setLineWidth(1.6);
        g.beginPath();
        double xMin = xs == null ? 0 : java.util.Arrays.stream(xs).min().orElse(0);
        double xMax = xs == null ? values.length - 1 : java.util.Arrays.stream(xs).max().orElse(1);
        double xSpan = xMax > xMin ? xMax - xMin : 1;
        for (int i = 0; i < values.length; i++) {
            double px = 4 + (w - 8) * ((xs == null ? i : xs[i]) - xMin) / xSpan;
            double py = h - 4 - (h - top - 8) * (values[i] - min) / span;
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }
}
