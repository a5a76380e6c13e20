package org.glassbox.regions;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A region map as a PNG without a display (java.awt, headless), with the same colours as the
 * on-screen view: regions filled, edges by layer, the decision boundary, then the markers.
 */
public final class RegionMapImage {

    private RegionMapImage() {
    }

    public static BufferedImage render(RegionMap map, List<MapMarker> markers, Coloring coloring, int size) {
        return render(map, List.of(), markers, coloring, size);
    }

    /** The map with lines drawn over it (under the markers), as the on-screen view draws them. */
    public static BufferedImage render(RegionMap map, List<MapLine> lines, List<MapMarker> markers, Coloring coloring, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xf4f4f4));
        g.fillRect(0, 0, size, size);
        Window w = map.window();
        double maxSlope = RegionColors.maxSlope(map);
        g.setStroke(new BasicStroke(0.8f));
        for (Region r : map.regions()) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < r.vertexCount(); i++) {
                double x = x(w, r.u()[i], size);
                double y = y(w, r.v()[i], size);
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            path.closePath();
            g.setColor(new Color(RegionColors.fill(r, coloring, maxSlope)));
            g.fill(path);
            for (int i = 0; i < r.vertexCount(); i++) {
                if (r.edgeLayer()[i] >= 0) {
                    int j = (i + 1) % r.vertexCount();
                    g.setColor(new Color(RegionColors.layer(r.edgeLayer()[i])));
                    g.draw(new java.awt.geom.Line2D.Double(x(w, r.u()[i], size), y(w, r.v()[i], size),
                            x(w, r.u()[j], size), y(w, r.v()[j], size)));
                }
            }
        }
        for (BoundarySegment s : map.boundary()) {
            java.awt.geom.Line2D.Double line = new java.awt.geom.Line2D.Double(x(w, s.u0(), size), y(w, s.v0(), size),
                    x(w, s.u1(), size), y(w, s.v1(), size));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4.5f));
            g.draw(line);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2.2f));
            g.draw(line);
        }
        for (MapLine line : lines) {
            double[] c = line.clip(w);
            if (c == null) {
                continue;
            }
            g.setColor(line.color() >= 0 ? new Color(RegionColors.category(line.color())) : new Color(0, 0, 0, 0x55));
            g.setStroke(new BasicStroke((float) line.width()));
            g.draw(new java.awt.geom.Line2D.Double(x(w, c[0], size), y(w, c[1], size), x(w, c[2], size), y(w, c[3], size)));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setStroke(new BasicStroke(1.2f));
        for (MapMarker m : markers) {
            double px = x(w, m.u(), size);
            double py = y(w, m.v(), size);
            double radius = m.caption() != null ? 7 : 3.5;
            java.awt.geom.Ellipse2D.Double dot = new java.awt.geom.Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius);
            g.setColor(m.label() >= 0 ? new Color(RegionColors.category(m.label())) : Color.BLACK);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
            if (m.caption() != null) {
                g.setColor(Color.BLACK);
                int textWidth = g.getFontMetrics().stringWidth(m.caption());
                g.drawString(m.caption(), (float) (px > size - 120 ? px - 10 - textWidth : px + 10), (float) (py - 8));
            }
        }
        g.setColor(new Color(0x888888));
        g.drawRect(0, 0, size - 1, size - 1);
        g.dispose();
        return image;
    }

    private static double x(Window w, double u, int size) {
        return (u - w.uMin()) / w.width() * size;
    }

    private static double y(Window w, double v, int size) {
        return size - (v - w.vMin()) / w.height() * size;
    }

    public static void write(RegionMap map, List<MapMarker> markers, Coloring coloring, int size, Path file) throws IOException {
        ImageIO.write(render(map, markers, coloring, size), "png", file.toFile());
    }
}
