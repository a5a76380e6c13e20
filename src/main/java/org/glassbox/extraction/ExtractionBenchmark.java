package org.glassbox.extraction;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.RandomReluNetworks;

/**
 * The figures the reverse-engineering issue asks for: queries, largest weight error per layer and
 * wall time on the 10-20-20-1 networks, Rolnick and Kording's own setting, the 784-input MLP, and
 * the oracle's throughput. Printed by {@code glassbox benchmark --suite extraction}.
 */
public final class ExtractionBenchmark {

    private final PrintStream out;

    public ExtractionBenchmark(PrintStream out) {
        this.out = out;
    }

    /** One attack to the end; prints a row and returns the last snapshot. */
    public ExtractionSnapshot row(String name, PiecewiseLinearNetwork network, int lines, long seed) throws Exception {
        return row(name, network, lines, 20, seed);
    }

    /** The same with lines of the given half-length (a far boundary needs a long line to be crossed). */
    public ExtractionSnapshot row(String name, PiecewiseLinearNetwork network, int lines, double halfLength, long seed)
            throws Exception {
        ExtractionTarget target = ExtractionTarget.of(name, network, seed);
        Oracle oracle = new Oracle(network, OutputPrecision.FLOAT64);
        ExtractionTask task = new ExtractionTask(network, oracle, target.plane(), target.window(),
                new ExtractionParameters(lines, halfLength, ExtractionParameters.defaults().probes(), 4, 0), seed);
        long t0 = System.nanoTime();
        ExtractionSnapshot s = org.glassbox.workspace.HeadlessRunner.runToEnd(task);
        double seconds = (System.nanoTime() - t0) / 1e9;
        LayerComparison c = s.comparison();
        out.printf(Locale.ROOT, "%-30s %5d %12s %8.1f %7d/%-4d %7.0f %% %12.2e %7.1f %9.2f%n", name + ", layer 1", seed,
                String.format(Locale.ROOT, "%,d", s.queries()), log2(s.queries()), c.recoveredNeurons(), c.trueNeurons(),
                100 * c.fractionRecovered(), c.maxError(), log2(c.maxError()), seconds);
        if (s.layers() != null) {
            for (int l = 1; l < s.layers().hidden().size(); l++) {
                LayerComparison layer = s.layers().hidden().get(l);
                out.printf(Locale.ROOT, "%-30s %5s %12s %8s %7d/%-4d %7.0f %% %12.2e %7.1f%n", "  layer " + (l + 1), "", "", "",
                        layer.recoveredNeurons(), layer.trueNeurons(), 100 * layer.fractionRecovered(), layer.maxError(),
                        log2(layer.maxError()));
            }
            if (!Double.isNaN(s.layers().outputError())) {
                out.printf(Locale.ROOT, "%-30s %5s %12s %8s %12s %9s %12.2e %7.1f%n", "  output layer", "", "", "", "", "",
                        s.layers().outputError(), log2(s.layers().outputError()));
            }
        }
        whole(name, s);
        return s;
    }

    public void header() {
        out.printf(Locale.ROOT, "%-30s %5s %12s %8s %12s %9s %12s %7s %9s%n", "network, layer", "seed", "queries", "log2 q",
                "found/true", "recovered", "max error", "log2 e", "seconds");
    }

    /** Rows per second answered one by one and in batches of 1,000, and their ratio, in one run. */
    public void throughput(String name, PiecewiseLinearNetwork network) {
        Oracle oracle = new Oracle(network, OutputPrecision.FLOAT64);
        Random r = new Random(1);
        double[][] batch = new double[1000][network.inputs()];
        for (double[] x : batch) {
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextGaussian();
            }
        }
        double single = 0;
        double batched = 0;
        for (int repeat = 0; repeat < 4; repeat++) {
            long t0 = System.nanoTime();
            for (double[] x : batch) {
                oracle.query(x);
            }
            long t1 = System.nanoTime();
            oracle.query(batch);
            long t2 = System.nanoTime();
            if (repeat > 0) {
                single = Math.max(single, batch.length / ((t1 - t0) / 1e9));
                batched = Math.max(batched, batch.length / ((t2 - t1) / 1e9));
            }
        }
        out.printf(Locale.ROOT, "oracle %s: %,.0f rows/s one by one, %,.0f rows/s in batches of 1,000 (ratio %.2f)%n", name, single,
                batched, batched / single);
    }

    /** The whole network, where the attack finished it; else where and why it stopped. */
    private void whole(String name, ExtractionSnapshot s) {
        Completion c = s.completion();
        if (c == null) {
            out.println("  " + name + ": " + s.stage());
            return;
        }
        out.println("  " + name + ": " + c.summary());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The whole suite; {@code sample} and {@code mnist} are the bundled 10-20-20-1 and 784-128-10 MLPs. */
    public void run(PiecewiseLinearNetwork sample, PiecewiseLinearNetwork mnist) throws Exception {
        header();
        row("mlp-10-20-20-1 (sample)", sample, 12, 1);
        for (long seed = 1; seed <= 10; seed++) {
            row("random 10-20-20-1", RandomReluNetworks.relu(seed, 0, 10, 20, 20, 1), 12, seed);
        }
        for (long seed = 1; seed <= 3; seed++) {
            row("R&K 10-[20,10,10]-10", RandomReluNetworks.relu(seed, 0, 1.0, 10, 20, 10, 10, 10), 12, seed);
        }
        for (long seed = 1; seed <= 3; seed++) {
            row("R&K 10-[40,10,10,10]-10", RandomReluNetworks.relu(seed, 0, 1.0, 10, 40, 10, 10, 10, 10), 16, seed);
        }
        row("mlp-784-128-10 (sample), ±1000", mnist, 2, 1000, 1);
        row("random 10-8-3", RandomReluNetworks.relu(1, 0, 10, 8, 3), 8, 1);
        out.println();
        throughput("10-20-20-1", sample);
        throughput("784-128-10", mnist);
    }
}
