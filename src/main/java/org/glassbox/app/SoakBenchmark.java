package org.glassbox.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.glassbox.data.Assets;
import org.glassbox.engine.Job;
import org.glassbox.ui.WorkspacePage;
import org.glassbox.workspace.Demo;

/**
 * The memory soak: the whole app in one window, every workspace's first demo run to its end, round
 * after round, with the resident memory of the process (VmRSS, which counts ND4J's off-heap
 * buffers and JavaFX's textures as well as the heap) and the heap after a GC printed after each
 * round. A leak shows as growth after the first round. Needs a display (Xvfb will do):
 * {@code java -cp "target/glassbox.jar:target/lib/*" org.glassbox.app.SoakBenchmark 10}.
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.setProperty("glassbox.prefs", "glassbox-benchmark");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        onFx(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, Assets.locate(), AppSettings.load());
            stage.setScene(new Scene(w, 1280, 820));
            stage.show();
            window.set(w);
        });
        System.out.printf(Locale.ROOT, "%-6s %-22s %10s %12s %14s%n", "round", "workspace", "seconds", "resident MB", "heap after GC MB");
        print(0, "(started)", 0);
        for (int round = 1; round <= rounds; round++) {
            for (MainWindow.Slot slot : List.copyOf(window.get().slots())) {
                onFx(() -> window.get().select(slot));
                WorkspacePage page = window.get().currentPage().get();
                List<Demo> demos = page.demos();
                if (demos.isEmpty()) {
                    continue;
                }
                long t0 = System.nanoTime();
                onFx(() -> page.runDemo(demos.get(0)));
                Job<?> job = page.currentJob().get();
                if (job != null) {
                    job.await(10, TimeUnit.MINUTES);
                }
                if (round == rounds) {
                    print(round, slot.title(), (System.nanoTime() - t0) / 1e9);
                }
            }
            print(round, "(all)", Double.NaN);
        }
        Platform.exit();
    }

    private static void print(int round, String what, double seconds) throws Exception {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-6d %-22s %10s %12d %14d%n", round, what, Double.isNaN(seconds) ? "" : String.format(Locale.ROOT,
                "%.1f", seconds), residentMegabytes(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** VmRSS of this process from /proc (Linux), or −1 where there is none. */
    static long residentMegabytes() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }
}
