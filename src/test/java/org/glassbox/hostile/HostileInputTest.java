package org.glassbox.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.glassbox.cli.GlassboxCommand;
import org.glassbox.data.ImageFiles;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.regions.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd images, failing writes and out-of-range numbers: each refused clearly, none leaving a result that looks whole. */
class HostileInputTest {

    @TempDir
    Path dir;

    @Test
    void aCmykJpegIsRefusedRatherThanReadWithWrongColours() throws Exception {
        Path cmyk = dir.resolve("cmyk.jpg");
        WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 24, 4, null);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setPixel(x, y, new int[] {x * 8, y * 10, 40, 0});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(cmyk.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        UserFacingException e = assertThrows(UserFacingException.class, () -> ImageFiles.read(cmyk));
        assertTrue(e.userMessage().problem().contains("cmyk.jpg is a CMYK (or YCCK) JPEG"), e.userMessage().text());

        Path rgb = dir.resolve("rgb.jpg");
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF8040);
        ImageIO.write(image, "jpeg", rgb.toFile());
        assertEquals(32, ImageFiles.read(rgb).getWidth(), "an ordinary RGB JPEG is read");
    }

    @Test
    void aRunThatFailsWhileWritingLeavesNoRunRecordAndTheEarlierResultsIntact() throws Exception {
        Path out = dir.resolve("results");
        ResultFolder.write(out, folder -> {
            Files.writeString(folder.resolve("report.html"), "<p>first run</p>");
            Files.writeString(folder.resolve("run.json"), "{\"files\": [\"report.html\"]}");
            return null;
        });
        IOException full = assertThrows(IOException.class, () -> ResultFolder.write(out, folder -> {
            Files.writeString(folder.resolve("report.html"), "<p>second run, cut");
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("<p>first run</p>", Files.readString(out.resolve("report.html")), "the earlier report is untouched");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no staging folder is left beside the results");
        }
        Path fresh = dir.resolve("fresh");
        assertThrows(IOException.class, () -> ResultFolder.write(fresh, folder -> {
            Files.writeString(folder.resolve("run.json"), "{}");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(fresh), "a failed first run leaves no folder at all");
    }

    private record Cli(int exitCode, String err) {
    }

    private static Cli cli(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Cli(GlassboxCommand.execute(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void everyNumericOptionRefusesNaNAndInfinityAndTheOptionsWithRangesKeepToThem() {
        Cli nan = cli("watermark", "detect", "--text", "And God said", "--threshold", "NaN");
        assertEquals(2, nan.exitCode());
        assertTrue(nan.err().contains("Invalid value for option '--threshold': NaN is not a finite number."), nan.err());
        Cli infinite = cli("regions", "--model", "toy-xor", "--window", "-1,Infinity,-1,1");
        assertEquals(2, infinite.exitCode());
        assertTrue(infinite.err().contains("'--window': Infinity is not a finite number."), infinite.err());
        Cli negative = cli("invert", "--price-steps", "-5");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--price-steps must be between 0 and 100000; it is -5."), negative.err());
    }

    @Test
    void aWindowBeyondTheRangeWhereDoublesHoldIsRefusedAndZoomingStopsAtIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Window(-1e308, 1e308, -1, 1));
        assertTrue(e.getMessage().contains("within ±1e+09"), e.getMessage());
        Window wide = new Window(-1e8, 1e8, -1e8, 1e8);
        assertEquals(wide, wide.zoom(0, 0, 100), "zooming out past the limit keeps the window");
    }
}
