package org.glassbox.watermark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;
import org.glassbox.metrics.Roc;

/**
 * N watermarked generations against held-out human passages of the same length, scored as written
 * and after each attack. Each step writes one more generation; every snapshot carries the ROC of
 * every condition so far (the protocol of Kirchenbauer et al. 2024: AUC and TPR at a fixed FPR).
 */
public final class WatermarkEvaluation implements IterativeTask<WatermarkEvaluation.Snapshot> {

    /** What is done to the watermarked text before it is scored. */
    public enum Condition {
        NONE("no attack"),
        DELETION("deletion"),
        SUBSTITUTION("substitution, random words"),
        MODEL_SUBSTITUTION("substitution, model's words"),
        INSERTION("insertion"),
        COPY_PASTE("copy-paste CP-3 into human text");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One row of the table. NaN where the human passages are too few to resolve the FPR. */
    public record Row(Condition condition, int positives, double auc, double tprAt1Percent, double tprAtTenthPercent,
                      double tprAtZ4, double meanZ) {
    }

    public record Snapshot(int generated, Map<Condition, double[]> positiveScores, double[] humanScores, List<Row> rows,
                           double humanFprAtZ4) {

        public Roc roc(Condition c) {
            return new Roc(positiveScores.get(c), humanScores);
        }
    }

    private final LanguageModel model;
    private final GenerationSettings settings;
    private final WatermarkEvaluationParameters parameters;
    private final long seed;
    private final WatermarkDetector detector;
    private final TextAttack attack;
    private final List<String> prompts;
    private final List<List<String>> humanPassages;
    private final List<List<String>> pastePassages;
    private final Map<Condition, List<Double>> scores = new EnumMap<>(Condition.class);
    private double[] human;

    public WatermarkEvaluation(LanguageModel model, KjvCorpus corpus, GenerationSettings settings,
                               WatermarkEvaluationParameters parameters, long seed) {
        this.model = model;
        this.settings = settings.with(settings.parameters().withTokens(parameters.tokens()).withoutPause());
        this.parameters = parameters;
        this.seed = seed;
        this.detector = new WatermarkDetector(this.settings.watermarkKey(model.vocabulary().size()), true);
        this.attack = new TextAttack(model.vocabulary(), model.copy());
        this.prompts = corpus.prompts(parameters.generations(), Seeds.derive(seed, "prompts"));
        List<List<String>> all = corpus.humanPassages(Integer.MAX_VALUE, parameters.tokens());
        if (all.size() < 2) {
            throw new IllegalArgumentException("the held-out text holds fewer than 2 passages of " + parameters.tokens() + " tokens");
        }
        int negatives = Math.min(parameters.humanPassages(), all.size() - 1);
        this.humanPassages = all.subList(0, negatives);
        this.pastePassages = all.subList(negatives, all.size());
        for (Condition c : Condition.values()) {
            scores.put(c, new ArrayList<>());
        }
    }

    @Override
    public int iterations() {
        return parameters.generations();
    }

    @Override
    public Snapshot step(int index) throws InterruptedException {
        if (human == null) {
            human = humanPassages.stream().mapToDouble(p -> z(p)).toArray();
        }
        long textSeed = Seeds.derive(seed, "text-" + index);
        GenerationTask task = new GenerationTask(model, settings, prompts.get(index), textSeed);
        task.runAll();
        List<String> words = task.words();
        double s = parameters.attackStrength();
        for (Condition c : Condition.values()) {
            List<String> attacked = switch (c) {
                case NONE -> words;
                case DELETION -> attack.apply(words, new TextAttack.Strengths(s, 0, TextAttack.Source.RANDOM_WORDS, 0), textSeed);
                case SUBSTITUTION -> attack.apply(words, new TextAttack.Strengths(0, s, TextAttack.Source.RANDOM_WORDS, 0), textSeed);
                case MODEL_SUBSTITUTION -> attack.apply(words, new TextAttack.Strengths(0, s, TextAttack.Source.MODEL_WORDS, 0), textSeed);
                case INSERTION -> attack.apply(words, new TextAttack.Strengths(0, 0, TextAttack.Source.RANDOM_WORDS, s), textSeed);
                case COPY_PASTE -> TextAttack.copyPaste(words, pastePassages.get(index % pastePassages.size()), Math.max(s, 0.1), 3,
                        textSeed);
            };
            scores.get(c).add(z(attacked));
        }
        return snapshot(index + 1);
    }

    private double z(List<String> tokens) {
        double z = detector.detect(LanguageModel.ids(model.vocabulary(), tokens), false).z();
        return Double.isNaN(z) ? 0 : z;
    }

    private Snapshot snapshot(int generated) {
        Map<Condition, double[]> positives = new EnumMap<>(Condition.class);
        List<Row> rows = new ArrayList<>();
        double[] sortedHuman = human.clone();
        Arrays.sort(sortedHuman);
        for (Condition c : Condition.values()) {
            double[] p = scores.get(c).stream().mapToDouble(Double::doubleValue).toArray();
            positives.put(c, p);
            Roc roc = new Roc(p, human);
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            rows.add(new Row(c, p.length, roc.auc(), roc.truePositiveRateAt(0.01), roc.truePositiveRateAt(0.001),
                    Roc.rateAbove(sorted, 4), Arrays.stream(p).average().orElse(Double.NaN)));
        }
        return new Snapshot(generated, positives, human.clone(), rows, Roc.rateAbove(sortedHuman, 4));
    }

    /** Writes evaluation.csv, roc.png and report.html into the folder. */
    public static void write(java.nio.file.Path out, Snapshot s, GenerationSettings settings, WatermarkEvaluationParameters p,
                             long seed) throws java.io.IOException {
        org.glassbox.experiment.ResultFolder.write(out, folder -> {
            java.nio.file.Files.writeString(folder.resolve("evaluation.csv"), csv(s), java.nio.charset.StandardCharsets.UTF_8);
            java.awt.image.BufferedImage roc = RocImage.render(s, 760, 520);
            javax.imageio.ImageIO.write(roc, "png", folder.resolve("roc.png").toFile());
            Map<String, Object> what = new java.util.LinkedHashMap<>();
            what.put("watermark", String.format(Locale.ROOT, "KGW, γ = %s, δ = %s, %s, key %d, temperature %s", settings.parameters().gamma(),
                    settings.parameters().delta(), settings.scheme(), settings.parameters().key(), settings.parameters().temperature()));
            what.put("texts", s.generated() + " generations and " + s.humanScores().length + " held-out human passages of "
                    + p.tokens() + " tokens; repeated (context, word) pairs counted once");
            what.put("attack strength", p.attackStrength());
            what.put("seed", seed);
            what.put("human false-positive rate at z = 4", String.format(Locale.ROOT, "%.4f", s.humanFprAtZ4()));
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            for (Row r : s.rows()) {
                figures.put(r.condition().toString(), String.format(Locale.ROOT,
                        "AUC %.4f · TPR at 1 %% FPR %s · at 0.1 %% FPR %s · at z = 4 %.3f · mean z %.2f", r.auc(), rate(r.tprAt1Percent()),
                        rate(r.tprAtTenthPercent()), r.tprAtZ4(), r.meanZ()));
            }
            new org.glassbox.experiment.HtmlReport("Watermark evaluation")
                    .table("What was run", what)
                    .table("Figures", figures)
                    .image("ROC curves (false-positive rate on a log axis)", roc)
                    .write(folder.resolve("report.html"));
            return null;
        });
    }

    /** A rate, or why there is none. */
    public static String rate(double r) {
        return Double.isNaN(r) ? "n/a (too few human passages)" : String.format(Locale.ROOT, "%.3f", r);
    }

    /** The table as CSV. */
    public static String csv(Snapshot s) {
        StringBuilder b = new StringBuilder("condition,positives,negatives,auc,tpr_at_fpr_1pct,tpr_at_fpr_0.1pct,tpr_at_z4,mean_z,human_fpr_at_z4\n");
        for (Row r : s.rows()) {
            b.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.6f%n", r.condition().name(), r.positives(),
                    s.humanScores().length, r.auc(), r.tprAt1Percent(), r.tprAtTenthPercent(), r.tprAtZ4(), r.meanZ(), s.humanFprAtZ4()));
        }
        return b.toString();
    }
}
