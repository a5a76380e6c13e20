package org.glassbox.watermark;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Distortions of a watermarked image, each of the same size as its input so the decoder can read
 * it: the single distortions of the WAVES benchmark and invisible-watermark's own table.
 */
public final class ImageAttack {

    private ImageAttack() {
    }

    /** A JPEG round trip at quality 1–100 through the JDK's encoder, colour subsampled 4:2:0 as most encoders do. */
    public static BufferedImage jpeg(BufferedImage image, int quality) {
        return jpeg(image, quality, true);
    }

    /**
     * A JPEG round trip; without chroma subsampling (4:4:4) the colour planes keep their full
     * resolution. 4:2:0 halves them, which wipes a watermark that lives in U (invisible-watermark
     * issue #11).
     */
    public static BufferedImage jpeg(BufferedImage image, int quality, boolean subsampleChroma) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality runs from 1 to 100, got " + quality);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            BufferedImage source = rgb(image);
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(source), param);
            if (!subsampleChroma) {
                String format = "javax_imageio_jpeg_image_1.0";
                org.w3c.dom.Node tree = metadata.getAsTree(format);
                org.w3c.dom.NodeList specs = ((org.w3c.dom.Element) tree).getElementsByTagName("componentSpec");
                for (int i = 0; i < specs.getLength(); i++) {
                    org.w3c.dom.Element spec = (org.w3c.dom.Element) specs.item(i);
                    spec.setAttribute("HsamplingFactor", "1");
                    spec.setAttribute("VsamplingFactor", "1");
                }
                metadata.setFromTree(format, tree);
            }
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(source, null, metadata), param);
            } finally {
                writer.dispose();
            }
            return rgb(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scaled by {@code factor} (bilinear) and back to the original size, as a resize the decoder undoes. */
    public static BufferedImage resize(BufferedImage image, double factor) {
        if (!(factor > 0.05 && factor <= 4)) {
            throw new IllegalArgumentException("resize factor must lie in (0.05, 4], got " + factor);
        }
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        return scaled(scaled(image, w, h), image.getWidth(), image.getHeight());
    }

    /** Keeps the central share of each side and scales it back up to the full size. */
    public static BufferedImage crop(BufferedImage image, double keep) {
        if (!(keep > 0.1 && keep <= 1)) {
            throw new IllegalArgumentException("the kept share of each side must lie in (0.1, 1], got " + keep);
        }
        int w = (int) Math.round(image.getWidth() * keep);
        int h = (int) Math.round(image.getHeight() * keep);
        BufferedImage part = image.getSubimage((image.getWidth() - w) / 2, (image.getHeight() - h) / 2, w, h);
        return scaled(part, image.getWidth(), image.getHeight());
    }

    public static BufferedImage noise(BufferedImage image, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int v = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double gauss = gaussian(random);
                    v = (v << 8) | clamp(((rgb >> shift) & 0xff) + sigma * 255 * gauss);
                }
                out.setRGB(x, y, v);
            }
        }
        return out;
    }

    public static BufferedImage brightness(BufferedImage image, double factor) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                out.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) * factor) << 16) | (clamp(((rgb >> 8) & 0xff) * factor) << 8)
                        | clamp((rgb & 0xff) * factor));
            }
        }
        return out;
    }

    /** Rotated about the centre by the angle (degrees), same size, corners filled black. */
    public static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                image.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** PSNR in dB of {@code b} against {@code a} over all three colour channels. */
    public static double psnr(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    /** |a − b| per channel, amplified so that a mark of a few levels is visible. */
    public static BufferedImage difference(BufferedImage a, BufferedImage b, double gain) {
        BufferedImage out = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int v = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    v = (v << 8) | clamp(Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) * gain);
                }
                out.setRGB(x, y, v);
            }
        }
        return out;
    }

    /** The image as 8-bit RGB without alpha (alpha is dropped, grey becomes three equal channels). */
    public static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scaled(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
