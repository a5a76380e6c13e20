package org.glassbox.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to run: a workspace, a model (a catalog id or a file path, relative paths taken from the
 * experiment file's folder), a data set, the workspace's parameters and a seed. Same experiment,
 * same seed, same result.
 */
public record Experiment(int format, String workspace, String model, String data, JsonNode parameters, long seed) {

    public static final int FORMAT = 1;
}
