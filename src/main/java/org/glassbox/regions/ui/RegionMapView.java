package org.glassbox.regions.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.glassbox.regions.BoundarySegment;
import org.glassbox.regions.Coloring;
import org.glassbox.regions.MapMarker;
import org.glassbox.regions.RegionColors;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.Window;

/**
 * Draws an exact region map: each region's polygon filled by the chosen colouring, its edges
 * coloured by the layer whose neuron made them, the decision boundary on top and the data points
 * above that. The mouse wheel zooms about the pointer, dragging pans, a double-click dives toward
 * the nearest vertex; +, −, the arrow keys and 0 do the same from the keyboard; every change of
 * window asks for a new map.
 */
public final class RegionMapView extends Region {

    public static final double MIN_WIDTH = 1e-9;

    private final Canvas canvas = new Canvas();
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper("");
    private RegionMap map;
    private Window window;
    private Window home;
    private List<MapMarker> markers = List.of();
    private List<org.glassbox.regions.MapLine> lines = List.of();
    private Coloring coloring = Coloring.PATTERN;
    private Consumer<Window> onWindowChange = w -> { };
    private double dragX;
    private double dragY;
    private Window dragStart;
    private long lastDrawNanos;

    public RegionMapView(Window initial) {
        this.window = initial;
        this.home = initial;
        setId("regionMap");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 200);
        canvas.setOnScroll(e -> {
            double[] p = toPlane(e.getX(), e.getY());
            zoom(p[0], p[1], Math.exp(-e.getDeltaY() / 300));
        });
        canvas.setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
            dragStart = window;
        });
        canvas.setOnMouseDragged(e -> {
            double side = side();
            setWindow(dragStart.pan(-(e.getX() - dragX) / side * dragStart.width(), (e.getY() - dragY) / side * dragStart.height()));
        });
        canvas.setOnMouseMoved(this::describe);
        canvas.setOnMouseExited(e -> hover.set(""));
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                double[] p = toPlane(e.getX(), e.getY());
                zoomToNearestVertex(p[0], p[1]);
            }
        });
        setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                zoom(window.centerU(), window.centerV(), 0.5);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                zoom(window.centerU(), window.centerV(), 2);
            } else if (k == KeyCode.LEFT) {
                setWindow(window.pan(-window.width() / 10, 0));
            } else if (k == KeyCode.RIGHT) {
                setWindow(window.pan(window.width() / 10, 0));
            } else if (k == KeyCode.UP) {
                setWindow(window.pan(0, window.height() / 10));
            } else if (k == KeyCode.DOWN) {
                setWindow(window.pan(0, -window.height() / 10));
            } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                setWindow(home);
            } else {
                return;
            }
            e.consume();
        });
    }

    public void setOnWindowChange(Consumer<Window> onWindowChange) {
        this.onWindowChange = onWindowChange;
    }

    /** Text about the region under the pointer: its pattern and local linear function. */
    public ReadOnlyStringProperty hoverText() {
        return hover.getReadOnlyProperty();
    }

    public Window window() {
        return window;
    }

    /** Sets the window to show when the view is reset (key 0), and shows it. */
    public void setHome(Window home) {
        this.home = home;
        hover.set("");
        setWindow(home);
    }

    public void resetView() {
        setWindow(home);
    }

    private void zoom(double u, double v, double factor) {
        if (window.width() * factor < MIN_WIDTH) {
            factor = MIN_WIDTH / window.width();
        }
        setWindow(window.zoom(u, v, factor));
    }

    /**
     * Double-click: centre the view on the partition's vertex nearest to (u, v) and zoom in four
     * times, so that repeated double-clicks dive into a point where several regions meet.
     */
    public void zoomToNearestVertex(double u, double v) {
        if (map == null) {
            return;
        }
        double best = Double.MAX_VALUE;
        double bu = u;
        double bv = v;
        for (org.glassbox.regions.Region r : map.regions()) {
            for (int i = 0; i < r.vertexCount(); i++) {
                boolean onBorder = r.edgeLayer()[i] == org.glassbox.regions.Region.WINDOW_EDGE
                        && r.edgeLayer()[(i + r.vertexCount() - 1) % r.vertexCount()] == org.glassbox.regions.Region.WINDOW_EDGE;
                double d = Math.hypot(r.u()[i] - u, r.v()[i] - v);
                if (!onBorder && d < best) {
                    best = d;
                    bu = r.u()[i];
                    bv = r.v()[i];
                }
            }
        }
        double half = Math.max(MIN_WIDTH, window.width() / 4) / 2;
        setWindow(Window.centered(bu, bv, half, half * window.height() / window.width()));
    }

    private void setWindow(Window w) {
        window = w;
        onWindowChange.accept(w);
        draw();
    }

    public void setMap(RegionMap map) {
        this.map = map;
        draw();
    }

    public RegionMap map() {
        return map;
    }

    /** Lines drawn over the map, under the markers: query lines, recovered hyperplanes. */
    public void setLines(List<org.glassbox.regions.MapLine> lines) {
        this.lines = List.copyOf(lines);
        draw();
    }

    public void setMarkers(List<MapMarker> markers) {
        this.markers = List.copyOf(markers);
        draw();
    }

    public void setColoring(Coloring coloring) {
        this.coloring = coloring;
        draw();
    }

    /** Milliseconds the last redraw took. */
    public double lastDrawMillis() {
        return lastDrawNanos / 1e6;
    }

    @Override
    protected void layoutChildren() {
        double side = side();
        canvas.setWidth(side);
        canvas.setHeight(side);
        canvas.relocate((getWidth() - side) / 2, (getHeight() - side) / 2);
        draw();
    }

    private double side() {
        return Math.max(10, Math.min(getWidth(), getHeight()));
    }

    private double x(double u) {
        return (u - window.uMin()) / window.width() * canvas.getWidth();
    }

    private double y(double v) {
        return canvas.getHeight() - (v - window.vMin()) / window.height() * canvas.getHeight();
    }

    private double[] toPlane(double px, double py) {
        return new double[] {window.uMin() + px / canvas.getWidth() * window.width(),
                window.vMin() + (canvas.getHeight() - py) / canvas.getHeight() * window.height()};
    }

    public void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, w, h);
        if (map != null) {
            double maxSlope = RegionColors.maxSlope(map);
            // The map may lag the window while a new one computes; draw it where it belongs.
            for (org.glassbox.regions.Region r : map.regions()) {
                int n = r.vertexCount();
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = x(r.u()[i]);
                    ys[i] = y(r.v()[i]);
                }
                g.setFill(rgb(RegionColors.fill(r, coloring, maxSlope)));
                g.fillPolygon(xs, ys, n);
                g.setLineWidth(0.8);
                for (int i = 0; i < n; i++) {
                    int layer = r.edgeLayer()[i];
                    if (layer < 0) {
                        continue;
                    }
                    int j = (i + 1) % n;
                    g.setStroke(rgb(RegionColors.layer(layer)));
                    g.strokeLine(xs[i], ys[i], xs[j], ys[j]);
                }
            }
            for (BoundarySegment s : map.boundary()) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(4.5);
                g.strokeLine(x(s.u0()), y(s.v0()), x(s.u1()), y(s.v1()));
                g.setStroke(Color.BLACK);
                g.setLineWidth(2.2);
                g.strokeLine(x(s.u0()), y(s.v0()), x(s.u1()), y(s.v1()));
            }
        }
        for (org.glassbox.regions.MapLine line : lines) {
            double[] c = line.clip(window);
            if (c == null) {
                continue;
            }
            g.setStroke(line.color() >= 0 ? rgb(RegionColors.category(line.color())) : Color.web("#00000055"));
            g.setLineWidth(line.width());
            g.strokeLine(x(c[0]), y(c[1]), x(c[2]), y(c[3]));
        }
        for (MapMarker m : markers) {
            double px = x(m.u());
            double py = y(m.v());
            if (px < -10 || py < -10 || px > w + 10 || py > h + 10) {
                continue;
            }
            boolean big = m.caption() != null;
            double radius = big ? 7 : 3.5;
            g.setFill(m.label() >= 0 ? rgb(RegionColors.category(m.label())) : Color.BLACK);
            g.fillOval(px - radius, py - radius, 2 * radius, 2 * radius);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.2);
            g.strokeOval(px - radius, py - radius, 2 * radius, 2 * radius);
            if (big) {
                g.setFill(Color.BLACK);
                boolean nearRight = px > w - 120;
                g.setTextAlign(nearRight ? javafx.scene.text.TextAlignment.RIGHT : javafx.scene.text.TextAlignment.LEFT);
                g.fillText(m.caption(), nearRight ? px - 10 : px + 10, py - 8);
                g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            }
        }
        g.setStroke(Color.web("#888888"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        lastDrawNanos = System.nanoTime() - t0;
    }

    private static Color rgb(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private void describe(MouseEvent e) {
        if (map == null) {
            return;
        }
        double[] p = toPlane(e.getX(), e.getY());
        org.glassbox.regions.Region r = map.regionAt(p[0], p[1]);
        if (r == null) {
            hover.set("");
            return;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "(u, v) = (%.6g, %.6g) · pattern %s", p[0], p[1],
                abbreviate(r.patternText())));
        double[][] s = r.outputSlope();
        double[] c = r.outputOffset();
        for (int k = 0; k < Math.min(3, c.length); k++) {
            sb.append(String.format(Locale.ROOT, "%n  f%d = %+.4g·u %+.4g·v %+.4g", k, s[k][0], s[k][1], c[k]));
        }
        if (c.length > 3) {
            sb.append(String.format(Locale.ROOT, "%n  … and %d more outputs", c.length - 3));
        }
        hover.set(sb.toString());
    }

    private static String abbreviate(String pattern) {
        return pattern.length() <= 80 ? pattern : pattern.substring(0, 77) + "…";
    }
}
