package org.glassbox.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.glassbox.data.Assets;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.RunRecord;

/**
 * Runs work to its end on the calling thread, without a window: the CLI, {@code glassbox run},
 * the sample trainer and the benchmarks use it instead of loops of their own.
 */
public final class HeadlessRunner {

    private HeadlessRunner() {
    }

    /**
     * Steps {@code task} until its iterations are done or it says it has {@link IterativeTask#finished()},
     * handing each snapshot to {@code each}; stops with {@link InterruptedException} when the thread is interrupted.
     *
     * @return the last snapshot, or null for a task of no iterations
     */
    public static <T> T runToEnd(IterativeTask<T> task, Consumer<? super T> each) throws Exception {
        T last = null;
        for (int i = 0; i < task.iterations() && !task.finished(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled after " + i + " of " + task.iterations() + " steps");
            }
            last = task.step(i);
            each.accept(last);
        }
        return last;
    }

    public static <T> T runToEnd(IterativeTask<T> task) throws Exception {
        return runToEnd(task, s -> { });
    }

    /** What a headless run of an experiment gave. */
    public record Outcome<T>(T last, RunTiming timing, RunRecord record, java.util.List<String> summary) {
    }

    /**
     * Prepares the experiment, runs it to its end (progress lines to {@code lines}), writes its
     * results into {@code out} (unless it is null) and returns them with the summary.
     */
    public static <T> Outcome<T> run(Workspace<?, T> workspace, Experiment experiment, Path base, Path out, Assets assets,
                                     Consumer<String> lines) throws Exception {
        PreparedRun<T> run = workspace.prepare(experiment, base, assets);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        int[] completed = {0};
        T last = runToEnd(run.task(), s -> {
            completed[0]++;
            run.observe(s);
            String line = run.progress(s, completed[0]);
            if (line != null) {
                lines.accept(line);
            }
        });
        if (last == null) {
            throw new IllegalStateException(workspace.title() + ": the experiment has no steps to run");
        }
        RunTiming timing = new RunTiming(started, (System.nanoTime() - t0) / 1e9);
        RunRecord record = out == null ? null : run.write(out, last, timing);
        java.util.List<String> summary = run.summary(last, timing);
        summary.forEach(lines);
        if (record != null) {
            lines.accept("wrote " + String.join(", ", record.files()) + " to " + out.toAbsolutePath());
        }
        return new Outcome<>(last, timing, record, summary);
    }
}
