package org.glassbox.inversion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.GrayImage;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.models.ModelCatalog;
import org.glassbox.models.ModelChecks;
import org.glassbox.models.ModelHandle;
import org.glassbox.models.ModelLoadException;

/**
 * The gradient-inversion experiment, shared by the workspace, {@code glassbox invert} and
 * {@code glassbox run}: resolving its model and private images, making its tasks, and writing its results.
 */
public final class InversionRun {

    public static final String WORKSPACE = "gradient-inversion";
    private static final int SIZE = 28;

    private InversionRun() {
    }

    /** What a run needs, resolved: the model, the watched images, and the client's batch after its defense. */
    public record Prepared(ModelHandle model, ClientBatch watched, ClientBatch client, Defense defense, InversionSetup setup,
                           long seed, List<String> classNames) {

        /** The attack on the client's (defended) gradient. */
        public InversionTask task() {
            return new InversionTask(model, client, setup.attack(), setup.optimizer(), setup.parameters(), seed,
                    setup.dlgWeights(), defense);
        }

        /** The same attack, same seed, on the watched images' undefended gradient. */
        public InversionTask undefendedTask() {
            return new InversionTask(model, watched, setup.attack(), setup.optimizer(), setup.parameters(), seed,
                    setup.dlgWeights(), new Defense.None());
        }

        /** Whether the undefended gradient is attacked too: asked for, and there is a defense to compare with. */
        public boolean sideBySide() {
            return setup.sideBySide() && !(defense instanceof Defense.None);
        }

        public String labelNames(int[] labels) {
            return String.join(", ", Arrays.stream(labels).mapToObj(classNames::get).toList());
        }
    }

    public static Experiment experiment(String model, String data, InversionSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, model, data, ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    /** The experiment's setup: fields left out take their defaults; a bad value is refused with a message naming it. */
    public static InversionSetup setup(Experiment e) throws UserFacingException {
        InversionSetup setup = ExperimentFiles.parameters(e, InversionSetup.class, InversionSetup.defaults());
        Parameters.requireValid(setup.parameters());
        return setup;
    }

    /**
     * Resolves the experiment: the model (a catalog id or a file, relative to {@code base}), the
     * private images (the bundled test set from {@code setup.image()}, or one image file), and the
     * client's batch with its defense.
     */
    public static Prepared prepare(Assets assets, Experiment e, Path base) throws UserFacingException, IOException {
        if (!WORKSPACE.equals(e.workspace())) {
            throw new UserFacingException("This experiment is for workspace '" + e.workspace() + "', not " + WORKSPACE + ".",
                    "Open it from its own workspace.");
        }
        InversionSetup setup = setup(e);
        ModelCatalog catalog = ModelCatalog.read(assets.sampleModels());
        ModelHandle model;
        try {
            model = catalog.resolve(e.model(), base);
        } catch (ModelLoadException ex) {
            throw new UserFacingException(ex.getMessage(), "Choose another model.", ex);
        }
        Path source = catalog.sourceOf(e.model(), base);
        ModelChecks.requireImageClassifier(model, source, 1, SIZE, SIZE, FashionMnist.CLASS_NAMES.size());
        ModelChecks.requireLoss(model, source);
        ClientBatch watched = privateImages(assets, e.data(), base, setup);
        Defense defense = setup.createDefense();
        ClientBatch client = defense instanceof Defense.Aggregation a
                ? a.enlarge(watched, FashionMnist.train(assets), e.seed()) : watched;
        return new Prepared(model, watched, client, defense, setup, e.seed(), FashionMnist.CLASS_NAMES);
    }

    /** The watched private images: from the bundled test set, or one image file with the setup's label. */
    public static ClientBatch privateImages(Assets assets, String data, Path base, InversionSetup setup)
            throws UserFacingException, IOException {
        if (FashionMnist.TEST_ID.equals(data)) {
            LabeledImages test = FashionMnist.test(assets);
            int first = setup.image();
            if (first + setup.batch() > test.size()) {
                throw new UserFacingException("A batch of " + setup.batch() + " from test image " + first + " runs past the last"
                        + " image (" + (test.size() - 1) + ").", "Choose an earlier first image or a smaller batch.");
            }
            double[][] images = new double[setup.batch()][];
            int[] labels = new int[setup.batch()];
            for (int k = 0; k < images.length; k++) {
                images[k] = test.image(first + k);
                labels[k] = test.labels()[first + k];
                for (int j = 0; j < k && !setup.attack().jointLabel(); j++) {
                    if (labels[j] == labels[k]) {
                        throw new UserFacingException("Test images " + (first + j) + " and " + (first + k) + " are both "
                                + test.classNames().get(labels[k]) + "; in a batch, " + setup.attack() + " reads one label per class.",
                                "Choose a smaller batch or another first image, so that the labels differ (or use DLG, which learns them).");
                    }
                }
            }
            return ClientBatch.of(images, labels, test.height(), test.width());
        }
        GrayImage image = GrayImage.read(base.resolve(data));
        if (setup.resize()) {
            image = image.resized(SIZE, SIZE);
        }
        image.requireSize(SIZE, SIZE, "Resize it to " + SIZE + "×" + SIZE + " (the app offers to; the CLI takes --resize).");
        if (setup.batch() != 1) {
            throw new UserFacingException("An image file is a batch of one; the setup asks for " + setup.batch() + ".",
                    "Set the batch size to 1.");
        }
        return ClientBatch.of(new double[][] {image.pixels()}, new int[] {setup.fileLabel()}, SIZE, SIZE);
    }

    /**
     * Writes strip.png (the first watched image over time), comparison.png (originals against the
     * best reconstructions), curves.csv, run.json and report.html into {@code folder}.
     *
     * @param history    the run's snapshots in order (possibly thinned; "to 30 dB" is then an upper bound)
     * @param undefended the side-by-side attack on the undefended gradient, in order (empty when there is none)
     * @param seconds    the attack's wall time
     */
    public static RunRecord writeResults(Path out, Experiment experiment, Prepared run, List<InversionSnapshot> history,
                                         List<InversionSnapshot> undefended, Instant started, double seconds) throws IOException {
        return org.glassbox.experiment.ResultFolder.write(out, folder -> {
            InversionSnapshot last = history.get(history.size() - 1);
            Reconstruction best = last.best();
            ClientBatch watched = run.watched();
            List<InversionSnapshot> shots = new ArrayList<>();
            for (int k = 1; k <= 9; k++) {
                shots.add(history.get(Math.max(0, (int) Math.round(Math.pow(history.size(), k / 9.0)) - 1)));
            }
            BufferedImage strip = InversionExports.strip(watched.images()[0], shots, watched.height(), watched.width());
            ImageIO.write(strip, "png", folder.resolve("strip.png").toFile());
            BufferedImage comparison = InversionExports.comparison(watched, best, run.classNames());
            ImageIO.write(comparison, "png", folder.resolve("comparison.png").toFile());
            InversionExports.writeCurves(history, folder.resolve("curves.csv"));
            InversionSnapshot first30 = history.stream().filter(s -> s.psnr() >= 30).findFirst().orElse(null);
            int[] matchedLabels = new int[best.watched()];
            for (int i = 0; i < matchedLabels.length; i++) {
                matchedLabels[i] = best.labelOf(i);
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("iterations", last.iteration());
            metrics.put("finalLoss", last.loss());
            metrics.put("finalPsnr", last.psnr());
            metrics.put("finalSsim", last.ssim());
            metrics.put("bestIteration", last.bestIteration());
            metrics.put("bestLoss", best.loss());
            metrics.put("bestPsnr", best.psnr());
            metrics.put("bestSsim", best.ssim());
            metrics.put("labelAccuracy", best.labelAccuracy());
            metrics.put("labels", run.labelNames(matchedLabels));
            metrics.put("trueLabels", run.labelNames(watched.labels()));
            metrics.put("iterationsTo30dB", first30 == null ? -1 : first30.iteration());
            if (!undefended.isEmpty()) {
                InversionSnapshot plain = undefended.get(undefended.size() - 1);
                metrics.put("undefendedFinalPsnr", plain.psnr());
                metrics.put("undefendedBestPsnr", plain.best().psnr());
                metrics.put("undefendedBestSsim", plain.best().ssim());
            }
            List<String> files = List.of("strip.png", "comparison.png", "curves.csv", "run.json", "report.html");
            Map<String, Object> timings = new LinkedHashMap<>();
            timings.put("iterationsPerSecond", last.iteration() / Math.max(seconds, 1e-9));
            timings.put("secondsTo30dB", first30 == null ? Double.NaN : seconds * first30.iteration() / last.iteration());
            RunRecord record = new RunRecord(experiment, Versions.current(), started.toString(), seconds, timings, metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            InversionSetup setup = run.setup();
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("model", experiment.model());
            what.put("private images", FashionMnist.TEST_ID.equals(experiment.data())
                    ? experiment.data() + " from image " + setup.image() + ", batch " + setup.batch()
                    : experiment.data() + " (label " + run.classNames().get(setup.fileLabel()) + ")");
            what.put("attack", setup.attack() + " with " + setup.optimizer());
            what.put("weights", setup.dlgWeights() ? "U(-0.5, 0.5) from the seed (DLG's setting)" : "as trained");
            what.put("defense", run.defense().describe());
            what.put("parameters", setup.parameters());
            what.put("seed", experiment.seed());
            what.put("started", started);
            what.put("seconds", String.format(Locale.ROOT, "%.2f", seconds));
            new HtmlReport("Gradient inversion: " + run.model().name())
                    .paragraph(String.format(Locale.ROOT, "Best iterate (least matching loss) at iteration %d of %d: PSNR %.2f dB,"
                                    + " SSIM %.3f, labels %.0f %% right. The final iterate: PSNR %.2f dB.", last.bestIteration(),
                            last.iteration(), best.psnr(), best.ssim(), 100 * best.labelAccuracy(), last.psnr()))
                    .table("What was run", what)
                    .table("Figures", metrics)
                    .image("Private images (top) and the best reconstructions (bottom)", comparison)
                    .image("The first image's reconstruction over time", strip)
                    .write(folder.resolve("report.html"));
            return record;
        });
    }
}
