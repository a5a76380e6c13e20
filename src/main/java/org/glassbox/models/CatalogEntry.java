package org.glassbox.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One bundled model: what it is, how it was trained and how well it does. Written by
 * {@code glassbox train-samples}, read by the app and the CLI.
 *
 * @param task       {@code image-classifier}, {@code toy-classifier} or {@code regression}
 * @param dataset    the data set it was trained on
 * @param evaluation the data set its metrics were measured on
 * @param metrics    e.g. {@code testAccuracy}, {@code testLoss}
 */
public record CatalogEntry(String id, String file, String title, String description, String architecture,
                           String task, String dataset, String evaluation, long parameters, long seed,
                           String training, String trainingCommand, Map<String, Double> metrics) {

    public CatalogEntry {
        metrics = Map.copyOf(metrics);
    }

    @JsonIgnore
    public boolean isImageClassifier() {
        return "image-classifier".equals(task);
    }

    @Override
    public String toString() {
        return title;
    }
}
