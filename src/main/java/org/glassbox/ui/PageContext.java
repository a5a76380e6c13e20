package org.glassbox.ui;

import java.util.concurrent.Executor;
import org.glassbox.data.Assets;
import org.glassbox.engine.JobExecutors;

/**
 * What a page is given by the shell: the bundled data, and the executor its background work runs
 * on (jobs, loading a file, recomputing a view). The app gives a background thread per task; a
 * test gives the calling thread, so work finishes before the call returns and nothing polls.
 */
public record PageContext(Assets assets, Executor executor) {

    public static PageContext background(Assets assets) {
        return new PageContext(assets, JobExecutors.background());
    }
}
