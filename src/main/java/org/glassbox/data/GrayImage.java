package org.glassbox.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.glassbox.engine.UserFacingException;

/**
 * A grayscale image read from a file a person picked, pixels in [0, 1], row-major. Colour is
 * reduced to luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B); transparency is composited on black,
 * the background of the bundled Fashion-MNIST images.
 */
public record GrayImage(int height, int width, double[] pixels) {

    /** Reads a PNG, JPEG, GIF or BMP file; anything else gets a message naming the formats. */
    public static GrayImage read(Path file) throws UserFacingException {
        return of(ImageFiles.read(file));
    }

    public static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] pixels = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int argb = image.getRGB(c, r);
                double alpha = ((argb >>> 24) & 0xFF) / 255.0;
                double luma = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
                pixels[r * w + c] = alpha * luma / 255.0;
            }
        }
        return new GrayImage(h, w, pixels);
    }

    /** This image scaled to the given size with bicubic interpolation (area-averaged first when shrinking by more than 2). */
    public GrayImage resized(int newHeight, int newWidth) {
        BufferedImage source = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, pixels[r * width + c])));
                source.getRaster().setSample(c, r, 0, v);
            }
        }
        java.awt.Image scaled = newWidth * 2 < width || newHeight * 2 < height
                ? source.getScaledInstance(newWidth, newHeight, java.awt.Image.SCALE_AREA_AVERAGING) : source;
        BufferedImage target = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(scaled, 0, 0, newWidth, newHeight, null);
        g.dispose();
        double[] out = new double[newWidth * newHeight];
        for (int r = 0; r < newHeight; r++) {
            for (int c = 0; c < newWidth; c++) {
                out[r * newWidth + c] = target.getRaster().getSample(c, r, 0) / 255.0;
            }
        }
        return new GrayImage(newHeight, newWidth, out);
    }

    /** Refuses an image of another size with a message that offers the resize. */
    public GrayImage requireSize(int expectedHeight, int expectedWidth, String howToResize) throws UserFacingException {
        if (height != expectedHeight || width != expectedWidth) {
            throw new UserFacingException("The image is " + width + "×" + height + " pixels; the model takes "
                    + expectedWidth + "×" + expectedHeight + ".", howToResize);
        }
        return this;
    }
}
