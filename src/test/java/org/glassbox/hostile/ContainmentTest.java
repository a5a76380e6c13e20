package org.glassbox.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.glassbox.engine.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile file can do to the process that opens it: a native crash stays in the child that
 * parses, planted data next to the working directory is ignored, and a zip bomb, an oversized image
 * and an oversized map each end with the clear message and exit code 2, in bounded time, under a
 * small heap.
 */
class ContainmentTest {

    @TempDir
    Path dir;

    @Test
    void aSegmentationFaultInTheChildLeavesThisJvmRunningAndIsReportedAsACrash() throws Exception {
        ChildJvm.Outcome outcome = new ChildJvm("256m", Duration.ofSeconds(60)).run(Fixtures.Segfault.class);
        assertTrue(outcome.crashed(), "exit " + outcome.exitCode() + ": " + outcome.errorTail());
        assertTrue(outcome.how().contains("segmentation fault") || outcome.how().contains("abort"), outcome.how());
        assertTrue(Runtime.getRuntime().availableProcessors() > 0, "this JVM is still here");
    }

    @Test
    void aKerasFileThatCrashesTheNativeHdf5ReaderEndsWithAMessageNotACrash() throws Exception {
        Path crashing = Files.copy(Path.of(getClass().getResource("/hostile/segfault.h5").toURI()), dir.resolve("segfault.h5"));
        Run run = cli("evaluate", "--model", crashing.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.output());
        // libhdf5 reads memory it should not on this file: most runs crash with SIGSEGV, some fail cleanly (H5Aexists)
        assertTrue(run.output().contains("segfault.h5: the Keras importer crashed in native code (SIGSEGV, a segmentation"
                + " fault) while reading this file (in a separate process, so nothing else was affected).")
                || run.output().contains("segfault.h5: the Keras HDF5 file could not be imported: H5"), run.output());
        assertFalse(run.output().contains("A fatal error has been detected"), "the crash report stays with the child");
    }

    @Test
    void assetsPlantedAboveTheWorkingDirectoryAreNotUsed() throws Exception {
        Path planted = dir.resolve("planted");
        Files.createDirectories(planted.resolve("assets"));
        Files.createDirectories(planted.resolve("sample-models"));
        Path work = Files.createDirectories(planted.resolve("home/user/work"));
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                Fixtures.PrintAssetsHome.class.getName()).directory(work.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        assertFalse(printed.startsWith(planted.toString()), "found the planted folder: " + printed);
        assertTrue(Files.isDirectory(Path.of(printed, "sample-models")), printed);
    }

    record Run(int exitCode, String output, double seconds) {
    }

    /** The CLI in a JVM of 256 MB heap, as a person would start it. */
    private Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.glassbox.app.Launcher"));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in bounded time");
        return new Run(p.exitValue(), output, (System.nanoTime() - start) / 1e9);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aZipBombIsRefusedWithExitCode2UnderASmallHeap() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) ' ');
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("configuration.json"));
            for (int i = 0; i < 1024; i++) {
                out.write(block);
            }
            out.closeEntry();
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            out.closeEntry();
        }
        assertTrue(Files.size(bomb) < 4 << 20, "a small file that expands to 1 GB");
        Run run = cli("evaluate", "--model", bomb.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("bomb.zip: configuration.json expands to more than 16 MB"), run.output());
        assertFalse(run.output().contains("\tat "), run.output());
        assertFalse(Files.exists(dir.resolve("out")), "a failed run leaves no output folder");
    }

    @Test
    void anImageThatDeclaresFourHundredMegapixelsIsRefusedBeforeDecoding() throws Exception {
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(20_000, 20_000));
        Run run = cli("watermark", "image-embed", "--image", huge.toString(), "--out", dir.resolve("marked.png").toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("huge.png is 20,000 × 20,000 pixels (400 megapixels); Glassbox reads images of up"
                + " to 40 megapixels"), run.output());
        assertFalse(Files.exists(dir.resolve("marked.png")));
    }

    @Test
    void anOversizedRegionMapIsRefusedWithItsRange() throws Exception {
        Run run = cli("regions", "--model", "toy-xor", "--size", "200000", "--out", dir.resolve("map").toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("'--size': Picture size must be between 16 and 8192; it is 200000."), run.output());
        assertFalse(Files.exists(dir.resolve("map")));
    }

    /** A PNG signature, an IHDR chunk declaring width × height RGB pixels, a tiny IDAT and IEND. */
    static byte[] pngHeaderOnly(int width, int height) throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int n = deflater.deflate(idat);
        chunk(png, "IDAT", java.util.Arrays.copyOf(idat, n));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
