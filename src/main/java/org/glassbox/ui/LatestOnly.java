package org.glassbox.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * Runs a computation on a background thread for the newest request only: requests that arrive
 * while one is computing replace each other, and only the last is computed next. Results are
 * handed over on the FX thread. For views that recompute on every mouse-wheel tick.
 */
public final class LatestOnly<T, R> {

    private final Function<T, R> compute;
    private final Consumer<R> onResult;
    private final Consumer<Throwable> onFailure;
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glassbox-latest-only");
        t.setDaemon(true);
        return t;
    });

    public LatestOnly(Function<T, R> compute, Consumer<R> onResult, Consumer<Throwable> onFailure) {
        this.compute = compute;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    public void submit(T request) {
        if (pending.getAndSet(request) == null) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        T request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        try {
            R result = compute.apply(request);
            Platform.runLater(() -> onResult.accept(result));
        } catch (RuntimeException | OutOfMemoryError e) {
            Platform.runLater(() -> onFailure.accept(e));
        }
    }
}
