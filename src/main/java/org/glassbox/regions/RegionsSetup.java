package org.glassbox.regions;

import org.glassbox.experiment.Param;

/**
 * What an experiment of the Linear regions workspace holds as its parameters, besides the model
 * (a catalog id or file, or {@link RegionsWorkspace#TRAIN_HERE} with a toy data set as its data) and the seed.
 */
public record RegionsSetup(
        @Param(label = "Hidden widths", description = "When training here: the hidden layers' widths, e.g. 16, 16, 16.")
        String hidden,
        @Param(label = "Training", description = "When training here: points, noise, learning rate, batch, L2, steps per frame, frames.")
        PlaygroundParameters training,
        @Param(label = "Test images", description = "For 784-input models: the three test images the plane passes through.")
        int[] images,
        @Param(label = "Window", description = "uMin, uMax, vMin, vMax of the map (none: the model's usual view).")
        double[] window,
        @Param(label = "Colouring", description = "How regions are coloured: PATTERN, SLOPE or CLASS.", flags = "--color")
        Coloring coloring,
        @Param(label = "Picture size", description = "The region map picture's width and height in pixels.", min = 16, max = 8192)
        int size) {

    public static RegionsSetup defaults() {
        return new RegionsSetup("16, 16, 16", new PlaygroundParameters(400, 0.1, 0.01, 20, 0, 10, 200), new int[] {0, 1, 2}, null,
                Coloring.PATTERN, 900);
    }
}
