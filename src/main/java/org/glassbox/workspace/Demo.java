package org.glassbox.workspace;

import org.glassbox.experiment.Experiment;

/**
 * A one-click demonstration: an experiment of the workspace that succeeds convincingly within
 * about 30 seconds on a laptop, with its name in the Demos menu and what it shows, in a sentence
 * a teacher could say while it runs.
 */
public record Demo(String name, String shows, Experiment experiment) {
}
