package org.glassbox.ui;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.glassbox.metrics.Plot;
import org.jfree.chart.fx.ChartCanvas;

/**
 * A {@link Plot} on screen. Its colours come from the theme through CSS (the theme's background,
 * text and border colours), and its text size from the font the page inherits, so that the dark
 * theme and presenter mode reach the chart as they reach every label. Dragging does not zoom:
 * a live chart keeps fitting its curves.
 */
public final class PlotView extends Region {

    private static final String STYLESHEET = PlotView.class.getResource("plot-view.css").toExternalForm();

    private Plot plot;
    private final ChartCanvas canvas;

    private final StyleableObjectProperty<Color> background = colour("background", Color.WHITE);
    private final StyleableObjectProperty<Color> foreground = colour("foreground", Color.web("#24292f"));
    private final StyleableObjectProperty<Color> grid = colour("grid", Color.web("#d8dee4"));
    private final StyleableObjectProperty<Font> font = new SimpleStyleableObjectProperty<>(Css.FONT, this, "font", Font.getDefault());

    public PlotView(Plot plot) {
        this.plot = plot;
        this.canvas = new ChartCanvas(plot.chart());
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        for (String id : new String[] {"pan", "scroll", "zoom"}) {
            if (canvas.getMouseHandler(id) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(id));
            }
        }
        getStyleClass().add("plot-view");
        getChildren().add(canvas);
        setMinSize(120, 90);
        for (javafx.beans.value.ObservableValue<?> p : List.of(background, foreground, grid, font)) {
            p.addListener((o, a, b) -> restyle());
        }
        restyle();
    }

    public Plot plot() {
        return plot;
    }

    /** Shows another plot (one whose axes differ, say), in this view's colours. */
    public void setPlot(Plot next) {
        plot = next;
        canvas.setChart(next.chart());
        restyle();
    }

    private void restyle() {
        requestLayout();
        plot.style(new Plot.Style(awt(background.get()), awt(foreground.get()), awt(grid.get()), (float) font.get().getSize()));
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** Tall enough for a title, a legend and an axis at the text size in use: presenter mode makes it taller. */
    @Override
    protected double computePrefHeight(double width) {
        return Math.round(font.get().getSize() * 15);
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.round(font.get().getSize() * 28);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    private StyleableObjectProperty<Color> colour(String name, Color initial) {
        return new SimpleStyleableObjectProperty<>(Css.colour(name), this, name, initial);
    }

    /** The CSS properties: -gb-plot-background, -gb-plot-foreground, -gb-plot-grid, and the inherited -fx-font. */
    private static final class Css {
        static final CssMetaData<PlotView, Font> FONT = new CssMetaData<>("-fx-font", StyleConverter.getFontConverter(),
                Font.getDefault(), true) {
            @Override
            public boolean isSettable(PlotView v) {
                return !v.font.isBound();
            }

            @Override
            public StyleableProperty<Font> getStyleableProperty(PlotView v) {
                return v.font;
            }
        };
        static final CssMetaData<PlotView, Color> BACKGROUND = colourMeta("background", Color.WHITE);
        static final CssMetaData<PlotView, Color> FOREGROUND = colourMeta("foreground", Color.web("#24292f"));
        static final CssMetaData<PlotView, Color> GRID = colourMeta("grid", Color.web("#d8dee4"));
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            java.util.List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(Region.getClassCssMetaData());
            all.addAll(List.of(FONT, BACKGROUND, FOREGROUND, GRID));
            ALL = List.copyOf(all);
        }

        static CssMetaData<PlotView, Color> colour(String name) {
            return switch (name) {
                case "background" -> BACKGROUND;
                case "foreground" -> FOREGROUND;
                default -> GRID;
            };
        }

        private static CssMetaData<PlotView, Color> colourMeta(String name, Color initial) {
            return new CssMetaData<>("-gb-plot-" + name, StyleConverter.getColorConverter(), initial) {
                @Override
                public boolean isSettable(PlotView v) {
                    return true;
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Color> getStyleableProperty(PlotView v) {
                    return switch (name) {
                        case "background" -> v.background;
                        case "foreground" -> v.foreground;
                        default -> v.grid;
                    };
                }
            };
        }
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return Css.ALL;
    }
}
