package org.glassbox.data;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grayscale images with class labels. Pixels are stored row-major as unsigned bytes and handed to
 * models scaled to [0, 1].
 */
public record LabeledImages(String name, int height, int width, byte[] pixels, int[] labels, List<String> classNames) {

    public LabeledImages {
        if (pixels.length != labels.length * height * width) {
            throw new IllegalArgumentException("pixel count " + pixels.length + " does not match "
                    + labels.length + " images of " + height + "x" + width);
        }
    }

    public static LabeledImages fromIdx(String name, IdxFile images, IdxFile labels, List<String> classNames) {
        if (images.dimensions().length != 3 || labels.dimensions().length != 1) {
            throw new IllegalArgumentException("expected images of rank 3 and labels of rank 1");
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.count() + " labels");
        }
        int[] lab = new int[labels.count()];
        for (int i = 0; i < lab.length; i++) {
            lab[i] = labels.data()[i] & 0xFF;
        }
        return new LabeledImages(name, images.dimensions()[1], images.dimensions()[2], images.data(), lab, classNames);
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return height * width;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Pixel (r, c) of image i in [0, 1]. */
    public double pixel(int i, int r, int c) {
        return (pixels[i * pixelsPerImage() + r * width + c] & 0xFF) / 255.0;
    }

    /** Image i as height×width values in [0, 1], row-major. */
    public double[] image(int i) {
        double[] x = new double[pixelsPerImage()];
        for (int k = 0; k < x.length; k++) {
            x[k] = (pixels[i * pixelsPerImage() + k] & 0xFF) / 255.0;
        }
        return x;
    }

    /** Images from..to-1 as a [n, height*width] matrix in [0, 1]. */
    public INDArray features(int from, int to, DataType type) {
        int n = to - from;
        int ppi = pixelsPerImage();
        double[] values = new double[n * ppi];
        for (int k = 0; k < values.length; k++) {
            values[k] = (pixels[from * ppi + k] & 0xFF) / 255.0;
        }
        return Nd4j.create(values, new long[] {n, ppi}, type);
    }

    /** One-hot labels of images from..to-1 as a [n, classes] matrix. */
    public INDArray oneHot(int from, int to, DataType type) {
        INDArray out = Nd4j.zeros(type, to - from, numClasses());
        for (int i = from; i < to; i++) {
            out.putScalar(i - from, labels[i], 1.0);
        }
        return out;
    }

    /** The first n images (or all, if fewer). */
    public LabeledImages head(int n) {
        int m = Math.min(n, size());
        byte[] px = java.util.Arrays.copyOf(pixels, m * pixelsPerImage());
        return new LabeledImages(name, height, width, px, java.util.Arrays.copyOf(labels, m), classNames);
    }
}
