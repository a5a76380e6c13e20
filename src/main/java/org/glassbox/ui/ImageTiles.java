package org.glassbox.ui;

import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Pixels from the compute side turned into JavaFX images. */
public final class ImageTiles {

    private ImageTiles() {
    }

    /** A grayscale image from values in [0, 1] (clamped), scaled up by {@code scale} with hard pixel edges. */
    public static Image grayscale(int height, int width, int scale, PixelSource source) {
        WritableImage image = new WritableImage(width * scale, height * scale);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, source.value(r, c))));
                int argb = 0xFF000000 | (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        w.setArgb(c * scale + dx, r * scale + dy, argb);
                    }
                }
            }
        }
        return image;
    }

    @FunctionalInterface
    public interface PixelSource {
        double value(int row, int column);
    }
}
