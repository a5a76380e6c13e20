package org.glassbox.regions;

import java.io.PrintStream;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Figures for the region map: exact-map time and region count for several networks, how the
 * time grows with the number of regions, and the cost of the same picture by grid sampling.
 * Networks are seeded random ReLU networks (He-scaled Gaussian weights, biases N(0, 0.3²)).
 */
public final class RegionBenchmark {

    private static final Window UNIT = new Window(-1, 1, -1, 1);

    private RegionBenchmark() {
    }

    /** Best wall time of {@code repeats} runs (after one warm-up) and the map. */
    private record Timed(double seconds, RegionMap map) {
    }

    private static Timed time(PiecewiseLinearNetwork net, Plane plane, Window window, int repeats) {
        RegionMap map = ExactPartition.compute(net, plane, window);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            map = ExactPartition.compute(net, plane, window);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new Timed(best, map);
    }

    public static void run(PrintStream out, int repeats, PiecewiseLinearNetwork sample784, Plane samplePlane) {
        out.println("Exact region maps (best of " + repeats + ", after a warm-up), unit window [-1,1]²:");
        out.printf(Locale.ROOT, "%-28s %9s %10s %12s%n", "network", "regions", "ms", "µs/region");
        row(out, "2-64-64-64-2 (seed 1)", RandomReluNetworks.relu(1, 0, 2, 64, 64, 64, 2), Plane.identity2d(), UNIT, repeats);
        row(out, "2-32-32-32-32-2 (seed 1)", RandomReluNetworks.relu(1, 0, 2, 32, 32, 32, 32, 2), Plane.identity2d(), UNIT, repeats);
        if (sample784 != null) {
            row(out, "784-128-10 sample, plane", sample784, samplePlane, new Window(-0.25, 1.25, -0.25, 1.25), repeats);
        }
        out.println();
        out.println("Growth with the number of regions (2-w-w-w-2, seed 1):");
        out.printf(Locale.ROOT, "%-28s %9s %10s %12s%n", "network", "regions", "ms", "µs/region");
        for (int w : new int[] {8, 16, 32, 64, 96, 128}) {
            row(out, "2-" + w + "-" + w + "-" + w + "-2", RandomReluNetworks.relu(1, 0, 2, w, w, w, 2), Plane.identity2d(), UNIT, repeats);
        }
        out.println();
        out.println("The same picture by grid sampling (one forward pass per pixel, batched, DL4J float32):");
        PiecewiseLinearNetwork net = RandomReluNetworks.relu(1, 0, 2, 64, 64, 64, 2);
        Timed exact = time(net, Plane.identity2d(), UNIT, repeats);
        for (int pixels : new int[] {400, 800}) {
            double grid = gridSeconds(net, pixels, repeats);
            out.printf(Locale.ROOT, "2-64-64-64-2 at %dx%d: grid %.1f ms, exact %.1f ms, grid/exact %.2f%n", pixels, pixels,
                    grid * 1e3, exact.seconds() * 1e3, grid / exact.seconds());
        }
    }

    /** Frames per second of headless live training (training steps, loss, network copy and exact map per frame). */
    public static void liveTraining(PrintStream out) throws Exception {
        PlaygroundParameters p = PlaygroundParameters.defaults();
        out.println("Live training, spiral, 2-16-16-16-2, " + p.points() + " points, " + p.stepsPerFrame()
                + " steps of batch " + p.batchSize() + " per frame (headless, no drawing):");
        PlaygroundTask task = new PlaygroundTask(org.glassbox.data.ToyDataset.SPIRAL, Architecture.parse("16, 16, 16"), p, 1);
        for (int i = 0; i < 20; i++) {
            task.step(i);
        }
        int frames = 100;
        double mapSeconds = 0;
        long t0 = System.nanoTime();
        PlaygroundSnapshot last = null;
        for (int i = 20; i < 20 + frames; i++) {
            last = task.step(i);
            mapSeconds += last.map().seconds();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%.1f frames/s (%.1f ms a frame, of which %.1f ms the exact map), %d regions at the end%n",
                frames / seconds, seconds * 1e3 / frames, mapSeconds * 1e3 / frames, last.map().size());
    }

    private static void row(PrintStream out, String name, PiecewiseLinearNetwork net, Plane plane, Window window, int repeats) {
        Timed t = time(net, plane, window, repeats);
        out.printf(Locale.ROOT, "%-28s %9d %10.1f %12.2f%n", name, t.map().size(), t.seconds() * 1e3,
                t.seconds() * 1e6 / t.map().size());
    }

    private static double gridSeconds(PiecewiseLinearNetwork net, int pixels, int repeats) {
        MultiLayerNetwork dl4j = Dl4jNetworks.of(net, DataType.FLOAT);
        float[] xy = new float[pixels * pixels * 2];
        for (int i = 0; i < pixels; i++) {
            for (int j = 0; j < pixels; j++) {
                int k = (i * pixels + j) * 2;
                xy[k] = -1 + 2f * (j + 0.5f) / pixels;
                xy[k + 1] = -1 + 2f * (i + 0.5f) / pixels;
            }
        }
        INDArray batch = Nd4j.create(xy, new long[] {(long) pixels * pixels, 2}, 'c');
        dl4j.output(batch);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            dl4j.output(batch);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
