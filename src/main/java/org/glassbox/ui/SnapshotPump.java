package org.glassbox.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import org.glassbox.engine.Frame;

/**
 * Once per animation pulse, takes the newest frame from a source and hands it to a view if it
 * changed since the last pulse. However fast a job publishes, the FX thread does at most one
 * redraw per frame, and frames published in between are skipped, never queued.
 */
public final class SnapshotPump<S> extends AnimationTimer {

    private final Supplier<Frame<S>> source;
    private final Consumer<Frame<S>> view;
    private Frame<S> shown;
    private long redraws;

    public SnapshotPump(Supplier<Frame<S>> source, Consumer<Frame<S>> view) {
        this.source = source;
        this.view = view;
    }

    @Override
    public void handle(long now) {
        Frame<S> latest = source.get();
        if (latest != null && latest != shown) {
            shown = latest;
            redraws++;
            view.accept(latest);
        }
    }

    /** How many times the view was redrawn. */
    public long redraws() {
        return redraws;
    }
}
