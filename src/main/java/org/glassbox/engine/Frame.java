package org.glassbox.engine;

/** A snapshot together with the number of iterations completed when it was published. */
public record Frame<S>(int iteration, S snapshot) {
}
