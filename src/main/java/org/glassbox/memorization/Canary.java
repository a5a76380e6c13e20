package org.glassbox.memorization;

/** A secret of the run's format and how many times it is written into the training text. */
public record Canary(long secret, int repetitions, String text) {
}
