package org.glassbox.models.samples;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** The recipe of one bundled model: its network and what to train it on, for how long. */
public record SampleModel(String id, String title, String description, String architecture, String task,
                          String dataset, int epochs, int batchSize, Recipe recipe) {

    @FunctionalInterface
    public interface Recipe {
        MultiLayerConfiguration configuration(long seed);
    }
}
