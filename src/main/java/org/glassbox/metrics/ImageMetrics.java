package org.glassbox.metrics;

/**
 * Distances between two grayscale images of the same size, pixels in [0, 1], row-major.
 */
public final class ImageMetrics {

    /** SSIM constants of Wang et al. (2004): K1 = 0.01, K2 = 0.03, dynamic range L = 1. */
    private static final double C1 = Math.pow(0.01, 2);
    private static final double C2 = Math.pow(0.03, 2);
    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double[] GAUSSIAN = gaussian(WINDOW, SIGMA);

    private ImageMetrics() {
    }

    /** Mean squared error, (1/n) Σ (a_i − b_i)². */
    public static double mse(double[] a, double[] b) {
        requireSameSize(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    /** Peak signal-to-noise ratio for peak 1: 10·log10(1 / MSE) dB; +∞ for identical images. */
    public static double psnr(double[] a, double[] b) {
        double mse = mse(a, b);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / mse);
    }

    /**
     * Structural similarity (Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment: from
     * error visibility to structural similarity", IEEE TIP 2004): for each 11×11 window weighted by
     * a Gaussian of σ = 1.5 that fits inside the image,
     * {@code SSIM = (2 μa μb + C1)(2 σab + C2) / ((μa² + μb² + C1)(σa² + σb² + C2))},
     * averaged over all window positions.
     */
    public static double ssim(double[] a, double[] b, int height, int width) {
        double[] map = ssimMap(a, b, height, width);
        double sum = 0;
        for (double v : map) {
            sum += v;
        }
        return sum / map.length;
    }

    /** The side of the window SSIM is computed over: a local SSIM map is this much less one smaller than the image each way. */
    public static int ssimWindow() {
        return WINDOW;
    }

    /**
     * The local SSIM of every window position that fits inside the image, row by row: a map of
     * (height − 10) × (width − 10) values, the one at (r, c) for the window centred on pixel
     * (r + 5, c + 5). {@link #ssim} is its mean.
     */
    public static double[] ssimMap(double[] a, double[] b, int height, int width) {
        requireSameSize(a, b);
        if (a.length != height * width) {
            throw new IllegalArgumentException("image has " + a.length + " pixels, not " + height + "×" + width);
        }
        if (height < WINDOW || width < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "×" + WINDOW + " pixels");
        }
        int rows = height - WINDOW + 1;
        int cols = width - WINDOW + 1;
        double[] map = new double[rows * cols];
        for (int top = 0; top < rows; top++) {
            for (int left = 0; left < cols; left++) {
                double ma = 0;
                double mb = 0;
                for (int r = 0; r < WINDOW; r++) {
                    for (int c = 0; c < WINDOW; c++) {
                        double w = GAUSSIAN[r] * GAUSSIAN[c];
                        int i = (top + r) * width + left + c;
                        ma += w * a[i];
                        mb += w * b[i];
                    }
                }
                double va = 0;
                double vb = 0;
                double cov = 0;
                for (int r = 0; r < WINDOW; r++) {
                    for (int c = 0; c < WINDOW; c++) {
                        double w = GAUSSIAN[r] * GAUSSIAN[c];
                        int i = (top + r) * width + left + c;
                        double da = a[i] - ma;
                        double db = b[i] - mb;
                        va += w * da * da;
                        vb += w * db * db;
                        cov += w * da * db;
                    }
                }
                map[top * cols + left] = (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
            }
        }
        return map;
    }

    /** |a − b| pixel by pixel. */
    public static double[] absoluteDifference(double[] a, double[] b) {
        requireSameSize(a, b);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(a[i] - b[i]);
        }
        return d;
    }

    /** A normalised 1-D Gaussian of the given size and σ (the 2-D window is its outer product). */
    static double[] gaussian(int size, double sigma) {
        double[] g = new double[size];
        double total = 0;
        int half = size / 2;
        for (int i = 0; i < size; i++) {
            g[i] = Math.exp(-((i - half) * (i - half)) / (2 * sigma * sigma));
            total += g[i];
        }
        for (int i = 0; i < size; i++) {
            g[i] /= total;
        }
        return g;
    }

    private static void requireSameSize(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("images differ in size: " + a.length + " and " + b.length + " pixels");
        }
    }
}
