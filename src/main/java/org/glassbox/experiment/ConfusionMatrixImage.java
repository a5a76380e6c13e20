package org.glassbox.experiment;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.glassbox.metrics.ConfusionMatrix;

/**
 * Draws a confusion matrix as a PNG without a display (java.awt in headless mode), so the app and
 * the CLI export the same picture. Cell shade is the count over its row's total (per-class recall
 * on the diagonal).
 */
public final class ConfusionMatrixImage {

    private static final int CELL = 44;
    private static final int LABEL = 110;

    private ConfusionMatrixImage() {
    }

    public static BufferedImage render(ConfusionMatrix cm, String title) {
        int n = cm.size();
        int width = LABEL + n * CELL + 20;
        int height = 40 + LABEL + n * CELL + 20;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title + " — accuracy " + cm.accuracyText(), 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int top = 40 + LABEL;
        int[][] counts = cm.counts();
        for (int i = 0; i < n; i++) {
            long rowTotal = 0;
            for (int c : counts[i]) {
                rowTotal += c;
            }
            for (int j = 0; j < n; j++) {
                double share = rowTotal == 0 ? 0 : (double) counts[i][j] / rowTotal;
                g.setColor(shade(share, i == j));
                g.fillRect(LABEL + j * CELL, top + i * CELL, CELL - 1, CELL - 1);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String text = Integer.toString(counts[i][j]);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(text, LABEL + j * CELL + (CELL - fm.stringWidth(text)) / 2, top + i * CELL + CELL / 2 + 4);
            }
            g.setColor(Color.BLACK);
            g.drawString(cm.classNames().get(i), 6, top + i * CELL + CELL / 2 + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        for (int j = 0; j < n; j++) {
            rotated.drawString(cm.classNames().get(j), -(top - 6), LABEL + j * CELL + CELL / 2 + 4);
        }
        rotated.dispose();
        g.dispose();
        return image;
    }

    /** White to blue for the diagonal, white to orange elsewhere, by the share of the row. */
    private static Color shade(double share, boolean diagonal) {
        double s = Math.sqrt(share);
        int r = diagonal ? (int) (255 - s * (255 - 31)) : (int) (255 - s * (255 - 230));
        int gr = diagonal ? (int) (255 - s * (255 - 92)) : (int) (255 - s * (255 - 110));
        int b = diagonal ? (int) (255 - s * (255 - 170)) : (int) (255 - s * (255 - 30));
        return new Color(r, gr, b);
    }

    public static void write(ConfusionMatrix cm, String title, Path file) throws IOException {
        ImageIO.write(render(cm, title), "png", file.toFile());
    }
}
