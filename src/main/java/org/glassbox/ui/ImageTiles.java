package org.glassbox.ui;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pixels from the compute side turned into JavaFX images. */
public final class ImageTiles {

    private ImageTiles() {
    }

    /**
     * A grayscale image from values in [0, 1] (clamped), scaled up by {@code scale} with hard pixel
     * edges. The pixels are written in one bulk call: a per-pixel {@code setArgb} re-acquires the
     * platform image's accessor each time and dominated the live inversion view's FX-thread time.
     */
    public static Image grayscale(int height, int width, int scale, PixelSource source) {
        int outWidth = width * scale;
        int[] argb = new int[outWidth * height * scale];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, source.value(r, c))));
                int pixel = 0xFF000000 | (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    int row = (r * scale + dy) * outWidth + c * scale;
                    java.util.Arrays.fill(argb, row, row + scale, pixel);
                }
            }
        }
        WritableImage image = new WritableImage(outWidth, height * scale);
        image.getPixelWriter().setPixels(0, 0, outWidth, height * scale, PixelFormat.getIntArgbPreInstance(), argb, 0, outWidth);
        return image;
    }

    @FunctionalInterface
    public interface PixelSource {
        double value(int row, int column);
    }
}
