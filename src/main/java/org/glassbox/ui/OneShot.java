package org.glassbox.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A piece of background work that is not iterative (open a model file, read a data set): run on
 * the page's executor, its result or failure handed back on the FX thread.
 */
public final class OneShot {

    private OneShot() {
    }

    public static <T> void run(Executor executor, Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                onFx(() -> onResult.accept(result));
            } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError e) {
                onFx(() -> onFailure.accept(e));
            }
        });
    }

    /** Runs now when already on the FX thread (a calling-thread executor in a test), else later on it. */
    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
