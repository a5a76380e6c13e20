package org.glassbox.engine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an {@link IterativeTask} on a background thread and lets any other thread watch and steer it.
 *
 * <p>Pause, step and cancel take effect at iteration boundaries: an iteration that has started
 * always finishes. Each iteration's snapshot becomes {@link #latest()} and goes into a bounded
 * {@link SnapshotHistory}. Views poll {@code latest()} once per frame instead of being called for
 * every snapshot, so a task that publishes thousands of snapshots a second cannot flood them.
 */
public final class Job<S> {

    private final String name;
    private final long seed;
    private final IterativeTask<S> task;
    private final SnapshotHistory<S> history;
    private final List<Consumer<JobState>> stateListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JobState> finished = new CompletableFuture<>();

    private final Object lock = new Object();
    private boolean pauseRequested;
    private boolean cancelRequested;
    private int stepPermits;

    private volatile JobState state = JobState.READY;
    private volatile Frame<S> latest;
    private volatile int completed;
    private volatile UserMessage failure;
    private volatile long startNanos;
    private volatile long elapsedNanos;
    /** A wait after each iteration, so that a class can follow a job that would be over in a second (0: full speed). */
    private volatile long paceMillis;

    public Job(String name, long seed, IterativeTask<S> task, int historyCapacity) {
        this.name = Objects.requireNonNull(name);
        this.seed = seed;
        this.task = Objects.requireNonNull(task);
        this.history = new SnapshotHistory<>(historyCapacity);
    }

    public Job(String name, long seed, IterativeTask<S> task) {
        this(name, seed, task, 512);
    }

    /** Starts the job on the executor. A job runs once. */
    public Job<S> start(Executor executor) {
        synchronized (lock) {
            if (state != JobState.READY) {
                throw new IllegalStateException("job '" + name + "' was already started");
            }
            state = JobState.RUNNING;
        }
        executor.execute(this::run);
        return this;
    }

    /** Starts the job paused: nothing runs until {@link #resume()} or {@link #step()}. */
    public Job<S> startPaused(Executor executor) {
        synchronized (lock) {
            pauseRequested = true;
        }
        return start(executor);
    }

    private void run() {
        startNanos = System.nanoTime();
        fire(JobState.RUNNING);
        int total = task.iterations();
        try {
            for (int i = 0; i < total; i++) {
                if (!awaitPermissionToRun()) {
                    finish(JobState.CANCELLED);
                    return;
                }
                S snapshot = task.step(i);
                Frame<S> frame = new Frame<>(i + 1, snapshot);
                latest = frame;
                history.add(frame);
                completed = i + 1;
                elapsedNanos = System.nanoTime() - startNanos;
                if (task.finished()) {
                    break;
                }
                if (!pace()) {
                    finish(JobState.CANCELLED);
                    return;
                }
            }
            finish(JobState.SUCCEEDED);
        } catch (Throwable t) {
            failure = Failures.describe(t);
            finish(JobState.FAILED);
            if (t instanceof Error e && !(t instanceof OutOfMemoryError)) {
                throw e;
            }
        }
    }

    /** Blocks while paused; returns false when the job is to stop. */
    /** Waits {@link #paceMillis} (woken early by cancel); false if the job was cancelled meanwhile. */
    private boolean pace() throws InterruptedException {
        long end = System.nanoTime() + paceMillis * 1_000_000;
        synchronized (lock) {
            while (!cancelRequested) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return true;
                }
                lock.wait(left);
            }
            return false;
        }
    }

    /** Sets the wait after each iteration (0: full speed); takes effect from the next iteration. */
    public void setPaceMillis(long millis) {
        if (millis < 0 || millis > 60_000) {
            throw new IllegalArgumentException("pace " + millis + " ms");
        }
        paceMillis = millis;
    }

    public long paceMillis() {
        return paceMillis;
    }

    private boolean awaitPermissionToRun() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (cancelRequested) {
                    return false;
                }
                if (!pauseRequested) {
                    setState(JobState.RUNNING);
                    return true;
                }
                if (stepPermits > 0) {
                    stepPermits--;
                    return true;
                }
                setState(JobState.PAUSED);
                lock.wait();
            }
        }
    }

    private void setState(JobState next) {
        if (state != next) {
            state = next;
            fire(next);
        }
    }

    private void finish(JobState last) {
        elapsedNanos = System.nanoTime() - startNanos;
        synchronized (lock) {
            state = last;
        }
        fire(last);
        finished.complete(last);
    }

    private void fire(JobState s) {
        for (Consumer<JobState> listener : stateListeners) {
            listener.accept(s);
        }
    }

    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            stepPermits = 0;
            lock.notifyAll();
        }
    }

    /** While paused, runs exactly one more iteration and pauses again. */
    public void step() {
        synchronized (lock) {
            pauseRequested = true;
            stepPermits++;
            lock.notifyAll();
        }
    }

    public void cancel() {
        synchronized (lock) {
            cancelRequested = true;
            lock.notifyAll();
        }
    }

    /** Called on the job's thread or whichever thread changes state; keep listeners short. */
    public void addStateListener(Consumer<JobState> listener) {
        stateListeners.add(listener);
    }

    public JobState await(long timeout, TimeUnit unit) throws Exception {
        return finished.get(timeout, unit);
    }

    public CompletableFuture<JobState> completion() {
        return finished;
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    public JobState state() {
        return state;
    }

    /** The newest frame, or null before the first iteration has finished. */
    public Frame<S> latest() {
        return latest;
    }

    public List<Frame<S>> history() {
        return history.frames();
    }

    public int completedIterations() {
        return completed;
    }

    public int totalIterations() {
        return task.iterations();
    }

    /** Whether the total is only a bound: the task stops when its work is done. */
    public boolean openEnded() {
        return task.bounded();
    }

    /** The share of iterations done; 1 once the job succeeded, also when the task finished before its bound. */
    public double progress() {
        return state == JobState.SUCCEEDED ? 1.0 : Math.min(1.0, task.progress(completed));
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Why the job failed, or null if it did not. */
    public UserMessage failure() {
        return failure;
    }
}
