package org.glassbox.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.RunRecord;

/** An experiment made ready to run: its task, and how its results are written and summed up when it ends. */
public interface PreparedRun<T> {

    IterativeTask<T> task();

    /** Sees every snapshot in order, for runs whose results need more than the last one (a strip over time). */
    default void observe(T snapshot) {
    }

    /** A line for the terminal while the run goes, or null for none. */
    default String progress(T snapshot, int completed) {
        return null;
    }

    /** Writes the finished run's files into {@code out} atomically (run.json last) and returns its record. */
    RunRecord write(Path out, T last, RunTiming timing) throws IOException;

    /** The figures of the finished run, a line each, as the CLI prints them. */
    List<String> summary(T last, RunTiming timing);
}
