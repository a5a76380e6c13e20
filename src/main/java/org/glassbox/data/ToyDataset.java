package org.glassbox.data;

import java.util.Locale;
import java.util.Random;

/**
 * Two-dimensional toy classification sets for teaching (the kinds TensorFlow Playground offers).
 * Each point is drawn from a seeded generator, so one seed gives one data set.
 */
public enum ToyDataset {
    SPIRAL, CIRCLES, XOR, MOONS, BLOBS;

    /** Points with their class (0 or 1), coordinates roughly within [-1, 1]. */
    public record Points(double[][] xy, int[] labels) {
        public int size() {
            return labels.length;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToyDataset byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public Points generate(int count, double noise, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("a toy data set needs at least 2 points, was " + count);
        }
        if (noise < 0 || noise > 1) {
            throw new IllegalArgumentException("noise must be within [0, 1], was " + noise);
        }
        Random random = new Random(seed);
        double[][] xy = new double[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            labels[i] = label;
            xy[i] = point(label, i / 2, (count + 1) / 2, random);
            xy[i][0] += noise * random.nextGaussian() * 0.25;
            xy[i][1] += noise * random.nextGaussian() * 0.25;
        }
        return new Points(xy, labels);
    }

    private double[] point(int label, int k, int perClass, Random r) {
        return switch (this) {
            case SPIRAL -> {
                // Two interleaved arms: radius grows linearly with the angle; the second arm is turned by pi.
                double t = (double) k / perClass;
                double angle = 1.75 * t * 2 * Math.PI + label * Math.PI;
                yield new double[] {t * Math.cos(angle), t * Math.sin(angle)};
            }
            case CIRCLES -> {
                double radius = label == 0 ? 0.35 * r.nextDouble() : 0.65 + 0.3 * r.nextDouble();
                double angle = 2 * Math.PI * r.nextDouble();
                yield new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            }
            case XOR -> {
                double x = 2 * r.nextDouble() - 1;
                double y = 2 * r.nextDouble() - 1;
                // Keep points off the axes so the four quadrants stay separable.
                x += Math.signum(x) * 0.05;
                y += Math.signum(y) * 0.05;
                boolean sameSign = x * y > 0;
                if ((label == 0) != sameSign) {
                    y = -y;
                }
                yield new double[] {x, y};
            }
            case MOONS -> {
                double angle = Math.PI * r.nextDouble();
                yield label == 0
                        ? new double[] {Math.cos(angle) - 0.5, Math.sin(angle) - 0.25}
                        : new double[] {0.5 - Math.cos(angle), 0.25 - Math.sin(angle)};
            }
            case BLOBS -> {
                double cx = label == 0 ? -0.5 : 0.5;
                yield new double[] {cx + 0.2 * r.nextGaussian(), cx + 0.2 * r.nextGaussian()};
            }
        };
    }
}
