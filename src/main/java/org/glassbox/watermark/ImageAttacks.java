package org.glassbox.watermark;

import java.awt.image.BufferedImage;

/**
 * A chain of image distortions, each off at its neutral value, applied in a fixed order
 * (geometry, then photometry, then noise, then JPEG last, as an image is usually saved).
 *
 * @param jpegQuality   100 or more: no JPEG round trip
 * @param subsampleChroma JPEG colour subsampling 4:2:0 (true) or 4:4:4 (false)
 * @param resize        1: no resize
 * @param cropKeep      1: no crop
 * @param noiseSigma    0: no noise (in units of the full 0–255 range)
 * @param brightness    1: unchanged
 * @param rotation      degrees, 0: none
 */
public record ImageAttacks(int jpegQuality, boolean subsampleChroma, double resize, double cropKeep, double noiseSigma,
                           double brightness, double rotation) {

    public static final ImageAttacks NONE = new ImageAttacks(100, true, 1, 1, 0, 1, 0);

    public BufferedImage apply(BufferedImage image, long seed) {
        BufferedImage out = image;
        if (rotation != 0) {
            out = ImageAttack.rotate(out, rotation);
        }
        if (cropKeep < 1) {
            out = ImageAttack.crop(out, cropKeep);
        }
        if (resize != 1) {
            out = ImageAttack.resize(out, resize);
        }
        if (brightness != 1) {
            out = ImageAttack.brightness(out, brightness);
        }
        if (noiseSigma > 0) {
            out = ImageAttack.noise(out, noiseSigma, seed);
        }
        if (jpegQuality < 100) {
            out = ImageAttack.jpeg(out, jpegQuality, subsampleChroma);
        }
        return out;
    }
}
