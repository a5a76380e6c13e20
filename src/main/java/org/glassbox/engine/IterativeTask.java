package org.glassbox.engine;

/**
 * A computation that advances one iteration at a time. A {@link Job} drives it from a single
 * background thread, so implementations need no synchronisation of their own. Everything random
 * inside a task must come from the seed it was built with, so that the same seed gives the same
 * snapshots.
 *
 * @param <S> the immutable snapshot published after each iteration
 */
public interface IterativeTask<S> {

    /** Number of iterations the task runs when nothing stops it. */
    int iterations();

    /** Runs iteration {@code index} (counting from zero) and returns what a view should draw now. */
    S step(int index) throws Exception;

    /**
     * Whether the task has nothing left to do before {@link #iterations()} is reached: for tasks
     * whose length is known only as a bound (a search that stops when it is done).
     */
    default boolean finished() {
        return false;
    }

    /**
     * The share of the work done after {@code completed} iterations, for the progress bar. A task
     * whose length is only bounded estimates it; the default is completed / iterations.
     */
    default double progress(int completed) {
        return iterations() == 0 ? 1.0 : (double) completed / iterations();
    }

    /** Whether {@link #iterations()} is only an upper bound (the task may finish sooner). */
    default boolean bounded() {
        return false;
    }
}
