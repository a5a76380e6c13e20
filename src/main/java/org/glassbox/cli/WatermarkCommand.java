package org.glassbox.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Parameters;
import org.glassbox.watermark.GenerationParameters;
import org.glassbox.watermark.GenerationSettings;
import org.glassbox.watermark.GenerationSnapshot;
import org.glassbox.watermark.GenerationTask;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.WatermarkEvaluation;
import org.glassbox.watermark.WatermarkEvaluationParameters;
import org.glassbox.watermark.LanguageModel;
import org.glassbox.watermark.ScoredText;
import org.glassbox.watermark.SeedingScheme;
import org.glassbox.watermark.WatermarkBenchmark;
import org.glassbox.watermark.WatermarkDetector;
import org.glassbox.watermark.WatermarkKey;
import org.glassbox.watermark.WatermarkResults;
import org.glassbox.watermark.WatermarkSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glassbox watermark generate | detect}: KGW text watermarks with the bundled language model, headless. */
@Command(name = "watermark", aliases = "watermarks", mixinStandardHelpOptions = true,
        description = "Write watermarked text with the bundled language model, or test a text for the watermark.",
        subcommands = {WatermarkCommand.Generate.class, WatermarkCommand.Detect.class, WatermarkCommand.Evaluate.class,
                WatermarkCommand.ImageEmbed.class, WatermarkCommand.ImageDetect.class})
final class WatermarkCommand {

    /** The key the generator and the detector share. */
    static final class KeyOptions {
        @Option(names = "--gamma", defaultValue = "0.25", description = "Green share γ. Default: ${DEFAULT-VALUE}.")
        double gamma;

        @Option(names = "--key", defaultValue = "" + WatermarkKey.DEFAULT_KEY, description = "Secret key. Default: ${DEFAULT-VALUE}.")
        long key;

        @Option(names = "--scheme", defaultValue = "LEFT_HASH",
                description = "Seeding: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        SeedingScheme scheme;

        @Option(names = "--threshold", defaultValue = "4", description = "z above which text is called watermarked. Default: ${DEFAULT-VALUE}.")
        double threshold;

        @Option(names = "--count-repeats", description = "Count repeated (context, word) pairs every time (default: once).")
        boolean countRepeats;

        @Option(names = {"-o", "--out"}, description = "Folder for text.txt, tokens.csv, z-curve.csv and detection.json.")
        Path out;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write text after a prompt with a KGW watermark; prints it with the detector's reading.")
    static final class Generate extends SetupCommand<WatermarkSetup> implements Callable<Integer> {
        @Option(names = "--count-repeats", description = "Count repeated (context, word) pairs every time; the same as"
                + " --ignore-repeated=false.")
        boolean countRepeats;

        @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Sampling seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = {"-o", "--out"}, description = "Folder for text.txt, tokens.csv, z-curve.csv, detection.json and run.json.")
        Path out;

        @Override
        public WatermarkSetup setupDefaults() {
            return WatermarkSetup.defaults();
        }

        @Override
        public Integer call() throws Exception {
            WatermarkSetup setup = setup();
            if (countRepeats) {
                setup = new WatermarkSetup(setup.prompt(), setup.parameters(), setup.scheme(), setup.greedy(), setup.threshold(), false);
            }
            return RunCommand.run(org.glassbox.watermark.WatermarkRun.experiment(setup, seed), Path.of(""), out);
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = "Test a text for the watermark: prints T, the green count, z, the p-values and WinMax.")
    static final class Detect implements Callable<Integer> {
        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--file", description = "A UTF-8 text file to test.")
        Path file;

        @Option(names = "--text", description = "The text to test, given inline.")
        String text;

        @Override
        public Integer call() throws Exception {
            if ((file == null) == (text == null)) {
                throw new UserFacingException("Give the text to test with --file FILE or --text \"...\" (one of them).",
                        "For example: glassbox watermark detect --file out/text.txt");
            }
            String input = text;
            if (file != null) {
                input = org.glassbox.data.TextFiles.readUtf8(file, 16L << 20);
            }
            LanguageModel model = LanguageModel.bundled(Assets.locate());
            WatermarkKey key;
            try {
                key = new WatermarkKey(keyOptions.key, keyOptions.gamma, keyOptions.scheme, model.vocabulary().size());
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage() + ".", "Use the γ the text was written with, e.g. --gamma 0.25.");
            }
            WatermarkDetector detector = new WatermarkDetector(key, !keyOptions.countRepeats);
            ScoredText scored = ScoredText.score(input, model.vocabulary(), detector);
            report(scored, detector, keyOptions.threshold, keyOptions.out,
                    Map.of("model", model.id(), "source", file == null ? "--text" : file.toString()));
            return scored.detection().detected(keyOptions.threshold) ? 0 : 1;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "N watermarked generations against held-out human passages, as written and after each attack:"
                    + " AUC, TPR at 1 % and 0.1 % FPR, TPR at z = 4, and the human false-positive rate at z = 4."
                    + " Writes evaluation.csv, roc.png and report.html.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--gamma", defaultValue = "0.25", description = "Green share γ. Default: ${DEFAULT-VALUE}.")
        double gamma;

        @Option(names = "--delta", defaultValue = "2", description = "Bias δ. Default: ${DEFAULT-VALUE}.")
        double delta;

        @Option(names = "--scheme", defaultValue = "LEFT_HASH", description = "Seeding: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        SeedingScheme scheme;

        @Option(names = "--generations", defaultValue = "100", description = "Watermarked texts. Default: ${DEFAULT-VALUE}.")
        int generations;

        @Option(names = "--human", defaultValue = "1000", description = "Human passages. Default: ${DEFAULT-VALUE}.")
        int human;

        @Option(names = "--tokens", defaultValue = "200", description = "T, tokens per text. Default: ${DEFAULT-VALUE}.")
        int tokens;

        @Option(names = "--strength", defaultValue = "0.2", description = "Share of words each attack edits. Default: ${DEFAULT-VALUE}.")
        double strength;

        @Mixin
        SeedAndOutput common;

        @Override
        public Integer call() throws Exception {
            long seed = common.seed;
            Path out = common.out;
            Assets assets = Assets.locate();
            LanguageModel model = LanguageModel.bundled(assets);
            GenerationSettings settings = new GenerationSettings(Parameters.requireValid(new GenerationParameters(gamma, delta,
                    WatermarkKey.DEFAULT_KEY, tokens, 0.7, 0)), scheme, false);
            WatermarkEvaluationParameters p = Parameters.requireValid(new WatermarkEvaluationParameters(generations, human, tokens,
                    strength));
            WatermarkEvaluation task = new WatermarkEvaluation(model, KjvCorpus.load(assets), settings, p, seed);
            long start = System.nanoTime();
            int[] done = {0};
            WatermarkEvaluation.Snapshot s = org.glassbox.workspace.HeadlessRunner.runToEnd(task, snapshot -> {
                done[0]++;
                if (done[0] % 10 == 0 || done[0] == task.iterations()) {
                    System.out.printf(Locale.ROOT, "%d/%d generations, %.0f s%n", done[0], task.iterations(),
                            (System.nanoTime() - start) / 1e9);
                }
            });
            System.out.printf(Locale.ROOT, "human false-positive rate at z = 4: %.4f (%d passages)%n", s.humanFprAtZ4(),
                    s.humanScores().length);
            for (WatermarkEvaluation.Row r : s.rows()) {
                System.out.printf(Locale.ROOT, "%-34s AUC %.4f  TPR@1%%FPR %s  TPR@0.1%%FPR %s  TPR@z4 %.3f  mean z %.2f%n",
                        r.condition(), r.auc(), WatermarkEvaluation.rate(r.tprAt1Percent()),
                        WatermarkEvaluation.rate(r.tprAtTenthPercent()), r.tprAtZ4(), r.meanZ());
            }
            WatermarkEvaluation.write(out, s, settings, p, seed);
            System.out.println("results: " + out.toAbsolutePath());
            return 0;
        }
    }

    static java.awt.image.BufferedImage readImage(Path file) throws Exception {
        return org.glassbox.watermark.ImageAttack.rgb(org.glassbox.data.ImageFiles.read(file));
    }

    static boolean[] payload(String bits, int length, long seed) throws UserFacingException {
        try {
            return bits != null ? org.glassbox.watermark.ImageWatermark.fromText(bits)
                    : org.glassbox.watermark.ImageWatermark.randomPayload(length, seed);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage() + ".", "Give --bits as a string of 0s and 1s.");
        }
    }

    @Command(name = "image-embed", mixinStandardHelpOptions = true,
            description = "Embed a bit string into an image with the DWT-DCT watermark (colour channel U, Δ = 36); writes a PNG.")
    static final class ImageEmbed implements Callable<Integer> {
        @Option(names = "--image", defaultValue = "assets/photos/coffee.png", description = "Image to mark. Default: ${DEFAULT-VALUE}.")
        Path image;

        @Option(names = "--bits", description = "Payload as 0s and 1s (default: --length random bits from --seed).")
        String bits;

        @Option(names = "--length", defaultValue = "48", description = "Random payload length. Default: ${DEFAULT-VALUE}.")
        int length;

        @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed of the random payload. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = {"-o", "--out"}, defaultValue = "watermarked.png", description = "PNG to write. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() throws Exception {
            java.awt.image.BufferedImage source = readImage(image);
            boolean[] payload = payload(bits, length, seed);
            java.awt.image.BufferedImage marked;
            try {
                marked = new org.glassbox.watermark.ImageWatermark().embed(source, payload);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage() + ".", "Use a larger image or a shorter payload.");
            }
            org.glassbox.experiment.ResultFolder.writeFile(out, file -> javax.imageio.ImageIO.write(marked, "png", file.toFile()));
            System.out.printf(Locale.ROOT, "embedded %d bits %s into %s (%d×%d, each bit in %d blocks), PSNR %.1f dB: %s%n",
                    payload.length, org.glassbox.watermark.ImageWatermark.toText(payload), image, source.getWidth(), source.getHeight(),
                    org.glassbox.watermark.ImageWatermark.blocks(source.getWidth(), source.getHeight()) / payload.length,
                    org.glassbox.watermark.ImageAttack.psnr(source, marked), out);
            return 0;
        }
    }

    @Command(name = "image-detect", mixinStandardHelpOptions = true,
            description = "Decode the DWT-DCT watermark's bits from an image; with --bits, also the bit accuracy.")
    static final class ImageDetect implements Callable<Integer> {
        @Option(names = "--image", required = true, description = "Image to read.")
        Path image;

        @Option(names = "--length", defaultValue = "48", description = "Payload length. Default: ${DEFAULT-VALUE}.")
        int length;

        @Option(names = "--bits", description = "The expected payload as 0s and 1s, for the bit accuracy.")
        String bits;

        @Override
        public Integer call() throws Exception {
            java.awt.image.BufferedImage source = readImage(image);
            int n = bits != null ? bits.length() : length;
            org.glassbox.watermark.ImageWatermark.Decoded decoded;
            try {
                decoded = new org.glassbox.watermark.ImageWatermark().decode(source, n);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage() + ".", "Give a shorter --length.");
            }
            System.out.println("decoded " + org.glassbox.watermark.ImageWatermark.toText(decoded.bits()));
            System.out.printf(Locale.ROOT, "mean vote agreement %.3f (1: every block agrees; 0.5: noise)%n",
                    java.util.Arrays.stream(decoded.agreement()).average().orElse(Double.NaN));
            if (bits != null) {
                double accuracy = decoded.accuracyAgainst(payload(bits, n, 0));
                System.out.printf(Locale.ROOT, "bit accuracy %.4f%n", accuracy);
                return accuracy == 1.0 ? 0 : 1;
            }
            return 0;
        }
    }

    private static void report(ScoredText scored, WatermarkDetector detector, double threshold, Path out,
                               Map<String, Object> provenance) throws java.io.IOException {
        System.out.println(WatermarkResults.summary(scored.detection(), threshold));
        if (out != null) {
            WatermarkResults.write(out, scored, detector.key(), detector.ignoresRepeated(), threshold, provenance);
            System.out.println("results: " + out.toAbsolutePath());
        }
    }

    private WatermarkCommand() {
    }
}
