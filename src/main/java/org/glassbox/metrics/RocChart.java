package org.glassbox.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * ROC curves on log-log axes, the way membership-inference results are read (Carlini et al. 2022):
 * both rates from one in N to 1, so that the low false-positive rates where an attack is confidently
 * right are not squeezed into a corner. The dashed diagonal is chance.
 */
public final class RocChart {

    /** One curve and its legend text. */
    public record Curve(String label, Roc roc) {
    }

    private static final Color[] COLORS = {new Color(0x7f8c8d), new Color(0xd35400), new Color(0x8e44ad),
            new Color(0x9a7d0a), new Color(0x16a085), new Color(0xc0392b), new Color(0x1f5fbf)};

    private RocChart() {
    }

    public static Color color(int index) {
        return COLORS[index % COLORS.length];
    }

    /** x or y in [0, 1] of a rate on the log axis from {@code min} to 1. */
    static double position(double rate, double min) {
        return (Math.log10(Math.max(rate, min)) - Math.log10(min)) / -Math.log10(min);
    }

    /** @param positives and {@code negatives}: how many of each, which set the axes' lower ends (one in N) */
    public static BufferedImage render(String title, List<Curve> curves, int positives, int negatives, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 64;
        int right = width - 16;
        int top = 30;
        int bottom = height - 46;
        double minX = 1.0 / Math.max(1, negatives);
        double minY = 1.0 / Math.max(1, positives);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Color grid = new Color(0xdddddd);
        for (double f = 1; f >= minX * 0.999; f /= 10) {
            int x = (int) (left + (right - left) * position(f, minX));
            g.setColor(grid);
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(f), x - 12, bottom + 16);
        }
        for (double f = 1; f >= minY * 0.999; f /= 10) {
            int y = (int) (bottom - (bottom - top) * position(f, minY));
            g.setColor(grid);
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(f), left - 44, y + 4);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString("false-positive rate (log, " + negatives + " non-members)", left + 60, height - 12);
        g.drawString(title, left, 18);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        g.setColor(Color.GRAY);
        int steps = 64;
        for (int s = 0; s < steps; s++) {
            double a = Math.pow(10, Math.log10(minX) * (1 - (double) s / steps));
            double b = Math.pow(10, Math.log10(minX) * (1 - (double) (s + 1) / steps));
            g.drawLine(px(a, minX, left, right), py(a, minY, top, bottom), px(b, minX, left, right), py(b, minY, top, bottom));
        }
        g.setStroke(new BasicStroke(2f));
        int legendY = bottom - 12 - 16 * (curves.size() - 1);
        drawCurves(g, curves, minX, minY, left, right, top, bottom);
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(right - 258, legendY - 16, 252, 16 * curves.size() + 6);
        for (int c = 0; c < curves.size(); c++) {
            int ly = legendY + 16 * c;
            g.setColor(color(c));
            g.fillRect(right - 250, ly - 8, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(curves.get(c).label(), right - 230, ly - 2);
        }
        g.setColor(Color.DARK_GRAY);
        g.rotate(-Math.PI / 2);
        g.drawString("true-positive rate (log, " + positives + " members)", -bottom + 30, 14);
        g.dispose();
        return image;
    }

    private static void drawCurves(Graphics2D g, List<Curve> curves, double minX, double minY, int left, int right, int top,
                              int bottom) {
        for (int c = 0; c < curves.size(); c++) {
            g.setColor(color(c));
            int lastX = -1;
            int lastY = -1;
            for (Roc.Point p : curves.get(c).roc().curve()) {
                if (p.falsePositiveRate() <= 0 || p.truePositiveRate() <= 0) {
                    continue;
                }
                int x = px(p.falsePositiveRate(), minX, left, right);
                int y = py(p.truePositiveRate(), minY, top, bottom);
                if (lastX >= 0) {
                    g.drawLine(lastX, lastY, x, lastY);
                    g.drawLine(x, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
        }
    }

    private static int px(double fpr, double min, int left, int right) {
        return (int) Math.round(left + (right - left) * position(fpr, min));
    }

    private static int py(double tpr, double min, int top, int bottom) {
        return (int) Math.round(bottom - (bottom - top) * position(tpr, min));
    }

    private static String label(double f) {
        return f >= 0.01 ? String.format(Locale.ROOT, "%.2f", f).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.0e", f);
    }
}
