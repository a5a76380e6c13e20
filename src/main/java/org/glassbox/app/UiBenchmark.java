package org.glassbox.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Job;
import org.glassbox.engine.JobExecutors;
import org.glassbox.ui.JobControls;
import org.glassbox.ui.SnapshotPump;

/**
 * Figures for the desktop side (needs a display; under CI use Xvfb): time from JVM start to the
 * first frame of the app, and the longest FX-thread stall while a job publishes snapshots as fast
 * as it can. Run by {@code glassbox benchmark --ui}.
 */
public final class UiBenchmark {

    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("watermark")) {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            watermarkEditLatency(60);
            Platform.exit();
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        startup(runs);
        stall(5);
        watermarkEditLatency(60);
        regionRedraw(runs);
        int cores = Runtime.getRuntime().availableProcessors();
        inversionLiveView(20, cores);
        if (cores > 1) {
            inversionLiveView(20, 1);
        }
        Platform.exit();
    }

    private static void startup(int runs) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    "-Dglassbox.startupReport=true", "-Dglassbox.exitAfterFirstFrame=true",
                    "-Dglassbox.prefs=glassbox-benchmark", Launcher.class.getName())
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("startup-to-first-frame-ms ")) {
                        times.add(Long.parseLong(line.substring(line.indexOf(' ') + 1).trim()));
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "start-up to first frame: %s ms over %d runs (median %s ms)%n", times, runs,
                times.isEmpty() ? "?" : times.get(times.size() / 2));
    }

    /** Time to redraw a region map after a pan or zoom: the new exact map, then the canvas. */
    private static void regionRedraw(int runs) throws Exception {
        org.glassbox.regions.PiecewiseLinearNetwork net = org.glassbox.regions.RandomReluNetworks.relu(1, 0, 2, 64, 64, 64, 2);
        org.glassbox.regions.Plane plane = org.glassbox.regions.Plane.identity2d();
        org.glassbox.regions.Window home = new org.glassbox.regions.Window(-1, 1, -1, 1);
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            org.glassbox.regions.ui.RegionMapView view = new org.glassbox.regions.ui.RegionMapView(home);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 800, 800));
            stage.show();
            double bestDraw = Double.MAX_VALUE;
            double bestPan = Double.MAX_VALUE;
            int regions = 0;
            for (int r = 0; r < runs + 1; r++) {
                org.glassbox.regions.Window w = home.pan(0.01 * r, 0);
                long t0 = System.nanoTime();
                org.glassbox.regions.RegionMap map = org.glassbox.regions.ExactPartition.compute(net, plane, w);
                long t1 = System.nanoTime();
                view.setMap(map);
                long t2 = System.nanoTime();
                regions = map.size();
                if (r > 0) {
                    bestDraw = Math.min(bestDraw, (t2 - t1) / 1e6);
                    bestPan = Math.min(bestPan, (t2 - t0) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "region map 2-64-64-64-2 (%,d regions) on an 800×800 canvas: draw %.1f ms,"
                    + " pan (new exact map + draw) %.1f ms%n", regions, bestDraw, bestPan);
            stage.close();
            done.countDown();
        });
        done.await();
    }

    /**
     * The Gradient inversion page running its default attack: reconstructions drawn per second,
     * attack iterations per second, and the longest gap between FX pulses.
     */
    private static void inversionLiveView(int seconds, int threads) throws Exception {
        org.glassbox.engine.ComputeBackend.setThreads(threads);
        AtomicLong draws = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        AtomicLong worstGapNanos = new AtomicLong();
        List<Object> held = new ArrayList<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                org.glassbox.inversion.ui.InversionPage page = new org.glassbox.inversion.ui.InversionPage(
                        org.glassbox.data.Assets.locate());
                Stage stage = new Stage();
                stage.setScene(new Scene(new javafx.scene.layout.BorderPane(page.view()), 1280, 820));
                stage.show();
                javafx.scene.image.ImageView reconstruction = (javafx.scene.image.ImageView) page.view().lookup("#reconstruction");
                reconstruction.imageProperty().addListener((o, a, b) -> draws.incrementAndGet());
                AnimationTimer gaps = new PulseGaps(pulses, worstGapNanos);
                gaps.start();
                held.add(page);
                held.add(gaps);
                held.add(stage);
                page.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                shown.countDown();
            }
        });
        shown.await();
        Thread.sleep(2000);
        draws.set(0);
        pulses.set(0);
        worstGapNanos.set(0);
        org.glassbox.inversion.ui.InversionPage page = (org.glassbox.inversion.ui.InversionPage) held.get(0);
        long before = page.jobs().currentJob().get().completedIterations();
        Thread.sleep(seconds * 1000L);
        long iterations = page.jobs().currentJob().get().completedIterations() - before;
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            page.cancel();
            ((AnimationTimer) held.get(1)).stop();
            ((Stage) held.get(2)).close();
            stopped.countDown();
        });
        stopped.await();
        System.out.printf(Locale.ROOT, "Gradient inversion live view (iDLG, LeNet, 1280×820, %d compute thread%s): %.1f"
                        + " reconstructions drawn/s, %.1f attack iterations/s, %.1f pulses/s, longest gap between pulses %.1f ms%n",
                threads, threads == 1 ? "" : "s", draws.get() / (double) seconds,
                iterations / (double) seconds, pulses.get() / (double) seconds, worstGapNanos.get() / 1e6);
    }

    private static String javaCommand() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void stall(int seconds) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        IterativeTask<long[]> flood = new IterativeTask<>() {
            @Override
            public int iterations() {
                return Integer.MAX_VALUE;
            }

            @Override
            public long[] step(int index) {
                return new long[] {index, System.nanoTime()};
            }
        };
        Job<long[]> job = new Job<>("flood", 1, flood);
        AtomicLong worstGapNanos = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        CountDownLatch shown = new CountDownLatch(1);
        List<AnimationTimer> timers = new ArrayList<>();
        Platform.runLater(() -> {
            Label label = new Label();
            JobControls controls = new JobControls(() -> { });
            controls.bind(job);
            SnapshotPump<long[]> pump = new SnapshotPump<>(job::latest,
                    f -> label.setText(String.format(Locale.ROOT, "snapshot %,d", f.snapshot()[0])));
            AnimationTimer gaps = new PulseGaps(pulses, worstGapNanos);
            Stage stage = new Stage();
            stage.setScene(new Scene(new VBox(10, label, controls), 600, 200));
            stage.show();
            pump.start();
            gaps.start();
            timers.add(pump);
            timers.add(gaps);
            shown.countDown();
        });
        shown.await();
        Thread.sleep(500);
        worstGapNanos.set(0);
        pulses.set(0);
        job.start(JobExecutors.background());
        Thread.sleep(seconds * 1000L);
        job.cancel();
        job.await(10, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timers.forEach(AnimationTimer::stop);
            stopped.countDown();
        });
        stopped.await();
        System.out.printf(Locale.ROOT, "FX thread under a snapshot flood: %,d snapshots in %d s (%,.0f/s), %d pulses,"
                        + " longest gap between pulses %.1f ms%n", job.completedIterations(), seconds,
                job.completedIterations() / (double) seconds, pulses.get(), worstGapNanos.get() / 1e6);
    }

    /**
     * The Watermarks page with a 200-word held-out passage in its editor: the time from a typed
     * word to the end of the layout pass that shows the text rescored and recoloured.
     */
    private static void watermarkEditLatency(int edits) throws Exception {
        AtomicReference<org.glassbox.watermark.ui.WatermarkPage> pageRef = new AtomicReference<>();
        AtomicReference<Scene> sceneRef = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            org.glassbox.watermark.ui.WatermarkPage page = new org.glassbox.watermark.ui.WatermarkPage(org.glassbox.data.Assets.locate());
            Stage stage = new Stage();
            Scene scene = new Scene(new javafx.scene.layout.BorderPane(page.view()), 1280, 820);
            stage.setScene(scene);
            stage.show();
            pageRef.set(page);
            sceneRef.set(scene);
            shown.countDown();
        });
        shown.await();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!pageRef.get().modelLoaded() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        CountDownLatch filled = new CountDownLatch(1);
        Platform.runLater(() -> {
            ((javafx.scene.control.Button) pageRef.get().view().lookup("#humanPassage")).fire();
            filled.countDown();
        });
        filled.await();
        Thread.sleep(1000);
        List<Double> millis = new ArrayList<>();
        List<Double> scoring = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            CountDownLatch drawn = new CountDownLatch(1);
            long[] start = new long[1];
            Platform.runLater(() -> {
                org.fxmisc.richtext.StyleClassedTextArea editor =
                        (org.fxmisc.richtext.StyleClassedTextArea) pageRef.get().view().lookup("#watermarkEditor");
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    millis.add((System.nanoTime() - start[0]) / 1e6);
                    sceneRef.get().removePostLayoutPulseListener(listener[0]);
                    drawn.countDown();
                };
                sceneRef.get().addPostLayoutPulseListener(listener[0]);
                start[0] = System.nanoTime();
                editor.insertText(editor.getLength() / 2, "LORD ");
                scoring.add(pageRef.get().lastScoreMillis());
            });
            drawn.await(5, TimeUnit.SECONDS);
            Thread.sleep(30);
        }
        Collections.sort(millis);
        Collections.sort(scoring);
        System.out.printf(Locale.ROOT, "watermark editor, 200-word passage: typed word to laid-out recoloured text, median %.1f ms,"
                        + " worst %.1f ms over %d edits (rescoring alone: median %.1f ms)%n", millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), millis.size(), scoring.get(scoring.size() / 2));
    }

    /** Counts FX pulses and keeps the longest gap between two of them. */
    private static final class PulseGaps extends AnimationTimer {
        private final AtomicLong pulses;
        private final AtomicLong worstGapNanos;
        private long last;

        PulseGaps(AtomicLong pulses, AtomicLong worstGapNanos) {
            this.pulses = pulses;
            this.worstGapNanos = worstGapNanos;
        }

        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
            if (last != 0) {
                worstGapNanos.accumulateAndGet(now - last, Math::max);
            }
            last = now;
        }
    }
}
