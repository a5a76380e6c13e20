package org.glassbox.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.glassbox.metrics.ImageMetrics;

/**
 * A close look at what an attack gave back: the original and the reconstruction side by side (or
 * one over the other with a wipe dragged across), zoomed to single pixels with the wheel and
 * panned with a drag, all panels together; a difference map beside them, |original − reconstruction|
 * or the local SSIM of each window, with its colour scale; the values under the pointer; and a
 * filmstrip of the reconstruction at chosen iterations of the run, any of which can be inspected.
 * It knows nothing of attacks: any workspace that has an original and a reconstruction of the same
 * size (a trigger and its reversal, a member and its neighbour) can show them here.
 */
public final class ImageInspector extends VBox {

    /** An image pair to inspect: pixels row by row in [0, 1]. */
    public record Pair(String caption, int height, int width, double[] original, double[] reconstruction) {
        public Pair {
            if (original.length != height * width || reconstruction.length != height * width) {
                throw new IllegalArgumentException("images of " + original.length + " and " + reconstruction.length
                        + " pixels for " + height + "×" + width);
            }
        }
    }

    public enum Layout {
        SIDE_BY_SIDE("Side by side"), WIPE("Wipe (drag across)");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum Difference {
        ABSOLUTE("|original − reconstruction|"), LOCAL_SSIM("local SSIM (11×11 windows)");

        private final String label;

        Difference(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final double PANEL = 300;

    private final Canvas originalCanvas = new Canvas(PANEL, PANEL);
    private final Canvas reconstructionCanvas = new Canvas(PANEL, PANEL);
    private final Canvas differenceCanvas = new Canvas(PANEL, PANEL);
    private final Label originalTitle = caption("Original");
    private final Label reconstructionTitle = caption("Reconstruction");
    private final Label differenceTitle = caption("Difference");
    private final ComboBox<Layout> layout = new ComboBox<>();
    private final ComboBox<Difference> difference = new ComboBox<>();
    private final Label readout = new Label("Point at a pixel to read its values.");
    private final Label figures = new Label();
    private final Canvas legend = new Canvas(220, 14);
    private final Label legendLow = new Label();
    private final Label legendHigh = new Label();
    private final FlowPane filmstrip = new FlowPane(8, 8);
    private final VBox originalBox;
    private Pair pair;
    private double[] differenceMap;
    private Zoom zoom;
    private double wipe = 0.5;
    private double dragX;
    private double dragY;

    public ImageInspector() {
        setId("imageInspector");
        setSpacing(10);
        setPadding(new Insets(12));
        layout.getItems().setAll(Layout.values());
        layout.setValue(Layout.SIDE_BY_SIDE);
        layout.setId("inspectorLayout");
        difference.getItems().setAll(Difference.values());
        difference.setValue(Difference.ABSOLUTE);
        difference.setId("inspectorDifference");
        layout.valueProperty().addListener((o, a, b) -> redraw());
        difference.valueProperty().addListener((o, a, b) -> {
            computeDifference();
            redraw();
        });
        readout.setId("inspectorReadout");
        originalCanvas.setId("inspectorOriginal");
        reconstructionCanvas.setId("inspectorReconstruction");
        differenceCanvas.setId("inspectorDifferenceMap");
        readout.setStyle("-fx-font-family: monospace;");
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        figures.setId("inspectorFigures");
        Label hint = new Label("Wheel or +/− to zoom on the pointer, drag or arrows to pan, 0 to fit; in the wipe, drag to move the divider.");
        hint.getStyleClass().add("text-caption");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox choices = new HBox(8, new Label("Show"), layout, new Label("Difference"), difference);
        choices.setAlignment(Pos.CENTER_LEFT);
        originalBox = new VBox(4, originalTitle, originalCanvas);
        HBox panels = new HBox(12, originalBox, new VBox(4, reconstructionTitle, reconstructionCanvas),
                new VBox(4, differenceTitle, differenceCanvas, new HBox(6, legendLow, legend, legendHigh)));
        for (Canvas c : List.of(originalCanvas, reconstructionCanvas, differenceCanvas)) {
            c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            c.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            c.addEventHandler(MouseEvent.MOUSE_MOVED, e -> describe(e.getX(), e.getY()));
            c.setOnScroll(e -> {
                if (zoom != null) {
                    zoom = zoom.zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.25 : 0.8);
                    redraw();
                    describe(e.getX(), e.getY());
                }
            });
        }
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            if (zoom == null) {
                return;
            }
            double c = PANEL / 2;
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> zoom = zoom.zoomAt(c, c, 1.25);
                case MINUS, SUBTRACT -> zoom = zoom.zoomAt(c, c, 0.8);
                case LEFT -> zoom = zoom.panBy(20, 0);
                case RIGHT -> zoom = zoom.panBy(-20, 0);
                case UP -> zoom = zoom.panBy(0, 20);
                case DOWN -> zoom = zoom.panBy(0, -20);
                case DIGIT0, NUMPAD0 -> zoom = Zoom.fit(pair.width(), pair.height(), PANEL, PANEL);
                default -> {
                    return;
                }
            }
            e.consume();
            redraw();
        });
        Button png = new Button("View PNG…");
        png.setTooltip(new Tooltip("The panels as shown, at this zoom"));
        png.setOnAction(e -> exportPng());
        Button csv = new Button("Difference CSV…");
        csv.setOnAction(e -> exportCsv());
        HBox exports = new HBox(8, new Label("Export"), png, csv);
        exports.setAlignment(Pos.CENTER_LEFT);
        Label stripTitle = caption("Filmstrip: the reconstruction during the run (click one to inspect it)");
        filmstrip.setId("inspectorFilmstrip");
        ScrollPane strip = new ScrollPane(filmstrip);
        strip.setFitToWidth(true);
        strip.setStyle("-fx-pref-height: 9em; -fx-min-height: 7em;"); // a tile and its two lines, at any text size
        VBox.setVgrow(strip, Priority.SOMETIMES);
        getChildren().addAll(choices, hint, panels, figures, readout, exports, stripTitle, strip);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        l.setWrapText(true);
        return l;
    }

    /** Shows a pair (keeping the zoom if the size is the same). */
    public void show(Pair next) {
        boolean sameSize = pair != null && pair.width() == next.width() && pair.height() == next.height();
        pair = next;
        if (!sameSize || zoom == null) {
            zoom = Zoom.fit(next.width(), next.height(), PANEL, PANEL);
        }
        reconstructionTitle.setText(next.caption());
        computeDifference();
        figures.setText(String.format(Locale.ROOT, "PSNR %.2f dB · SSIM %.4f · largest |difference| %.4f",
                ImageMetrics.psnr(next.original(), next.reconstruction()),
                ImageMetrics.ssim(next.original(), next.reconstruction(), next.height(), next.width()), max(differenceMap)));
        redraw();
    }

    /** The filmstrip: reconstructions of the same original at chosen iterations, each with its caption; a click inspects it. */
    public void setFilmstrip(List<Pair> frames) {
        filmstrip.getChildren().clear();
        for (Pair frame : frames) {
            ImageView tile = new ImageView(ImageTiles.grayscale(frame.height(), frame.width(), 3,
                    (r, c) -> frame.reconstruction()[r * frame.width() + c]));
            Label text = new Label(String.format(Locale.ROOT, "%s%n%.1f dB", frame.caption(),
                    ImageMetrics.psnr(frame.original(), frame.reconstruction())));
            text.getStyleClass().add("text-small");
            VBox cell = new VBox(2, tile, text);
            cell.getStyleClass().add("filmstrip-frame");
            cell.setOnMouseClicked(e -> show(frame));
            filmstrip.getChildren().add(cell);
        }
    }

    private void computeDifference() {
        if (pair == null) {
            return;
        }
        if (difference.getValue() == Difference.ABSOLUTE) {
            differenceMap = ImageMetrics.absoluteDifference(pair.original(), pair.reconstruction());
            differenceTitle.setText("|original − reconstruction|");
            legendLow.setText("0");
            legendHigh.setText("1");
        } else {
            // each window's SSIM at its centre pixel, drawn as 1 − SSIM (0: the same, 2: opposite); the border it cannot reach is blank
            double[] local = ImageMetrics.ssimMap(pair.original(), pair.reconstruction(), pair.height(), pair.width());
            int k = ImageMetrics.ssimWindow();
            int cols = pair.width() - k + 1;
            differenceMap = new double[pair.height() * pair.width()];
            java.util.Arrays.fill(differenceMap, Double.NaN);
            for (int i = 0; i < local.length; i++) {
                differenceMap[(i / cols + k / 2) * pair.width() + i % cols + k / 2] = 1 - local[i];
            }
            differenceTitle.setText("1 − local SSIM");
            legendLow.setText("0 (same)");
            legendHigh.setText("2");
        }
    }

    private double scaleMax() {
        return difference.getValue() == Difference.ABSOLUTE ? 1 : 2;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Black through purple and orange to yellow, for t from 0 to 1 (a ramp that stays readable printed in grey). */
    static Color heat(double t) {
        double x = Math.max(0, Math.min(1, t));
        Color[] stops = {Color.rgb(0, 0, 4), Color.rgb(120, 28, 109), Color.rgb(237, 105, 37), Color.rgb(252, 255, 164)};
        double p = x * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(p));
        return stops[i].interpolate(stops[i + 1], p - i);
    }

    private void redraw() {
        if (pair == null) {
            return;
        }
        boolean wiping = layout.getValue() == Layout.WIPE;
        originalBox.setVisible(!wiping);
        originalBox.setManaged(!wiping);
        if (wiping) {
            reconstructionTitle.setText("Original (left of the divider) · " + pair.caption() + " (right)");
            drawImage(reconstructionCanvas, pair.original(), pair.reconstruction(), wipe * PANEL);
        } else {
            reconstructionTitle.setText(pair.caption());
            drawImage(originalCanvas, pair.original(), null, 0);
            drawImage(reconstructionCanvas, pair.reconstruction(), null, 0);
        }
        drawMap(differenceCanvas, differenceMap);
        GraphicsContext g = legend.getGraphicsContext2D();
        for (int x = 0; x < legend.getWidth(); x++) {
            g.setFill(heat(x / (legend.getWidth() - 1)));
            g.fillRect(x, 0, 1, legend.getHeight());
        }
    }

    /** One image, or two split at {@code split} pixels (left: {@code image}, right: {@code right}), each pixel a square. */
    private void drawImage(Canvas canvas, double[] image, double[] right, double split) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.5));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int w = pair.width();
        for (int r = 0; r < pair.height(); r++) {
            for (int c = 0; c < w; c++) {
                double x = zoom.ox() + c * zoom.scale();
                double y = zoom.oy() + r * zoom.scale();
                if (x > canvas.getWidth() || y > canvas.getHeight() || x + zoom.scale() < 0 || y + zoom.scale() < 0) {
                    continue;
                }
                double v = right != null && x + zoom.scale() / 2 >= split ? right[r * w + c] : image[r * w + c];
                g.setFill(Color.gray(Math.max(0, Math.min(1, v))));
                g.fillRect(x, y, zoom.scale(), zoom.scale());
            }
        }
        drawGrid(g, canvas);
        if (right != null) {
            g.setStroke(Color.rgb(255, 196, 0));
            g.setLineWidth(2);
            g.strokeLine(split, 0, split, canvas.getHeight());
        }
    }

    private void drawMap(Canvas canvas, double[] map) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.5));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int w = pair.width();
        for (int r = 0; r < pair.height(); r++) {
            for (int c = 0; c < w; c++) {
                double v = map[r * w + c];
                g.setFill(Double.isNaN(v) ? Color.gray(0.35) : heat(v / scaleMax()));
                g.fillRect(zoom.ox() + c * zoom.scale(), zoom.oy() + r * zoom.scale(), zoom.scale(), zoom.scale());
            }
        }
        drawGrid(g, canvas);
    }

    /** Pixel borders, once a pixel is large enough for them to help. */
    private void drawGrid(GraphicsContext g, Canvas canvas) {
        if (zoom.scale() < 12) {
            return;
        }
        g.setStroke(Color.rgb(128, 128, 128, 0.6));
        g.setLineWidth(1);
        for (int c = 0; c <= pair.width(); c++) {
            double x = Math.round(zoom.ox() + c * zoom.scale()) + 0.5;
            g.strokeLine(x, Math.max(0, zoom.oy()), x, Math.min(canvas.getHeight(), zoom.oy() + pair.height() * zoom.scale()));
        }
        for (int r = 0; r <= pair.height(); r++) {
            double y = Math.round(zoom.oy() + r * zoom.scale()) + 0.5;
            g.strokeLine(Math.max(0, zoom.ox()), y, Math.min(canvas.getWidth(), zoom.ox() + pair.width() * zoom.scale()), y);
        }
    }

    private void pressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        requestFocus();
        if (layout.getValue() == Layout.WIPE && e.getButton() == MouseButton.PRIMARY && e.getSource() == reconstructionCanvas) {
            setWipe(e.getX() / PANEL);
        }
    }

    private void dragged(MouseEvent e) {
        if (zoom == null) {
            return;
        }
        if (layout.getValue() == Layout.WIPE && e.getButton() == MouseButton.PRIMARY && e.getSource() == reconstructionCanvas) {
            setWipe(e.getX() / PANEL);
            return;
        }
        zoom = zoom.panBy(e.getX() - dragX, e.getY() - dragY);
        dragX = e.getX();
        dragY = e.getY();
        redraw();
    }

    /** Puts the wipe's divider at this fraction of the panel's width (0: all reconstruction, 1: all original). */
    public void setWipe(double fraction) {
        wipe = Math.max(0, Math.min(1, fraction));
        redraw();
    }

    public double wipe() {
        return wipe;
    }

    public void setLayout(Layout value) {
        layout.setValue(value);
    }

    public void setDifference(Difference value) {
        difference.setValue(value);
    }

    /** The readout for the screen point (x, y) of a panel: the pixel, its original, reconstructed and difference values. */
    private void describe(double x, double y) {
        if (pair == null) {
            return;
        }
        double[] p = zoom.toImage(x, y);
        int c = (int) Math.floor(p[0]);
        int r = (int) Math.floor(p[1]);
        if (c < 0 || r < 0 || c >= pair.width() || r >= pair.height()) {
            readout.setText("Outside the image.");
            return;
        }
        readout.setText(readoutAt(r, c));
    }

    /** What the readout says at pixel (row, column). */
    public String readoutAt(int row, int column) {
        int i = row * pair.width() + column;
        double d = differenceMap[i];
        return String.format(Locale.ROOT, "pixel (row %d, column %d) · original %.4f · reconstruction %.4f · %s %s", row, column,
                pair.original()[i], pair.reconstruction()[i], difference.getValue() == Difference.ABSOLUTE ? "|difference|" : "1 − SSIM",
                Double.isNaN(d) ? "– (no whole window)" : String.format(Locale.ROOT, "%.4f", d));
    }

    /** The zoom the panels share (for tests). */
    public Zoom zoom() {
        return zoom;
    }

    /** The difference map shown now, row by row (NaN where the SSIM window does not fit). */
    public double[] differenceMap() {
        return differenceMap.clone();
    }

    private void exportPng() {
        java.io.File file = Forms.saveFile(this, "Save the inspected view as PNG", "inspected.png", "*.png");
        if (file == null) {
            return;
        }
        Pane panels = (Pane) originalBox.getParent();
        javafx.scene.image.WritableImage shot = panels.snapshot(null, null);
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png", file);
            readout.setText("Saved " + file + ".");
        } catch (java.io.IOException e) {
            readout.setText("Could not write " + file + ": " + e.getMessage());
        }
    }

    private void exportCsv() {
        java.io.File file = Forms.saveFile(this, "Save the difference map as CSV", "difference.csv", "*.csv");
        if (file == null) {
            return;
        }
        try {
            writeDifferenceCsv(file.toPath());
            readout.setText("Saved " + file + ".");
        } catch (java.io.IOException e) {
            readout.setText("Could not write " + file + ": " + e.getMessage());
        }
    }

    /** The difference map as CSV: one line per image row, empty where there is no value. */
    public void writeDifferenceCsv(java.nio.file.Path file) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        int w = pair.width();
        for (int r = 0; r < pair.height(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < w; c++) {
                double v = differenceMap[r * w + c];
                line.append(c == 0 ? "" : ",").append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            lines.add(line.toString());
        }
        java.nio.file.Files.write(file, lines);
    }
}
