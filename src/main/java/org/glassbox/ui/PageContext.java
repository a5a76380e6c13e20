package org.glassbox.ui;

import java.util.concurrent.Executor;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;

/**
 * What a page is given by the shell: the bundled data, and the executor its background work runs
 * on (jobs, loading a file, recomputing a view). The app gives a background thread per task; a
 * test gives the calling thread, so work finishes before the call returns and nothing polls. The
 * board is the app's list of running jobs, one per workspace.
 */
public record PageContext(Assets assets, Executor executor, JobBoard board) {

    /** A context with a board of its own (a page alone, as in a test). */
    public PageContext(Assets assets, Executor executor) {
        this(assets, executor, new JobBoard());
    }

    public static PageContext background(Assets assets) {
        return background(assets, new JobBoard());
    }

    /** The app's context: background threads, and the board every page's jobs are on. */
    public static PageContext background(Assets assets, JobBoard board) {
        return new PageContext(assets, JobExecutors.background(), board);
    }
}
