package org.glassbox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageMetricsTest {

    private static double[] randomImage(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble();
        }
        return x;
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndSsimOne() {
        double[] x = randomImage(1, 28 * 28);
        assertEquals(Double.POSITIVE_INFINITY, ImageMetrics.psnr(x, x.clone()));
        assertEquals(1.0, ImageMetrics.ssim(x, x.clone(), 28, 28), 1e-12);
    }

    @Test
    void aKnownErrorGivesTheKnownPsnr() {
        double[] x = randomImage(2, 28 * 28);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += (i % 2 == 0 ? 0.1 : -0.1);
        }
        assertEquals(0.01, ImageMetrics.mse(x, y), 1e-15);
        assertEquals(20.0, ImageMetrics.psnr(x, y), 1e-9, "10·log10(1/0.01) = 20 dB");
    }

    /** On an 11×11 image there is one window, so SSIM is the formula itself with Gaussian-weighted moments. */
    @Test
    void onOneWindowSsimIsTheDefinition() {
        double[] a = randomImage(3, 121);
        double[] b = randomImage(4, 121);
        double sigma = 1.5;
        double[] w = new double[121];
        double total = 0;
        for (int r = 0; r < 11; r++) {
            for (int c = 0; c < 11; c++) {
                w[r * 11 + c] = Math.exp(-((r - 5) * (r - 5) + (c - 5) * (c - 5)) / (2 * sigma * sigma));
                total += w[r * 11 + c];
            }
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < 121; i++) {
            w[i] /= total;
            ma += w[i] * a[i];
            mb += w[i] * b[i];
        }
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int i = 0; i < 121; i++) {
            va += w[i] * (a[i] - ma) * (a[i] - ma);
            vb += w[i] * (b[i] - mb) * (b[i] - mb);
            cov += w[i] * (a[i] - ma) * (b[i] - mb);
        }
        double c1 = 1e-4;
        double c2 = 9e-4;
        double expected = (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        assertEquals(expected, ImageMetrics.ssim(a, b, 11, 11), 1e-12);
    }

    @Test
    void moreNoiseMeansLowerSsimAndPsnr() {
        double[] x = randomImage(5, 28 * 28);
        Random r = new Random(6);
        double[] small = x.clone();
        double[] large = x.clone();
        for (int i = 0; i < x.length; i++) {
            double n = r.nextGaussian();
            small[i] += 0.02 * n;
            large[i] += 0.2 * n;
        }
        assertTrue(ImageMetrics.ssim(x, small, 28, 28) > ImageMetrics.ssim(x, large, 28, 28));
        assertTrue(ImageMetrics.psnr(x, small) > ImageMetrics.psnr(x, large) + 15);
    }

    @Test
    void theDifferenceMapOfAKnownPairIsItsAbsoluteDifference() {
        double[] a = {0.0, 0.25, 1.0, 0.5};
        double[] b = {0.5, 0.25, 0.0, 0.75};
        double[] d = ImageMetrics.absoluteDifference(a, b);
        assertEquals(0.5, d[0], 0);
        assertEquals(0.0, d[1], 0);
        assertEquals(1.0, d[2], 0);
        assertEquals(0.25, d[3], 0);
    }

    @Test
    void theLocalSsimMapHasOneValuePerWindowAndAveragesToTheSsim() {
        double[] x = randomImage(5, 28 * 28);
        double[] y = randomImage(6, 28 * 28);
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.7 * x[i] + 0.3 * y[i];
        }
        double[] map = ImageMetrics.ssimMap(x, y, 28, 28);
        assertEquals(18 * 18, map.length);
        double mean = java.util.Arrays.stream(map).average().orElseThrow();
        assertEquals(ImageMetrics.ssim(x, y, 28, 28), mean, 1e-12);
        assertTrue(java.util.Arrays.stream(map).max().orElseThrow() > java.util.Arrays.stream(map).min().orElseThrow(),
                "the map varies from window to window");
    }
}
