package org.glassbox.watermark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.glassbox.metrics.Roc;

/**
 * The evaluation's ROC curves as a picture: false-positive rate on a log axis (from one human
 * passage in N to 1), true-positive rate linear, one curve per condition.
 */
public final class RocImage {

    static final Color[] COLORS = {new Color(0x2e7d32), new Color(0xc0392b), new Color(0x1f5fbf), new Color(0x8e44ad),
            new Color(0xd35400), new Color(0x16a085)};

    private RocImage() {
    }

    /** x in [0, 1] of a false-positive rate on the log axis from {@code minFpr} to 1. */
    public static double logPosition(double fpr, double minFpr) {
        double f = Math.max(fpr, minFpr);
        return (Math.log10(f) - Math.log10(minFpr)) / -Math.log10(minFpr);
    }

    public static BufferedImage render(WatermarkEvaluation.Snapshot s, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 60;
        int right = width - 20;
        int top = 30;
        int bottom = height - 50;
        double minFpr = 1.0 / s.humanScores().length;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (double f = minFpr; f <= 1.0001; f *= 10) {
            int x = (int) (left + (right - left) * logPosition(f, minFpr));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0e", f), x - 14, bottom + 16);
            g.setColor(new Color(0xdddddd));
        }
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", i / 4.0), left - 36, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("false-positive rate on " + s.humanScores().length + " human passages (log)", left + 80, height - 14);
        g.drawString(String.format(Locale.ROOT, "ROC after %d generations: true-positive rate against false-positive rate",
                s.generated()), left, 18);
        g.setStroke(new BasicStroke(2f));
        List<WatermarkEvaluation.Row> rows = s.rows();
        int legendY = bottom - 12;
        int legendTop = legendY - 16 * rows.size() + 4;
        for (int c = rows.size() - 1; c >= 0; c--) {
            WatermarkEvaluation.Condition condition = rows.get(c).condition();
            Roc roc = s.roc(condition);
            g.setColor(COLORS[c % COLORS.length]);
            int px = -1;
            int py = -1;
            for (Roc.Point p : roc.curve()) {
                int x = (int) (left + (right - left) * logPosition(p.falsePositiveRate(), minFpr));
                int y = (int) (bottom - (bottom - top) * p.truePositiveRate());
                if (px >= 0) {
                    g.drawLine(px, py, x, py);
                    g.drawLine(x, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(right - 306, legendTop - 4, 300, 16 * rows.size() + 4);
        for (int c = rows.size() - 1; c >= 0; c--) {
            g.setColor(COLORS[c % COLORS.length]);
            g.drawString(String.format(Locale.ROOT, "%s (AUC %.3f)", rows.get(c).condition(), rows.get(c).auc()), right - 300, legendY);
            legendY -= 16;
        }
        g.dispose();
        return image;
    }
}
