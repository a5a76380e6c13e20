package org.glassbox.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.ComputeBackend;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoader;
import org.glassbox.modellab.EvaluationParameters;
import org.glassbox.modellab.EvaluationTask;
import org.glassbox.regions.PiecewiseLinearNetwork;
import org.glassbox.regions.Plane;
import org.glassbox.regions.RegionBenchmark;
import org.glassbox.experiment.Param;
import org.glassbox.workspace.HeadlessRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glassbox benchmark}: prints load time per sample model and evaluation throughput on one
 * thread and on all cores. Figures, not pass/fail: compare ratios within one run.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Print model load times (first, and best of the repeats) and evaluation throughput (images/s,"
                + " best of the repeats) on 1 thread and on all cores.")
final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--repeats", defaultValue = "3", description = "Timed repetitions per figure (best is printed). Default: ${DEFAULT-VALUE}.")
    int repeats;

    enum Suite { models, regions, inversion, extraction, watermark, membership, backdoors, memorization, demos, all }

    @Option(names = "--suite", defaultValue = "models",
            description = "Which figures: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Suite suite;

    @Option(names = "--batch-seconds", defaultValue = "60",
            description = "Inversion suite: how long the batch-of-4 attack runs. Default: ${DEFAULT-VALUE}.")
    double batchSeconds;

    @Param(label = "--price-steps", description = "training steps for the defense's price", min = 0, max = 100_000)
    @Option(names = "--price-steps", defaultValue = "300",
            description = "Inversion suite: training steps per defense in the defense table. Default: ${DEFAULT-VALUE}.")
    int priceSteps;

    @Option(names = "--generations", defaultValue = "100",
            description = "Watermark suite: watermarked generations of 200 tokens for the detection rate. Default: ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = "--ui", description = "Also measure start-up to first frame and FX-thread stalls (needs a display, e.g. xvfb-run).")
    boolean ui;

    /**
     * Every workspace's demos run headless to their end (without the pauses a class gets on screen),
     * each with its compute time and the figures its summary prints: what the Demos menu promises.
     */
    private static int demos(Assets assets) throws Exception {
        for (org.glassbox.workspace.Workspace<?, ?> workspace : org.glassbox.workspaces.Workspaces.all()) {
            for (org.glassbox.workspace.Demo demo : workspace.demos()) {
                java.util.List<String> lines = new java.util.ArrayList<>();
                org.glassbox.workspace.HeadlessRunner.Outcome<?> outcome = org.glassbox.workspace.HeadlessRunner.run(workspace,
                        demo.experiment(), java.nio.file.Path.of(""), null, assets, line -> { });
                System.out.printf(Locale.ROOT, "%-20s %-62s %6.1f s%n", workspace.title(), demo.name(), outcome.timing().seconds());
                for (String line : outcome.summary()) {
                    System.out.println("    " + line);
                }
            }
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        Assets assets = Assets.locate();
        ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
        LabeledImages test = FashionMnist.test(assets);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "backend %s, %d cores, Java %s%n", ComputeBackend.info().implementation(), cores,
                System.getProperty("java.version"));
        System.out.println();
        if (suite == Suite.demos) {
            return demos(assets);
        }
        if (suite == Suite.memorization || suite == Suite.all) {
            org.glassbox.memorization.MemorizationBenchmark.run(System.out, org.glassbox.watermark.KjvCorpus.load(assets),
                    org.glassbox.watermark.LanguageModel.bundled(assets), 1);
            System.out.println();
            if (suite == Suite.memorization) {
                return 0;
            }
        }
        if (suite == Suite.backdoors || suite == Suite.all) {
            org.glassbox.backdoor.BackdoorBenchmark.run(System.out, FashionMnist.train(assets), test, 3);
            System.out.println();
            if (suite == Suite.backdoors) {
                return 0;
            }
        }
        if (suite == Suite.membership || suite == Suite.all) {
            org.glassbox.membership.MembershipBenchmark.run(System.out, FashionMnist.train(assets), test, 1);
            System.out.println();
            if (suite == Suite.membership) {
                return 0;
            }
        }
        if (suite == Suite.watermark || suite == Suite.all) {
            org.glassbox.watermark.WatermarkBenchmark.run(System.out, generations, 1000);
            System.out.println();
            if (suite == Suite.watermark) {
                return 0;
            }
        }
        if (suite == Suite.extraction || suite == Suite.all) {
            org.glassbox.extraction.ExtractionBenchmark bench = new org.glassbox.extraction.ExtractionBenchmark(System.out);
            bench.run(PiecewiseLinearNetwork.of(catalog.load("mlp-10-20-20-1"), catalog.pathOf(catalog.find("mlp-10-20-20-1").orElseThrow())),
                    PiecewiseLinearNetwork.of(catalog.load("mlp-784-128-10"), catalog.pathOf(catalog.find("mlp-784-128-10").orElseThrow())));
            System.out.println();
            if (suite == Suite.extraction) {
                return 0;
            }
        }
        if (suite == Suite.inversion || suite == Suite.all) {
            new org.glassbox.inversion.InversionBenchmark(catalog.load("lenet-sigmoid"), FashionMnist.train(assets), test, System.out)
                    .run(new long[] {1, 2, 3}, batchSeconds, priceSteps);
            System.out.println();
            if (suite == Suite.inversion) {
                return ui ? uiFigures() : 0;
            }
        }
        if (suite == Suite.regions || suite == Suite.all) {
            ModelHandle mlp = catalog.load("mlp-784-128-10");
            Plane plane = Plane.through(test.image(0), test.image(1), test.image(2));
            RegionBenchmark.run(System.out, repeats,
                    PiecewiseLinearNetwork.of(mlp, catalog.pathOf(catalog.find("mlp-784-128-10").orElseThrow())), plane);
            System.out.println();
            RegionBenchmark.liveTraining(System.out);
            System.out.println();
            if (suite == Suite.regions) {
                return ui ? uiFigures() : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%-18s %10s %13s %12s %14s %16s %16s%n", "model", "params", "first load ms", "load ms",
                "DL4J's own ms", "eval img/s 1 thr", "eval img/s " + cores + " thr");
        for (CatalogEntry entry : catalog.models()) {
            double loadMs = Double.MAX_VALUE;
            double firstMs = 0;
            ModelHandle model = null;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                model = ModelLoader.load(catalog.pathOf(entry));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (r > 0) {
                    loadMs = Math.min(loadMs, ms);
                } else {
                    firstMs = ms;
                }
            }
            // DL4J's own reader on the same (trusted, bundled) file: what the checked reader costs against it.
            double dl4jMs = Double.MAX_VALUE;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(catalog.pathOf(entry).toFile(), false);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (r > 0) {
                    dl4jMs = Math.min(dl4jMs, ms);
                }
            }
            String one = "-";
            String all = "-";
            if (entry.isImageClassifier()) {
                one = String.format(Locale.ROOT, "%.0f", throughput(model, test, 1));
                all = String.format(Locale.ROOT, "%.0f", throughput(model, test, cores));
            }
            System.out.printf(Locale.ROOT, "%-18s %10d %13.1f %12.1f %14.1f %16s %16s%n", entry.id(), model.parameterCount(),
                    firstMs, loadMs, dl4jMs, one, all);
        }
        ComputeBackend.setThreads(cores);
        return ui ? uiFigures() : 0;
    }

    /** The desktop figures come from the app's own benchmark in a JVM of its own (compute code does not load JavaFX). */
    private int uiFigures() throws Exception {
        System.out.println();
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.glassbox.app.UiBenchmark", Integer.toString(repeats))
                .inheritIO().start();
        return p.waitFor();
    }

    private double throughput(ModelHandle model, LabeledImages test, int threads) throws Exception {
        ComputeBackend.setThreads(threads);
        EvaluationParameters p = EvaluationParameters.defaults();
        double best = 0;
        for (int r = 0; r < repeats + 1; r++) {
            EvaluationTask task = new EvaluationTask(model, test, p, 1);
            long t0 = System.nanoTime();
            HeadlessRunner.runToEnd(task);
            double rate = p.images() / ((System.nanoTime() - t0) / 1e9);
            if (r > 0) {
                best = Math.max(best, rate);
            }
        }
        return best;
    }
}
