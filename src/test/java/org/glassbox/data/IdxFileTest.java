package org.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void theBundledFashionMnistSubsetHasTheDocumentedSizesAndLabels() throws IOException {
        Assets assets = Assets.locate();
        LabeledImages train = FashionMnist.train(assets);
        LabeledImages test = FashionMnist.test(assets);
        assertEquals(10_000, train.size());
        assertEquals(2_000, test.size());
        assertEquals(28, test.height());
        assertEquals(28, test.width());
        int[] perClass = new int[10];
        for (int label : test.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(perClass[c] > 150, "class " + c + " has " + perClass[c] + " test images");
        }
        double max = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                max = Math.max(max, test.pixel(0, r, c));
            }
        }
        assertTrue(max > 0.5 && max <= 1.0, "pixels are scaled to [0, 1]");
    }

    @Test
    void aFileShorterThanItsHeaderDeclaresIsReportedAsTruncated() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 10);
        b.putInt(0x00000801).putInt(100).put(new byte[10]);
        Path file = dir.resolve("labels-idx1-ubyte");
        Files.write(file, b.array());
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aFileWithAnotherMagicNumberIsRefused() throws IOException {
        Path file = dir.resolve("x.idx");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }
}
