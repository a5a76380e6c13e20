package org.glassbox.engine;

import java.util.concurrent.Executor;

/** Where jobs run: pooled daemon threads for the app, the calling thread for tests and the CLI. */
public final class JobExecutors {

    private JobExecutors() {
    }

    /**
     * Background threads, reused from one job to the next: native memory freed by one job is then
     * reused by the next on the same thread, where a new thread per job spread it over more and
     * more of the C library's per-thread allocation arenas, and resident memory crept up with every job.
     */
    private static final java.util.concurrent.ExecutorService BACKGROUND = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "glassbox-job");
        t.setDaemon(true);
        return t;
    });

    /** Threads for work a job splits (shadow models trained side by side): one per core, for the whole app. */
    private static final java.util.concurrent.ExecutorService PARALLEL = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "glassbox-parallel");
                t.setDaemon(true);
                return t;
            });

    public static Executor background() {
        return command -> BACKGROUND.execute(releasingNativeMemory(command));
    }

    /** Where a job runs the parts it splits across the cores; each part's ND4J workspaces are destroyed when it ends. */
    public static <T> java.util.concurrent.Future<T> parallel(java.util.concurrent.Callable<T> part) {
        return PARALLEL.submit(() -> {
            try {
                return part.call();
            } finally {
                org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            }
        });
    }

    /**
     * The command, then the ND4J workspaces of the thread it ran on destroyed. ND4J keeps its
     * workspaces (off-heap buffers sized to the largest activations seen) per thread; a thread
     * that ends without destroying them leaves them allocated until a garbage collection that a
     * small heap may not need for a long time, so that resident memory grew by hundreds of
     * megabytes with every job.
     */
    public static Runnable releasingNativeMemory(Runnable command) {
        return () -> {
            try {
                command.run();
            } finally {
                org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            }
        };
    }

    public static Executor callingThread() {
        return Runnable::run;
    }
}
