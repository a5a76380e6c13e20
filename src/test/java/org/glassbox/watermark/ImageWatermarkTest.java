package org.glassbox.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.glassbox.data.Assets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageWatermarkTest {

    private static BufferedImage coffee;

    @BeforeAll
    static void load() throws Exception {
        coffee = ImageAttack.rgb(ImageIO.read(Assets.locate().assets().resolve("photos/coffee.png").toFile()));
    }

    @Test
    void withNoAttackEveryBitDecodesAndTheMarkIsInvisible() {
        ImageWatermark mark = new ImageWatermark();
        for (long seed = 1; seed <= 3; seed++) {
            boolean[] bits = ImageWatermark.randomPayload(64, seed);
            BufferedImage marked = mark.embed(coffee, bits);
            assertArrayEquals(bits, mark.decode(marked, 64).bits(), "seed " + seed);
            assertTrue(ImageAttack.psnr(coffee, marked) > 38, "PSNR " + ImageAttack.psnr(coffee, marked));
        }
    }

    @Test
    void theSameSeedGivesTheSameImage() {
        ImageWatermark mark = new ImageWatermark();
        BufferedImage a = mark.embed(coffee, ImageWatermark.randomPayload(32, 9));
        BufferedImage b = mark.embed(coffee, ImageWatermark.randomPayload(32, 9));
        assertEquals(Double.POSITIVE_INFINITY, ImageAttack.psnr(a, b));
    }

    @Test
    void jpegKeepsTheMarkOnlyWhenColourIsNotSubsampled() {
        ImageWatermark mark = new ImageWatermark();
        boolean[] bits = ImageWatermark.sdxlPayload();
        BufferedImage marked = mark.embed(coffee, bits);
        assertEquals(1.0, mark.decode(ImageAttack.jpeg(marked, 75, false), 48).accuracyAgainst(bits), "4:4:4 keeps U whole");
        assertTrue(mark.decode(ImageAttack.jpeg(marked, 75, true), 48).accuracyAgainst(bits) < 0.75,
                "4:2:0 halves U and with it the mark");
        assertEquals(1.0, mark.decode(ImageAttack.noise(marked, 0.02, 3), 48).accuracyAgainst(bits), "mild noise is outvoted");
    }

    @Test
    void anImageTooSmallForThePayloadIsRefusedSayingWhy() {
        BufferedImage tiny = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageWatermark().embed(tiny, new boolean[48]));
        assertTrue(e.getMessage().contains("25 blocks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageWatermark.fromText("10x1"));
    }
}
