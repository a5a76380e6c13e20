package org.glassbox.engine;

import java.util.concurrent.Executor;

/** Where jobs run: one daemon thread per job for the app, the calling thread for tests and the CLI. */
public final class JobExecutors {

    private JobExecutors() {
    }

    public static Executor background() {
        return command -> {
            Thread t = new Thread(releasingNativeMemory(command), "glassbox-job");
            t.setDaemon(true);
            t.start();
        };
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
