package org.glassbox.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobExecutors;
import org.glassbox.engine.JobState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A job that publishes far more snapshots than the screen can show must not flood the FX thread:
 * the view is redrawn at most once per pulse, and the FX thread keeps answering.
 */
class SnapshotPumpTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aFloodOfSnapshotsIsCoalescedToOneRedrawPerPulse() throws Exception {
        long runNanos = TimeUnit.SECONDS.toNanos(2);
        IterativeTask<long[]> flood = new IterativeTask<>() {
            private final long start = System.nanoTime();

            @Override
            public int iterations() {
                return Integer.MAX_VALUE;
            }

            @Override
            public long[] step(int index) {
                return new long[] {index, System.nanoTime() - start};
            }
        };
        Job<long[]> job = new Job<>("flood", 1, flood, 256);
        AtomicLong pulses = new AtomicLong();
        AnimationTimer pulseCounter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        SnapshotPump<long[]> pump = new SnapshotPump<>(job::latest, f -> {
            // a view's typical work: format a label's text
            String.format("%d %d", f.snapshot()[0], f.snapshot()[1]);
        });
        Platform.runLater(() -> {
            pulseCounter.start();
            pump.start();
        });
        job.start(JobExecutors.background());

        long worstLatencyMs = 0;
        long until = System.nanoTime() + runNanos;
        while (System.nanoTime() < until) {
            CountDownLatch answered = new CountDownLatch(1);
            long asked = System.nanoTime();
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(5, TimeUnit.SECONDS), "the FX thread stopped answering");
            worstLatencyMs = Math.max(worstLatencyMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
            Thread.sleep(10);
        }
        job.cancel();
        job.await(10, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            pump.stop();
            pulseCounter.stop();
            stopped.countDown();
        });
        stopped.await(5, TimeUnit.SECONDS);

        long published = job.completedIterations();
        double perSecond = published / 2.0;
        System.out.printf("published %,d snapshots (%.0f/s), %d pulses, %d redraws, worst FX latency %d ms%n",
                published, perSecond, pulses.get(), pump.redraws(), worstLatencyMs);
        assertTrue(job.state() == JobState.CANCELLED);
        assertTrue(perSecond >= 10_000, "the flood must reach 10,000 snapshots a second, was " + perSecond);
        assertTrue(pump.redraws() <= pulses.get() + 1, "at most one redraw per pulse");
        assertTrue(pump.redraws() * 100 < published, "snapshots between pulses are skipped, not queued");
        assertTrue(worstLatencyMs < 1000, "the FX thread answered within " + worstLatencyMs + " ms");
    }
}
