package org.glassbox.inversion;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Exports of an inversion run: the image strip over time (PNG) and the curves (CSV). Headless. */
public final class InversionExports {

    private static final int SCALE = 3;

    private InversionExports() {
    }

    /**
     * The private image, then its matched reconstruction at each chosen snapshot, each captioned
     * with its iteration and PSNR (for a batch: the first image, and the batch's mean PSNR).
     */
    public static BufferedImage strip(double[] privateImage, List<InversionSnapshot> shots, int height, int width) {
        int tileW = width * SCALE;
        int tileH = height * SCALE;
        int gap = 8;
        BufferedImage image = new BufferedImage((shots.size() + 1) * (tileW + gap) + gap, tileH + 44, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        org.glassbox.experiment.TileSheet.draw(g, privateImage, height, width, SCALE, gap, 6);
        g.setColor(Color.BLACK);
        g.drawString("private", gap, tileH + 22);
        for (int k = 0; k < shots.size(); k++) {
            InversionSnapshot s = shots.get(k);
            int left = gap + (k + 1) * (tileW + gap);
            org.glassbox.experiment.TileSheet.draw(g, s.reconstructionOf(0), height, width, SCALE, left, 6);
            g.setColor(Color.BLACK);
            g.drawString("it " + s.iteration(), left, tileH + 22);
            g.drawString(String.format(Locale.ROOT, "%.1f dB", s.psnr()), left, tileH + 36);
        }
        g.dispose();
        return image;
    }

    /**
     * The watched private images in the top row and the reconstructions matched to them below,
     * each captioned with its class (the reconstruction's: the label the attack assigns it) and PSNR.
     */
    public static BufferedImage comparison(ClientBatch watched, Reconstruction reconstruction, List<String> classNames) {
        int height = watched.height();
        int width = watched.width();
        int tileW = width * SCALE;
        int tileH = height * SCALE;
        int gap = 10;
        int columns = reconstruction.watched();
        int caption = 30;
        int cell = Math.max(tileW, 96);
        BufferedImage image = new BufferedImage(columns * (cell + gap) + gap + 60, 2 * (tileH + caption) + 2 * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString("private", 6, gap + tileH / 2);
        g.drawString("attack", 6, 2 * gap + caption + tileH + tileH / 2);
        for (int i = 0; i < columns; i++) {
            int left = 60 + gap + i * (cell + gap);
            double[] original = watched.images()[i];
            double[] recon = reconstruction.of(i);
            org.glassbox.experiment.TileSheet.draw(g, original, height, width, SCALE, left, gap);
            org.glassbox.experiment.TileSheet.draw(g, recon, height, width, SCALE, left, 2 * gap + tileH + caption);
            g.setColor(Color.BLACK);
            g.drawString(classNames.get(watched.labels()[i]), left, gap + tileH + 14);
            int top = 2 * gap + 2 * tileH + caption;
            g.drawString(classNames.get(reconstruction.labelOf(i)), left, top + 14);
            g.drawString(String.format(Locale.ROOT, "%.1f dB", org.glassbox.metrics.ImageMetrics.psnr(recon, original)), left,
                    top + 27);
        }
        g.dispose();
        return image;
    }


    public static void writeCurves(List<InversionSnapshot> history, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("iteration,restart,loss,psnr,ssim,label_accuracy,best_iteration,best_loss,best_psnr\n");
        for (InversionSnapshot s : history) {
            sb.append(s.iteration()).append(',').append(s.restart()).append(',').append(s.loss()).append(',').append(s.psnr())
                    .append(',').append(s.ssim()).append(',').append(s.current().labelAccuracy()).append(',')
                    .append(s.bestIteration()).append(',').append(s.best().loss()).append(',').append(s.best().psnr()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
