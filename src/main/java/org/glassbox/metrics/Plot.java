package org.glassbox.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A line chart with real axes (ticks, axis titles with units, a legend), drawn by JFreeChart. The
 * same object is drawn on screen ({@code ui.PlotView}) and into a PNG, so that what a report shows
 * is what the page showed. Curves are replaced whole by name, which redraws once.
 */
public final class Plot {

    /** The colours and the text size a plot is drawn in: the page's theme on screen, light in a file. */
    public record Style(Color background, Color foreground, Color grid, float fontSize) {
        public static final Style LIGHT = new Style(Color.WHITE, new Color(0x24292f), new Color(0xd8dee4), 12f);
        public static final Style DARK = new Style(new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x30363d), 12f);

        public Style withFontSize(float size) {
            return new Style(background, foreground, grid, size);
        }
    }

    /** Colours of curves, in order, readable on white and on a dark background. */
    private static final Color[] PALETTE = {new Color(0x1f77d0), new Color(0xd9480f), new Color(0x2f9e44), new Color(0x9c36b5),
            new Color(0xc99a06), new Color(0x0c8599), new Color(0x868e96)};

    private final JFreeChart chart;
    private final XYPlot plot;
    private final DefaultXYDataset data = new DefaultXYDataset();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final List<String> names = new ArrayList<>();
    private Style style = Style.LIGHT;

    public Plot(String title, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(data, x, y, renderer);
        plot.setDomainPannable(false);
        chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setVisible(false); // a legend for one curve says nothing the title does not
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        style(style);
    }

    /** Log-scaled x axis (base 10), from {@code lower} (a rate of one in N, say) to {@code upper}. */
    public Plot logX(double lower, double upper) {
        plot.setDomainAxis(logAxis(plot.getDomainAxis().getLabel(), lower, upper));
        style(style);
        return this;
    }

    /** Log-scaled y axis (base 10) fitted to the curves (a loss falling over decades, say). */
    public Plot logY() {
        LogAxis axis = new LogAxis(plot.getRangeAxis().getLabel());
        axis.setBase(10);
        axis.setSmallestValue(1e-300);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        plot.setRangeAxis(axis);
        style(style);
        return this;
    }

    /** Log-scaled y axis (base 10), from {@code lower} to {@code upper}. */
    public Plot logY(double lower, double upper) {
        plot.setRangeAxis(logAxis(plot.getRangeAxis().getLabel(), lower, upper));
        style(style);
        return this;
    }

    private static LogAxis logAxis(String label, double lower, double upper) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        double low = lower < upper ? lower : upper / 10;
        axis.setSmallestValue(low);
        axis.setRange(low, upper);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // a tick per decade: 0.001, 0.01, 0.1, 1
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
        return axis;
    }

    /** A fixed range of y values (a rate from 0 to 1, say), instead of one fitted to the curves. */
    public Plot yRange(double lower, double upper) {
        plot.getRangeAxis().setRange(lower, upper);
        return this;
    }

    /** The curve with this name is replaced by (x, y), or added in the next colour of the palette. */
    public void series(String name, double[] x, double[] y) {
        series(name, x, y, false);
    }

    /** As {@link #series(String, double[], double[])}, dashed when {@code dashed} (chance, a reference curve). */
    public void series(String name, double[] x, double[] y, boolean dashed) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
        }
        int index = names.indexOf(name);
        if (index < 0) {
            index = names.size();
            names.add(name);
            renderer.setSeriesPaint(index, PALETTE[index % PALETTE.length]);
            renderer.setSeriesStroke(index, dashed
                    ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        data.addSeries(name, new double[][] {x.clone(), y.clone()});
        chart.getLegend().setVisible(names.size() > 1);
    }

    /**
     * A histogram of {@code values} over [lo, hi] in {@code bins} equal bins, drawn as a staircase
     * (values outside fall into the end bins), so that two distributions overlay without hiding each other.
     */
    public void histogram(String name, double[] values, double lo, double hi, int bins) {
        double[] counts = new double[bins];
        for (double v : values) {
            counts[hi > lo ? (int) Math.max(0, Math.min(bins - 1, (v - lo) / (hi - lo) * bins)) : 0]++;
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            x[2 * b] = lo + (hi - lo) * b / bins;
            x[2 * b + 1] = lo + (hi - lo) * (b + 1) / bins;
            y[2 * b] = counts[b];
            y[2 * b + 1] = counts[b];
        }
        series(name, x, y);
    }

    /** The series against its index 1, 2, 3… (steps, say). */
    public void series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        series(name, x, y);
    }

    /** Removes every curve. */
    public void clear() {
        for (String name : names) {
            data.removeSeries(name);
        }
        names.clear();
        chart.getLegend().setVisible(false);
    }

    /** How many points the named curve has (0 when there is none). */
    public int points(String name) {
        int index = data.indexOf(name);
        return index < 0 ? 0 : data.getItemCount(index);
    }

    /** A dashed horizontal line at {@code y} with a label, e.g. a detection threshold. */
    public void reference(double y, String label) {
        plot.clearRangeMarkers();
        if (Double.isFinite(y)) {
            ValueMarker marker = new ValueMarker(y);
            marker.setLabel(label);
            marker.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            plot.addRangeMarker(marker);
            style(style);
        }
    }

    /** A dashed vertical line at x (a threshold), labelled; NaN removes it. */
    public void xMarker(double x, String label) {
        plot.clearDomainMarkers();
        if (Double.isFinite(x)) {
            ValueMarker marker = new ValueMarker(x);
            marker.setLabel(label);
            marker.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            plot.addDomainMarker(marker);
            style(style);
        }
    }

    public void title(String title) {
        chart.setTitle(title);
        style(style);
    }

    /** Draws the plot in these colours and text size from now on. */
    public void style(Style s) {
        this.style = s;
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        chart.setBackgroundPaint(s.background());
        plot.setBackgroundPaint(s.background());
        plot.setOutlinePaint(s.grid());
        plot.setDomainGridlinePaint(s.grid());
        plot.setRangeGridlinePaint(s.grid());
        Font text = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(s.fontSize()));
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(s.fontSize() * 0.9f));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(s.foreground());
            axis.setTickLabelPaint(s.foreground());
            axis.setAxisLinePaint(s.grid());
            axis.setTickMarkPaint(s.grid());
            axis.setLabelFont(text);
            axis.setTickLabelFont(small);
        }
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(s.foreground());
            title.setFont(text.deriveFont(Font.BOLD));
        }
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(s.background());
        legend.setItemPaint(s.foreground());
        legend.setItemFont(small);
        legend.setFrame(new org.jfree.chart.block.BlockBorder(s.background()));
        styleMarkers(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND), s.foreground(), small,
                org.jfree.chart.ui.RectangleAnchor.TOP_LEFT, org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        styleMarkers(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND), s.foreground(), small,
                org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT, org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        chart.setNotify(notify);
    }

    private static void styleMarkers(java.util.Collection<?> markers, Color foreground, Font font, org.jfree.chart.ui.RectangleAnchor anchor,
                                     org.jfree.chart.ui.TextAnchor textAnchor) {
        for (Object m : markers == null ? List.of() : markers) {
            ValueMarker marker = (ValueMarker) m;
            marker.setPaint(foreground);
            marker.setLabelPaint(foreground);
            marker.setLabelFont(font);
            marker.setLabelAnchor(anchor);
            marker.setLabelTextAnchor(textAnchor);
        }
    }

    public Style style() {
        return style;
    }

    /** The plot as a picture in the light style (for a file or a report), whatever the screen's theme. */
    public BufferedImage image(int width, int height) {
        Style shown = style;
        style(Style.LIGHT);
        try {
            return chart.createBufferedImage(width, height);
        } finally {
            style(shown);
        }
    }

    public void writePng(java.nio.file.Path file, int width, int height) throws java.io.IOException {
        javax.imageio.ImageIO.write(image(width, height), "png", file.toFile());
    }

    /** The chart itself, for the view that draws it. */
    public JFreeChart chart() {
        return chart;
    }
}
