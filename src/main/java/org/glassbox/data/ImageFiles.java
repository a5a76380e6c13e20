package org.glassbox.data;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.glassbox.engine.UserFacingException;

/**
 * Reads an image file a person picked, after checking what it is from its header: its size against
 * {@link #MAX_PIXELS} before any pixel is decoded (a small file can declare a huge image), and its
 * colour model (a CMYK or YCCK JPEG, which Java's decoder reads with wrong colours, is refused).
 */
public final class ImageFiles {

    /** 40 megapixels: larger than any photograph this tool needs, and 160 MB once decoded. */
    public static final long MAX_PIXELS = 40_000_000L;
    private static final String FORMATS = "Use a PNG, JPEG, GIF or BMP file.";

    private ImageFiles() {
    }

    public static BufferedImage read(Path file) throws UserFacingException {
        if (Files.isDirectory(file)) {
            throw new UserFacingException(file + " is a directory, not an image file.", "Pick an image file inside it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": no such image file.", "Check the path.");
        }
        if (isFourComponentJpeg(file)) {
            throw new UserFacingException(file.getFileName() + " is a CMYK (or YCCK) JPEG: Java's decoder reads its"
                    + " four colour components with wrong colours, so Glassbox does not use it.",
                    "Convert it to RGB first (for example: convert in.jpg -colorspace sRGB out.png).");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UserFacingException(file.getFileName() + " is not an image this version can read.", FORMATS);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new UserFacingException(String.format(Locale.ROOT, "%s is %,d × %,d pixels (%.0f megapixels);"
                                    + " Glassbox reads images of up to %.0f megapixels.", file.getFileName(), width, height,
                            width * height / 1e6, MAX_PIXELS / 1e6), "Scale the image down first.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(file.getFileName() + " cannot be decoded as an image (" + e.getMessage() + ").",
                    FORMATS, e);
        }
    }

    /**
     * Whether the file is a JPEG whose frame has four components. Scans the marker segments up to
     * the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), whose byte after precision, height
     * and width is the component count.
     */
    static boolean isFourComponentJpeg(Path file) throws UserFacingException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return false;
            }
            for (int segments = 0; segments < 10_000; segments++) {
                int marker = in.readUnsignedShort();
                while (marker == 0xFFFF) {
                    marker = 0xFF00 | in.readUnsignedByte();
                }
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFD9 || marker == 0xFFDA) {
                    return false;
                }
                int length = in.readUnsignedShort();
                boolean startOfFrame = marker >= 0xFFC0 && marker <= 0xFFCF
                        && marker != 0xFFC4 && marker != 0xFFC8 && marker != 0xFFCC;
                if (startOfFrame) {
                    in.skipNBytes(5);
                    return in.readUnsignedByte() == 4;
                }
                in.skipNBytes(length - 2L);
            }
            return false;
        } catch (EOFException e) {
            return false;
        } catch (IOException e) {
            throw new UserFacingException(file.getFileName() + " cannot be read (" + e.getMessage() + ").", "Check the file.", e);
        }
    }
}
