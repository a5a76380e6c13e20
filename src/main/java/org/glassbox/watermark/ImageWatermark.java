package org.glassbox.watermark;

import java.awt.image.BufferedImage;

/**
 * The DWT-DCT image watermark of invisible-watermark's {@code dwtDct}, with the 4×4 DCT its README
 * describes (the shipped code skips it; ShieldMnt/invisible-watermark issue #39, PR #43):
 * <ol>
 *   <li>RGB → YUV as OpenCV does it (U = 0.492 (B − Y) + 128); only U, a colour channel, is marked;</li>
 *   <li>one level of the orthonormal Haar DWT of U; the low-low band is cut into 4×4 blocks;</li>
 *   <li>block n carries payload bit n mod L (a repetition code); in its 2-d DCT the largest
 *       non-DC coefficient v is quantised, v′ = sign(v) (⌊|v|/Δ⌋ + ¼ + ½b) Δ with Δ = 36;</li>
 *   <li>decoding reads (|v| mod Δ) &gt; Δ/2 per block and takes the majority per bit.</li>
 * </ol>
 * Pixels outside the largest multiple-of-8 rectangle are left as they are.
 */
public final class ImageWatermark {

    public static final double STEP = 36;
    private static final int BLOCK = 4;

    private final double step;

    public ImageWatermark() {
        this(STEP);
    }

    public ImageWatermark(double step) {
        this.step = step;
    }

    /** What decoding found: the bits, and per bit the share of its blocks that voted for it. */
    public record Decoded(boolean[] bits, double[] agreement) {
        public double accuracyAgainst(boolean[] truth) {
            int right = 0;
            for (int i = 0; i < truth.length; i++) {
                right += bits[i] == truth[i] ? 1 : 0;
            }
            return (double) right / truth.length;
        }
    }

    /** A payload of random bits drawn from the seed. */
    public static boolean[] randomPayload(int length, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        boolean[] bits = new boolean[length];
        for (int i = 0; i < length; i++) {
            bits[i] = random.nextBoolean();
        }
        return bits;
    }

    /** Bits as a string of 0 and 1, and back. */
    public static String toText(boolean[] bits) {
        StringBuilder b = new StringBuilder();
        for (boolean bit : bits) {
            b.append(bit ? '1' : '0');
        }
        return b.toString();
    }

    public static boolean[] fromText(String text) {
        if (!text.matches("[01]+")) {
            throw new IllegalArgumentException("a payload is written as 0s and 1s, e.g. 1011, got '" + text + "'");
        }
        boolean[] bits = new boolean[text.length()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = text.charAt(i) == '1';
        }
        return bits;
    }

    /** The number of 4×4 blocks of the low-low band, i.e. how many copies of the payload fit (times its length). */
    public static int blocks(int width, int height) {
        return (width / 8) * (height / 8);
    }

    public BufferedImage embed(BufferedImage image, boolean[] bits) {
        requireSize(image, bits.length);
        int w = image.getWidth() / 8 * 8;
        int h = image.getHeight() / 8 * 8;
        double[][][] yuv = toYuv(image);
        double[][] u = yuv[1];
        double[][][] bands = haar(u, w, h);
        double[][] ll = bands[0];
        int n = 0;
        for (int by = 0; by < h / 2; by += BLOCK) {
            for (int bx = 0; bx < w / 2; bx += BLOCK) {
                double[][] block = dct(ll, bx, by);
                int[] at = largestAc(block);
                double v = block[at[0]][at[1]];
                int bit = bits[n % bits.length] ? 1 : 0;
                block[at[0]][at[1]] = Math.signum(v == 0 ? 1 : v) * (Math.floor(Math.abs(v) / step) + 0.25 + 0.5 * bit) * step;
                idct(block, ll, bx, by);
                n++;
            }
        }
        inverseHaar(bands, u, w, h);
        return toRgb(yuv, image.getWidth(), image.getHeight());
    }

    public Decoded decode(BufferedImage image, int length) {
        requireSize(image, length);
        int w = image.getWidth() / 8 * 8;
        int h = image.getHeight() / 8 * 8;
        double[][] ll = haar(toYuv(image)[1], w, h)[0];
        double[] ones = new double[length];
        int[] votes = new int[length];
        int n = 0;
        for (int by = 0; by < h / 2; by += BLOCK) {
            for (int bx = 0; bx < w / 2; bx += BLOCK) {
                double[][] block = dct(ll, bx, by);
                int[] at = largestAc(block);
                double residue = Math.abs(block[at[0]][at[1]]) % step;
                ones[n % length] += residue > step / 2 ? 1 : 0;
                votes[n % length]++;
                n++;
            }
        }
        boolean[] bits = new boolean[length];
        double[] agreement = new double[length];
        for (int i = 0; i < length; i++) {
            double share = ones[i] / votes[i];
            bits[i] = share > 0.5;
            agreement[i] = Math.max(share, 1 - share);
        }
        return new Decoded(bits, agreement);
    }

    private static void requireSize(BufferedImage image, int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException("the payload needs at least 1 bit");
        }
        if (blocks(image.getWidth(), image.getHeight()) < bits) {
            throw new IllegalArgumentException(String.format("a %d×%d image holds %d blocks, fewer than the %d payload bits;"
                    + " use an image of at least 256×256", image.getWidth(), image.getHeight(),
                    blocks(image.getWidth(), image.getHeight()), bits));
        }
    }

    /** Y, U, V planes, [row][column], in 0–255 units. */
    static double[][][] toYuv(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][][] yuv = new double[3][h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double r = (rgb >> 16) & 0xff;
                double g = (rgb >> 8) & 0xff;
                double b = rgb & 0xff;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                yuv[0][y][x] = luma;
                yuv[1][y][x] = 0.492 * (b - luma) + 128;
                yuv[2][y][x] = 0.877 * (r - luma) + 128;
            }
        }
        return yuv;
    }

    static BufferedImage toRgb(double[][][] yuv, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double luma = yuv[0][y][x];
                double b = luma + (yuv[1][y][x] - 128) / 0.492;
                double r = luma + (yuv[2][y][x] - 128) / 0.877;
                double g = (luma - 0.299 * r - 0.114 * b) / 0.587;
                out.setRGB(x, y, (clamp(r) << 16) | (clamp(g) << 8) | clamp(b));
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** One level of the orthonormal 2-d Haar transform of the top-left w×h: LL, LH, HL, HH, each h/2 × w/2. */
    private static double[][][] haar(double[][] plane, int w, int h) {
        double[][][] bands = new double[4][h / 2][w / 2];
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double a = plane[2 * y][2 * x];
                double b = plane[2 * y][2 * x + 1];
                double c = plane[2 * y + 1][2 * x];
                double d = plane[2 * y + 1][2 * x + 1];
                bands[0][y][x] = (a + b + c + d) / 2;
                bands[1][y][x] = (a - b + c - d) / 2;
                bands[2][y][x] = (a + b - c - d) / 2;
                bands[3][y][x] = (a - b - c + d) / 2;
            }
        }
        return bands;
    }

    private static void inverseHaar(double[][][] bands, double[][] plane, int w, int h) {
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double ll = bands[0][y][x];
                double lh = bands[1][y][x];
                double hl = bands[2][y][x];
                double hh = bands[3][y][x];
                plane[2 * y][2 * x] = (ll + lh + hl + hh) / 2;
                plane[2 * y][2 * x + 1] = (ll - lh + hl - hh) / 2;
                plane[2 * y + 1][2 * x] = (ll + lh - hl - hh) / 2;
                plane[2 * y + 1][2 * x + 1] = (ll - lh - hl + hh) / 2;
            }
        }
    }

    private static final double[][] DCT = dctMatrix();

    /** The orthonormal 4-point DCT-II matrix C, so that a block's transform is C X Cᵀ. */
    private static double[][] dctMatrix() {
        double[][] c = new double[BLOCK][BLOCK];
        for (int k = 0; k < BLOCK; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / BLOCK);
            for (int n = 0; n < BLOCK; n++) {
                c[k][n] = scale * Math.cos(Math.PI * (2 * n + 1) * k / (2.0 * BLOCK));
            }
        }
        return c;
    }

    private static double[][] dct(double[][] plane, int bx, int by) {
        double[][] out = new double[BLOCK][BLOCK];
        for (int u = 0; u < BLOCK; u++) {
            for (int v = 0; v < BLOCK; v++) {
                double s = 0;
                for (int y = 0; y < BLOCK; y++) {
                    for (int x = 0; x < BLOCK; x++) {
                        s += DCT[u][y] * plane[by + y][bx + x] * DCT[v][x];
                    }
                }
                out[u][v] = s;
            }
        }
        return out;
    }

    private static void idct(double[][] coefficients, double[][] plane, int bx, int by) {
        for (int y = 0; y < BLOCK; y++) {
            for (int x = 0; x < BLOCK; x++) {
                double s = 0;
                for (int u = 0; u < BLOCK; u++) {
                    for (int v = 0; v < BLOCK; v++) {
                        s += DCT[u][y] * coefficients[u][v] * DCT[v][x];
                    }
                }
                plane[by + y][bx + x] = s;
            }
        }
    }

    /** The (row, column) of the largest-magnitude coefficient other than the DC one. */
    private static int[] largestAc(double[][] block) {
        int[] best = {0, 1};
        for (int u = 0; u < BLOCK; u++) {
            for (int v = 0; v < BLOCK; v++) {
                if ((u != 0 || v != 0) && Math.abs(block[u][v]) > Math.abs(block[best[0]][best[1]])) {
                    best = new int[] {u, v};
                }
            }
        }
        return best;
    }

    /** The SDXL watermark's 48-bit payload 0xB3EC907BB19E, most significant bit first. */
    public static boolean[] sdxlPayload() {
        long value = 0xB3EC907BB19EL;
        boolean[] bits = new boolean[48];
        for (int i = 0; i < 48; i++) {
            bits[i] = ((value >>> (47 - i)) & 1) == 1;
        }
        return bits;
    }

}
