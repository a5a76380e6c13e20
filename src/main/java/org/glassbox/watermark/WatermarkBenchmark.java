package org.glassbox.watermark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.glassbox.data.Assets;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;

/**
 * The watermark figures: generation speed with and without the watermark, detector throughput,
 * and at γ = 0.25, δ = 2, T = 200 the detection rate at z = 4 on watermarked text and the false
 * positives on human (held-out) text, before and after 20 % substitution.
 */
public final class WatermarkBenchmark {

    private WatermarkBenchmark() {
    }

    public static void run(PrintStream out, int generations, int humanPassages) throws Exception {
        Assets assets = Assets.locate();
        LanguageModel model = LanguageModel.bundled(assets);
        KjvCorpus corpus = KjvCorpus.load(assets);
        Vocabulary vocabulary = model.vocabulary();
        GenerationSettings settings = GenerationSettings.defaults().with(GenerationParameters.defaults().withoutPause());
        WatermarkKey key = settings.watermarkKey(vocabulary.size());
        WatermarkDetector detector = new WatermarkDetector(key, true);
        List<String> prompts = corpus.prompts(generations, 1);

        new GenerationTask(model, settings.with(settings.parameters().withTokens(50)), prompts.get(0), 0).runAll();
        out.printf(Locale.ROOT, "Bundled LM %s: %d words; γ = %.2f, δ = %.1f, %s, temperature %.1f, T = %d%n", model.id(),
                vocabulary.size(), key.gamma(), settings.parameters().delta(), settings.scheme(), settings.parameters().temperature(),
                settings.parameters().tokens());
        for (int repeat = 0; repeat < 2; repeat++) {
            double plain = tokensPerSecond(model, settings.with(settings.parameters().withDelta(0)), prompts.get(1));
            double marked = tokensPerSecond(model, settings, prompts.get(1));
            GenerationSettings self = new GenerationSettings(settings.parameters(), SeedingScheme.SELF_HASH, false);
            double selfHash = tokensPerSecond(model, self, prompts.get(1));
            out.printf(Locale.ROOT, "generation: plain %.0f tokens/s, left-hash watermark %.0f (ratio %.2f), self-hash %.0f (ratio %.2f)%n",
                    plain, marked, plain / marked, selfHash, plain / selfHash);
        }

        List<List<String>> human = corpus.humanPassages(humanPassages, settings.parameters().tokens());
        TextAttack attack = new TextAttack(vocabulary, model);
        TextAttack.Strengths substitution = new TextAttack.Strengths(0, 0.2, TextAttack.Source.RANDOM_WORDS, 0);
        TextAttack.Strengths fluent = new TextAttack.Strengths(0, 0.2, TextAttack.Source.MODEL_WORDS, 0);
        int detected = 0;
        int detectedRandom = 0;
        int detectedFluent = 0;
        double zSum = 0;
        long t0 = System.nanoTime();
        for (int g = 0; g < generations; g++) {
            GenerationTask task = new GenerationTask(model, settings, prompts.get(g), 100 + g);
            GenerationSnapshot s = task.runAll();
            zSum += s.detection().z();
            detected += s.detection().detected(4) ? 1 : 0;
            List<String> words = task.words();
            detectedRandom += detector.detect(LanguageModel.ids(vocabulary, attack.apply(words, substitution, g))).detected(4) ? 1 : 0;
            detectedFluent += detector.detect(LanguageModel.ids(vocabulary, attack.apply(words, fluent, g))).detected(4) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%d watermarked generations (%.0f s): mean z %.2f; TPR at z > 4: %.3f; after 20 %% random"
                        + " substitution %.3f; after 20 %% substitution by the model's words %.3f%n", generations,
                (System.nanoTime() - t0) / 1e9, zSum / generations, (double) detected / generations,
                (double) detectedRandom / generations, (double) detectedFluent / generations);

        int falsePositives = 0;
        int falseAfter = 0;
        double mean = 0;
        double square = 0;
        for (int i = 0; i < human.size(); i++) {
            Detection d = detector.detect(LanguageModel.ids(vocabulary, human.get(i)));
            falsePositives += d.detected(4) ? 1 : 0;
            mean += d.z();
            square += d.z() * d.z();
            falseAfter += detector.detect(LanguageModel.ids(vocabulary, attack.apply(human.get(i), substitution, i))).detected(4) ? 1 : 0;
        }
        mean /= human.size();
        out.printf(Locale.ROOT, "%d human passages of %d tokens: FPR at z > 4: %d/%d; after 20 %% substitution %d/%d;"
                        + " z mean %.3f, sd %.3f (N(0, 1) expected)%n", human.size(), settings.parameters().tokens(), falsePositives,
                human.size(), falseAfter, human.size(), mean, Math.sqrt(square / human.size() - mean * mean));

        out.println();
        image(out, assets);
        out.println();
        int[] stream = LanguageModel.ids(vocabulary, corpus.heldOutTokens());
        for (boolean ignore : new boolean[] {true, false}) {
            WatermarkDetector d = new WatermarkDetector(key, ignore);
            d.detect(stream, false);
            long start = System.nanoTime();
            int reps = 3;
            for (int r = 0; r < reps; r++) {
                d.detect(java.util.Arrays.copyOf(stream, 100_000), false);
            }
            double perSecond = reps * 100_000 / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "detector (%s repeats, texts of 100,000 tokens, WinMax off): %.2fM tokens/s%n",
                    ignore ? "ignoring" : "counting", perSecond / 1e6);
        }
    }

    /** Bit accuracy of the DWT-DCT watermark on the bundled photographs, clean and under each attack. */
    public static void image(PrintStream out, Assets assets) throws java.io.IOException {
        boolean[] bits = ImageWatermark.sdxlPayload();
        ImageWatermark mark = new ImageWatermark();
        String[] names = {"astronaut", "chelsea", "coffee", "rocket", "hubble_deep_field"};
        out.println("Bit accuracy of the DWT-DCT watermark (48-bit SDXL payload). JPEG q: 4:2:0 colour / 4:4:4 colour.");
        out.printf(Locale.ROOT, "%-18s %6s %6s %11s %11s %11s %8s %8s %9s %7s %7s %10s%n", "photo", "PSNR", "clean", "JPEG90",
                "JPEG75", "JPEG50", "resize.5", "noise.02", "bright1.2", "crop.9", "rotate5", "ms emb/dec");
        for (String name : names) {
            java.awt.image.BufferedImage photo = ImageAttack.rgb(javax.imageio.ImageIO.read(
                    assets.assets().resolve("photos/" + name + ".png").toFile()));
            long t0 = System.nanoTime();
            java.awt.image.BufferedImage marked = mark.embed(photo, bits);
            long t1 = System.nanoTime();
            double clean = mark.decode(marked, 48).accuracyAgainst(bits);
            long t2 = System.nanoTime();
            out.printf(Locale.ROOT, "%-18s %6.1f %6.3f %5.3f/%5.3f %5.3f/%5.3f %5.3f/%5.3f %8.3f %8.3f %9.3f %7.3f %7.3f %6.0f/%.0f%n",
                    name, ImageAttack.psnr(photo, marked), clean,
                    mark.decode(ImageAttack.jpeg(marked, 90), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.jpeg(marked, 90, false), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.jpeg(marked, 75), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.jpeg(marked, 75, false), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.jpeg(marked, 50), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.jpeg(marked, 50, false), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.resize(marked, 0.5), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.noise(marked, 0.02, 1), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.brightness(marked, 1.2), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.crop(marked, 0.9), 48).accuracyAgainst(bits),
                    mark.decode(ImageAttack.rotate(marked, 5), 48).accuracyAgainst(bits),
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }

    private static double tokensPerSecond(LanguageModel model, GenerationSettings settings, String prompt) throws Exception {
        GenerationSnapshot s = new GenerationTask(model, settings.with(settings.parameters().withTokens(200)), prompt, 5).runAll();
        return s.tokensPerSecond();
    }
}
