package org.glassbox.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.Versions;
import org.glassbox.inversion.DefenseKind;
import org.glassbox.inversion.InversionAttack;
import org.glassbox.inversion.InversionExports;
import org.glassbox.inversion.InversionParameters;
import org.glassbox.inversion.InversionSnapshot;
import org.glassbox.inversion.InversionTask;
import org.glassbox.modellab.EvaluationRun;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glassbox invert}: Deep Leakage from Gradients on one Fashion-MNIST test image, headless; prints the figures. */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = "Reconstruct a private Fashion-MNIST test image from the gradient it gives (DLG with iDLG's label,"
                + " or Inverting Gradients). Prints iterations and time to 30 dB PSNR and iterations per second; writes"
                + " strip.png, curves.csv, run.json and report.html.")
final class InvertCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, defaultValue = "lenet-sigmoid",
            description = "A catalog id or model file: an image classifier of 28×28 images. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--image", defaultValue = "0", description = "The private test image (0 to 1999). Default: ${DEFAULT-VALUE}.")
    int image;

    @Option(names = "--attack", defaultValue = "DLG",
            description = "${COMPLETION-CANDIDATES}; each brings its paper's preset. Default: ${DEFAULT-VALUE}.")
    InversionAttack attack;

    @Option(names = "--batch", defaultValue = "1",
            description = "Private images sharing one gradient: --image and the ones after it (1 to 8, distinct labels). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--iterations", description = "Adam steps (default: the attack's preset).")
    Integer iterations;

    @Option(names = "--lr", description = "Adam's learning rate (default: the attack's preset).")
    Double learningRate;

    @Option(names = "--hvp-step", description = "Weight step of the Hessian-vector product (default: 1e-4).")
    Double hvpStep;

    @Option(names = "--tv", description = "Total-variation weight (default: the attack's preset).")
    Double tvWeight;

    @Option(names = "--trained-weights", description = "Attack the model as trained, instead of DLG's setting"
            + " (weights redrawn U(-0.5, 0.5) from the seed, the first round of federated training).")
    boolean trainedWeights;

    @Option(names = "--defense", defaultValue = "NONE",
            description = "What the client does to its gradient: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    DefenseKind defense;

    @Option(names = "--strength", defaultValue = "0",
            description = "The defense's strength: σ (Gaussian), b (Laplacian), the fraction zeroed (pruning) or the noise multiplier (DP-SGD).")
    double strength;

    @Option(names = "--clip", defaultValue = "1", description = "DP-SGD's clip norm C. Default: ${DEFAULT-VALUE}.")
    double clip;

    @Option(names = "--price-steps", defaultValue = "0",
            description = "Also measure the defense's price: train DLG's LeNet this many steps (batch 32) with and without it"
                    + " and print both test accuracies. Default: ${DEFAULT-VALUE} (skip).")
    int priceSteps;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    private static String names(LabeledImages images, int[] labels) {
        return String.join(", ", java.util.Arrays.stream(labels).mapToObj(l -> images.classNames().get(l)).toList());
    }

    @Override
    public Integer call() throws Exception {
        Assets assets = Assets.locate();
        InversionParameters preset = attack.defaults();
        InversionParameters parameters = Parameters.requireValid(new InversionParameters(
                iterations != null ? iterations : preset.iterations(),
                learningRate != null ? learningRate : preset.learningRate(),
                hvpStep != null ? hvpStep : preset.hvpStep(),
                tvWeight != null ? tvWeight : preset.tvWeight()));
        ModelHandle handle = EvaluationRun.resolveModel(assets, model, Path.of(""));
        ModelChecks.requireLoss(handle, Path.of(model));
        LabeledImages test = FashionMnist.test(assets);
        if (image < 0 || image >= test.size()) {
            throw new UserFacingException("Test image " + image + " does not exist.", "Use 0 to " + (test.size() - 1) + ".");
        }
        if (batch < 1 || batch > org.glassbox.inversion.Assignment.MAX_SIZE || image + batch > test.size()) {
            throw new UserFacingException("--batch " + batch + " from image " + image + " is not possible.",
                    "Use 1 to " + org.glassbox.inversion.Assignment.MAX_SIZE + " images within 0 to " + (test.size() - 1) + ".");
        }
        double[][] privateImages = new double[batch][];
        int[] labels = new int[batch];
        for (int k = 0; k < batch; k++) {
            privateImages[k] = test.image(image + k);
            labels[k] = test.labels()[image + k];
            for (int j = 0; j < k; j++) {
                if (labels[j] == labels[k]) {
                    throw new UserFacingException("Test images " + (image + j) + " and " + (image + k) + " are both "
                            + test.classNames().get(labels[k]) + "; in a batch, the attack reads one label per class.",
                            "Choose a smaller --batch or another --image, so that the labels differ.");
                }
            }
        }
        double[] privateImage = privateImages[0];
        InversionTask task = new InversionTask(handle, privateImages, test.height(), test.width(), labels,
                attack, parameters, seed, !trainedWeights, defense.create(strength, clip));
        List<InversionSnapshot> history = new ArrayList<>();
        long start = System.nanoTime();
        double secondsTo30 = Double.NaN;
        int iterationsTo30 = -1;
        for (int i = 0; i < task.iterations(); i++) {
            InversionSnapshot s = task.step(i);
            history.add(s);
            if (iterationsTo30 < 0 && s.psnr() >= 30) {
                iterationsTo30 = s.iteration();
                secondsTo30 = (System.nanoTime() - start) / 1e9;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        InversionSnapshot last = history.get(history.size() - 1);
        InversionSnapshot best = history.stream().max(java.util.Comparator.comparingDouble(InversionSnapshot::psnr)).orElseThrow();
        Files.createDirectories(out);
        List<InversionSnapshot> shots = new ArrayList<>();
        for (int k = 1; k <= 9; k++) {
            shots.add(history.get(Math.max(0, (int) Math.round(Math.pow(history.size(), k / 9.0)) - 1)));
        }
        java.awt.image.BufferedImage strip = InversionExports.strip(privateImage, shots, test.height(), test.width());
        javax.imageio.ImageIO.write(strip, "png", out.resolve("strip.png").toFile());
        InversionExports.writeCurves(history, out.resolve("curves.csv"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        int[] sortedTrue = labels.clone();
        java.util.Arrays.sort(sortedTrue);
        metrics.put("recoveredLabel", names(test, task.recoveredLabels()));
        metrics.put("trueLabel", names(test, sortedTrue));
        metrics.put("finalPsnr", last.psnr());
        metrics.put("finalSsim", last.ssim());
        metrics.put("bestPsnr", best.psnr());
        metrics.put("iterationsTo30dB", iterationsTo30);
        metrics.put("secondsTo30dB", secondsTo30);
        metrics.put("iterationsPerSecond", task.iterations() / seconds);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("workspace", "gradient-inversion");
        run.put("attack", attack.toString());
        run.put("model", handle.name());
        run.put("weights", trainedWeights ? "as trained" : "U(-0.5, 0.5) from the seed (DLG)");
        run.put("image", image);
        run.put("batch", batch);
        run.put("defense", defense.create(strength, clip).describe());
        run.put("parameters", parameters);
        run.put("seed", seed);
        run.put("versions", Versions.current());
        run.put("metrics", metrics);
        run.put("files", List.of("strip.png", "curves.csv", "run.json", "report.html"));
        ExperimentFiles.JSON.writeValue(out.resolve("run.json").toFile(), run);
        Map<String, Object> what = new LinkedHashMap<>(run);
        what.remove("versions");
        what.remove("metrics");
        what.remove("files");
        new HtmlReport("Gradient inversion: test image " + image + " from " + handle.name())
                .paragraph(String.format(Locale.ROOT, "Final PSNR %.2f dB, SSIM %.3f after %d iterations.", last.psnr(), last.ssim(),
                        last.iteration()))
                .table("What was run", what)
                .table("Figures", metrics)
                .image("The dummy image over time", strip)
                .write(out.resolve("report.html"));
        System.out.printf(Locale.ROOT, "labels recovered: %s (true: %s)%n", metrics.get("recoveredLabel"), metrics.get("trueLabel"));
        System.out.printf(Locale.ROOT, "%d iterations in %.2f s: %.1f iterations/s; final PSNR %.2f dB, SSIM %.4f; best %.2f dB%n",
                task.iterations(), seconds, task.iterations() / seconds, last.psnr(), last.ssim(), best.psnr());
        System.out.println(iterationsTo30 < 0 ? "30 dB not reached"
                : String.format(Locale.ROOT, "30 dB reached at iteration %d, after %.2f s", iterationsTo30, secondsTo30));
        System.out.println("wrote strip.png, curves.csv, run.json, report.html to " + out.toAbsolutePath());
        if (priceSteps > 0) {
            int frames = Math.max(1, priceSteps / 10);
            org.glassbox.inversion.DefensePriceTask price = new org.glassbox.inversion.DefensePriceTask(
                    org.glassbox.models.samples.SampleModels.lenetSigmoid(seed), defense.create(strength, clip),
                    FashionMnist.train(assets), test, frames, 10, 32, seed);
            org.glassbox.inversion.PriceSnapshot p = null;
            for (int i = 0; i < frames; i++) {
                p = price.step(i);
            }
            System.out.printf(Locale.ROOT, "price of %s after %d steps: test accuracy %.1f %% without, %.1f %% with%n",
                    defense.create(strength, clip).describe(), p.steps(), 100 * p.accuracyUndefended(), 100 * p.accuracyDefended());
        }
        return 0;
    }
}
