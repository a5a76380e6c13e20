package org.glassbox.engine;

import java.util.concurrent.Executor;

/** Where jobs run: one daemon thread per job for the app, the calling thread for tests and the CLI. */
public final class JobExecutors {

    private JobExecutors() {
    }

    public static Executor background() {
        return command -> {
            Thread t = new Thread(command, "glassbox-job");
            t.setDaemon(true);
            t.start();
        };
    }

    public static Executor callingThread() {
        return Runnable::run;
    }
}
