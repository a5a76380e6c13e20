package org.glassbox.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of small grayscale images, each with a caption of a line or two and an optional red frame
 * (a flagged image), drawn for a PNG or a report: the same pictures a page shows, headless.
 */
public final class TileSheet {

    /** One image: row-major values in [0, 1], caption lines under it, framed in red when flagged. */
    public record Tile(double[] pixels, List<String> caption, boolean flagged) {
    }

    private record Row(String title, List<Tile> tiles) {
    }

    private final int height;
    private final int width;
    private final int scale;
    private final List<Row> rows = new ArrayList<>();

    public TileSheet(int height, int width, int scale) {
        this.height = height;
        this.width = width;
        this.scale = scale;
    }

    public TileSheet row(String title, List<Tile> tiles) {
        rows.add(new Row(title, List.copyOf(tiles)));
        return this;
    }

    public BufferedImage image() {
        int gap = 10;
        int lineHeight = 14;
        int tileW = width * scale;
        int cell = Math.max(tileW, 100);
        int captionLines = rows.stream().flatMap(r -> r.tiles().stream()).mapToInt(t -> t.caption().size()).max().orElse(0);
        int rowHeight = 18 + height * scale + captionLines * lineHeight + gap;
        int columns = rows.stream().mapToInt(r -> r.tiles().size()).max().orElse(1);
        BufferedImage image = new BufferedImage(gap + columns * (cell + gap), gap + rows.size() * rowHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < rows.size(); r++) {
            int top = gap + r * rowHeight;
            g.setColor(new Color(0x24292f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(rows.get(r).title(), gap, top + 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            List<Tile> tiles = rows.get(r).tiles();
            for (int t = 0; t < tiles.size(); t++) {
                int left = gap + t * (cell + gap);
                Tile tile = tiles.get(t);
                draw(g, tile.pixels(), height, width, scale, left, top + 18);
                if (tile.flagged()) {
                    g.setColor(new Color(0xd9480f));
                    g.setStroke(new BasicStroke(3));
                    g.drawRect(left - 2, top + 16, tileW + 3, height * scale + 3);
                }
                g.setColor(tile.flagged() ? new Color(0xd9480f) : new Color(0x24292f));
                for (int line = 0; line < tile.caption().size(); line++) {
                    g.drawString(tile.caption().get(line), left, top + 18 + height * scale + 13 + line * lineHeight);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** A grayscale image, row-major values in [0, 1] (clamped), each pixel a {@code scale}×{@code scale} square from (left, top). */
    public static void draw(Graphics2D g, double[] pixels, int height, int width, int scale, int left, int top) {
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, pixels[r * width + c])));
                g.setColor(new Color(v, v, v));
                g.fillRect(left + c * scale, top + r * scale, scale, scale);
            }
        }
    }
}
