package org.glassbox.regions;

/**
 * The colours of a region map as 0xRRGGBB, shared by the on-screen view and the PNG export so
 * that both show the same picture.
 */
public final class RegionColors {

    /** Edge colours by hidden layer: blue, red, gold, then green, purple, teal, brown, grey. */
    private static final int[] LAYERS = {0x1f5fbf, 0xc0392b, 0xc99a06, 0x2e8b57, 0x7d3c98, 0x138d90, 0x8e5a2b, 0x555555};
    private static final int[] CLASSES = {0xe67e22, 0x2e86c1, 0x27ae60, 0x8e44ad, 0xc0392b, 0x16a085, 0xd4ac0d, 0x7f8c8d,
            0xe84393, 0x34495e};

    private RegionColors() {
    }

    public static int layer(int layer) {
        return LAYERS[layer % LAYERS.length];
    }

    public static int category(int label) {
        return CLASSES[label % CLASSES.length];
    }

    /** The largest slope norm in a map, the scale of {@link Coloring#SLOPE}. */
    public static double maxSlope(RegionMap map) {
        double max = 0;
        for (Region r : map.regions()) {
            max = Math.max(max, r.slopeNorm());
        }
        return max;
    }

    public static int fill(Region r, Coloring coloring, double maxSlope) {
        return switch (coloring) {
            case PATTERN -> {
                int hash = r.patternHash();
                double hue = Math.floorMod(hash, 360);
                double saturation = 0.25 + 0.2 * (Math.floorMod(hash >> 9, 100) / 100.0);
                yield java.awt.Color.HSBtoRGB((float) (hue / 360), (float) saturation, 0.97f) & 0xFFFFFF;
            }
            case SLOPE -> mix(0x16215c, 0xf7e34b, maxSlope == 0 ? 0 : Math.log1p(r.slopeNorm()) / Math.log1p(maxSlope));
            case CLASS -> {
                double[] c = r.centroid();
                double[] logits = r.logits(c[0], c[1]);
                int best = 0;
                for (int k = 1; k < logits.length; k++) {
                    if (logits[k] > logits[best]) {
                        best = k;
                    }
                }
                double sum = 0;
                for (double l : logits) {
                    sum += Math.exp(l - logits[best]);
                }
                double confidence = logits.length < 2 ? 1 : 1 / sum;
                yield mix(0xffffff, category(best), 0.15 + 0.6 * confidence);
            }
        };
    }

    /** Linear mix of two colours: a at t = 0, b at t = 1. */
    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
