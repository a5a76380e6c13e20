package org.glassbox.models;

/**
 * What a network takes as one example. {@code FLAT} is a vector; {@code IMAGE_FLAT} is a
 * flattened image that the network reshapes itself; {@code NCHW} and {@code NHWC} are 4-D image
 * batches whose height and width the network may leave open (then they are -1).
 */
public record InputShape(Layout layout, long flatSize, int channels, int height, int width) {

    public enum Layout { FLAT, IMAGE_FLAT, NCHW, NHWC }

    public static InputShape flat(long size) {
        return new InputShape(Layout.FLAT, size, -1, -1, -1);
    }

    public static InputShape flatImage(int channels, int height, int width) {
        return new InputShape(Layout.IMAGE_FLAT, (long) channels * height * width, channels, height, width);
    }

    public static InputShape image(Layout layout, int channels, int height, int width) {
        long flat = height > 0 && width > 0 ? (long) channels * height * width : -1;
        return new InputShape(layout, flat, channels, height, width);
    }

    public boolean isImage() {
        return layout != Layout.FLAT;
    }

    /** The array shape of a batch of n examples. */
    public long[] batchShape(int n, int imageChannels, int imageHeight, int imageWidth) {
        return switch (layout) {
            case FLAT, IMAGE_FLAT -> new long[] {n, (long) imageChannels * imageHeight * imageWidth};
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
        };
    }
}
