package org.glassbox.models;

/**
 * What a network takes as one example. {@code FLAT} is a vector; {@code IMAGE_FLAT} is a
 * flattened image that the network reshapes itself; {@code NCHW} and {@code NHWC} are 4-D image
 * batches whose height and width the network may leave open (then they are -1); {@code WORD_IDS}
 * is a sequence of word indices of any length into a vocabulary of {@code flatSize} words.
 */
public record InputShape(Layout layout, long flatSize, int channels, int height, int width) {

    public enum Layout { FLAT, IMAGE_FLAT, NCHW, NHWC, WORD_IDS }

    public static InputShape flat(long size) {
        return new InputShape(Layout.FLAT, size, -1, -1, -1);
    }

    public static InputShape wordIds(long vocabulary) {
        return new InputShape(Layout.WORD_IDS, vocabulary, -1, -1, -1);
    }

    public static InputShape flatImage(int channels, int height, int width) {
        return new InputShape(Layout.IMAGE_FLAT, (long) channels * height * width, channels, height, width);
    }

    public static InputShape image(Layout layout, int channels, int height, int width) {
        long flat = height > 0 && width > 0 ? (long) channels * height * width : -1;
        return new InputShape(layout, flat, channels, height, width);
    }

    public boolean isImage() {
        return layout != Layout.FLAT && layout != Layout.WORD_IDS;
    }

    /**
     * The array shape of a batch of n examples: of images of the given size for an image network, of
     * the network's own width for a vector, of one word for a sequence of word ids.
     */
    public long[] batchShape(int n, int imageChannels, int imageHeight, int imageWidth) {
        return switch (layout) {
            case FLAT -> new long[] {n, flatSize > 0 ? flatSize : (long) imageChannels * imageHeight * imageWidth};
            case IMAGE_FLAT -> new long[] {n, (long) imageChannels * imageHeight * imageWidth};
            case WORD_IDS -> new long[] {n, 1};
            case NCHW -> new long[] {n, imageChannels, imageHeight, imageWidth};
            case NHWC -> new long[] {n, imageHeight, imageWidth, imageChannels};
        };
    }

    public String describe() {
        String size = height > 0 ? height + "×" + width + "×" + channels : "any size, " + channels + " channel(s)";
        return switch (layout) {
            case FLAT -> flatSize + " values";
            case IMAGE_FLAT -> "a " + size + " image as " + flatSize + " values";
            case NCHW, NHWC -> "images (" + size + ", " + layout + ")";
            case WORD_IDS -> String.format(java.util.Locale.ROOT, "a sequence of word ids (vocabulary of %,d words)", flatSize);
        };
    }
}
