package org.glassbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one run, kept within a fixed capacity however long the run is. When the buffer
 * fills, every second frame is dropped and from then on only every {@code stride}-th iteration is
 * kept, so the history always spans the whole run at an even spacing; the most recent frame is
 * always kept too, so the end of a run can be scrubbed to exactly.
 */
public final class SnapshotHistory<S> {

    private final int capacity;
    private final List<Frame<S>> frames = new ArrayList<>();
    private int stride = 1;
    private Frame<S> newest;

    public SnapshotHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(Frame<S> frame) {
        newest = frame;
        if (frame.iteration() % stride != 0) {
            return;
        }
        if (frames.size() == capacity) {
            thin();
        }
        if (frame.iteration() % stride == 0) {
            frames.add(frame);
        }
    }

    private void thin() {
        stride *= 2;
        frames.removeIf(f -> f.iteration() % stride != 0);
    }

    /** Kept frames in iteration order, ending with the newest frame. */
    public synchronized List<Frame<S>> frames() {
        List<Frame<S>> copy = new ArrayList<>(frames);
        if (newest != null && (copy.isEmpty() || copy.get(copy.size() - 1) != newest)) {
            copy.add(newest);
        }
        return List.copyOf(copy);
    }

    public int capacity() {
        return capacity;
    }
}
