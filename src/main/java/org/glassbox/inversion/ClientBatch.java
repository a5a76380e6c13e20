package org.glassbox.inversion;

/**
 * The images a client computes its gradient on, pixels in [0, 1], flattened, with their labels.
 * The first {@code watched} are the ones the person chose to watch; any after them were added by
 * the aggregation defense and are reconstructed too, but scored only as candidates.
 */
public record ClientBatch(double[][] images, int[] labels, int height, int width, int watched) {

    public ClientBatch {
        if (images.length < 1 || images.length > Assignment.MAX_SIZE || images.length != labels.length) {
            throw new IllegalArgumentException("a batch needs 1 to " + Assignment.MAX_SIZE + " images, each with a label");
        }
        if (watched < 1 || watched > images.length) {
            throw new IllegalArgumentException("watched images must be 1 to " + images.length + ", was " + watched);
        }
        double[][] copies = new double[images.length][];
        for (int k = 0; k < images.length; k++) {
            if (images[k].length != height * width) {
                throw new IllegalArgumentException("image " + k + " has " + images[k].length + " pixels, not " + height + "×" + width);
            }
            copies[k] = images[k].clone();
        }
        images = copies;
        labels = labels.clone();
    }

    /** A batch whose images are all watched. */
    public static ClientBatch of(double[][] images, int[] labels, int height, int width) {
        return new ClientBatch(images, labels, height, width, images.length);
    }

    public int size() {
        return images.length;
    }

    public int pixels() {
        return height * width;
    }

    /** The watched images' labels. */
    public int[] watchedLabels() {
        return java.util.Arrays.copyOf(labels, watched);
    }
}
