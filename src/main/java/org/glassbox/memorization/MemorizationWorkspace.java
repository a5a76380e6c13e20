package org.glassbox.memorization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.data.Assets;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.Plot;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.LanguageModel;
import org.glassbox.workspace.BaseWorkspace;
import org.glassbox.workspace.Demo;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;

/** Memorization: secrets planted in a language model's training text and their exposure drawn as it trains. */
public final class MemorizationWorkspace extends BaseWorkspace<MemorizationSetup, MemorizationSnapshot> {

    public static final String WORKSPACE = "memorization";
    public static final String TRAIN_HERE = "train-here";
    public static final String MODEL_FILE = "canary-lstm.zip";

    public MemorizationWorkspace() {
        super(WORKSPACE, "Memorization",
                "Plant secrets in a language model's training text, a few times each, and watch how exposed each becomes as it"
                        + " trains: the Secret Sharer's exposure, exact and extrapolated.",
                "memorization", MemorizationSetup.class, MemorizationSetup::defaults);
    }

    public static Experiment experiment(MemorizationSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, TRAIN_HERE, KjvCorpus.ID, ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    @Override
    public String formula() {
        return "exposure(s) = log₂|R| − log₂ rank(s),  rank by log-perplexity −Σ log₂ p(dᵢ | prefix, d₍<i₎) among all |R| fillings of"
                + " the format;  extrapolated: −log₂ F_skew-normal(log-perplexity of s)";
    }

    @Override
    public List<Demo> demos() {
        MemorizationSetup d = MemorizationSetup.defaults();
        return List.of(
                new Demo("Secrets written 1, 5, 25 and 100 times",
                        "Four five-digit secrets are planted in the Bible's text, each a different number of times; as the model trains,"
                                + " the one written 100 times climbs to rank 1 of 100,000, the one written once stays among the crowd.",
                        experiment(d, 1)),
                new Demo("Forgetting: the secrets only in the first half",
                        "The same secrets, but the text of the second half of training no longer holds them: watch whether their"
                                + " exposure falls once the model stops seeing them.", experiment(d.withForgetting(true), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return experiment(new MemorizationSetup("my number is _ _ _", "1, 50", 300, 300, 16, 12, 8, 12, 3e-3, false, 0.5, 200, 30, 24, 40,
                1.0, false, 6), seed);
    }

    @Override
    public MemorizationSetup setup(Experiment experiment) throws Exception {
        requireOwn(experiment);
        requireTrainedHere(experiment, TRAIN_HERE, KjvCorpus.ID, "cannot have secrets planted in it");
        MemorizationSetup setup = super.setup(experiment);
        setup.secretFormat();
        setup.repetitionCounts();
        return setup;
    }

    @Override
    public PreparedRun<MemorizationSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        MemorizationSetup setup = setup(experiment);
        MemorizationTask task = new MemorizationTask(KjvCorpus.load(assets), setup, experiment.seed());
        return new PreparedRun<>() {
            @Override
            public IterativeTask<MemorizationSnapshot> task() {
                return task;
            }

            @Override
            public String progress(MemorizationSnapshot s, int completed) {
                return line(s);
            }

            @Override
            public RunRecord write(Path out, MemorizationSnapshot last, RunTiming timing) throws IOException {
                return writeResults(out, experiment, setup, task, last, timing);
            }

            @Override
            public List<String> summary(MemorizationSnapshot last, RunTiming timing) {
                List<String> lines = new ArrayList<>();
                lines.add(line(last) + String.format(Locale.ROOT, "; %.1f s", timing.seconds()));
                if (last.extraction() != null) {
                    lines.add(secretsWrittenLine(last));
                    lines.addAll(extractionLines(last.extraction()));
                }
                return lines;
            }
        };
    }

    public static String line(MemorizationSnapshot s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %,d of %,d: held-out perplexity %.1f · exposure", s.step(),
                s.totalSteps(), s.perplexityNow()));
        for (int c = 0; c < s.canaries().size(); c++) {
            sb.append(String.format(Locale.ROOT, "%s ×%d %.2f bits (rank %,d)", c == 0 ? "" : ",", s.canaries().get(c).repetitions(),
                    s.exposureNow(c), s.ranks()[c]));
        }
        return sb.toString();
    }

    /** Per score, the share of its top k with a verbatim run from the training text, beside the held-out control. */
    public static List<String> extractionLines(ExtractionAttack.Result r) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "Extraction, %d samples of %d words: share with a run of ≥ %d"
                + " training words (held-out control) in the top", r.samples().size(), r.settings().length(), r.settings().verbatimWords()));
        for (int k : r.ks()) {
            head.append(' ').append(k);
        }
        lines.add(head.toString());
        for (MembershipScores.Score score : MembershipScores.Score.values()) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-16s", scoreName(score)));
            for (int j = 0; j < r.ks().length; j++) {
                sb.append(String.format(Locale.ROOT, " %5.1f %% (%.1f %%)", 100 * r.precision().get(score)[j],
                        100 * r.controlPrecision().get(score)[j]));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** How many of the samples write each planted secret out whole: the secrets the attack extracts. */
    public static String secretsWrittenLine(MemorizationSnapshot s) {
        StringBuilder sb = new StringBuilder("Secrets the model writes out whole, in " + s.extraction().samples().size() + " samples:");
        for (int c = 0; c < s.canaries().size(); c++) {
            Canary canary = s.canaries().get(c);
            sb.append(String.format(Locale.ROOT, "%s written %d× in %d", c == 0 ? "" : ",", canary.repetitions(),
                    s.extraction().containing(org.glassbox.watermark.WordTokenizer.words(canary.text()))));
        }
        return sb.toString();
    }

    public static String scoreName(MembershipScores.Score score) {
        return switch (score) {
            case PERPLEXITY -> "perplexity";
            case REFERENCE_RATIO -> "bigram ratio";
            case LOWERCASE_RATIO -> "lower-case ratio";
            case ZLIB_RATIO -> "zlib ratio";
            case WINDOW -> "window of 10";
        };
    }

    /** Each secret's exposure against the steps: exact (solid) and extrapolated (dashed), with the ceiling log₂|R|. */
    public static Plot exposurePlot(MemorizationSnapshot s, MemorizationSetup setup) {
        Plot plot = new Plot("Exposure of each secret", "training step", "exposure (bits)").yRange(0, Exposure.log2(s.candidates()) * 1.15);
        for (int c = 0; c < s.canaries().size(); c++) {
            String name = "written " + s.canaries().get(c).repetitions() + "×";
            if (!Double.isNaN(s.exposureNow(c)) && !Double.isNaN(s.exactExposure()[c][0])) {
                plot.series(name, s.steps(), s.exactExposure()[c]);
            } else {
                plot.series(name + " (extrapolated)", s.steps(), s.extrapolatedExposure()[c]);
            }
        }
        plot.reference(Exposure.log2(s.candidates()), String.format(Locale.ROOT, " log₂|R| = %.1f: rank 1", Exposure.log2(s.candidates())));
        if (setup.forgetting()) {
            plot.xMarker(Math.round(setup.secretsUntil() * setup.steps()), " the secrets leave the text ");
        }
        return plot;
    }

    public static Plot perplexityPlot(MemorizationSnapshot s) {
        Plot plot = new Plot("Held-out perplexity", "training step", "perplexity (words)");
        plot.series("chapters the model never saw", s.steps(), s.perplexity());
        return plot;
    }

    /** exposure.csv, the model and its words, run.json and report.html (run.json last). */
    public static RunRecord writeResults(Path out, Experiment experiment, MemorizationSetup setup, MemorizationTask task,
                                         MemorizationSnapshot last, RunTiming timing) throws IOException {
        return ResultFolder.write(out, folder -> {
            List<String> rows = new ArrayList<>();
            rows.add("secret,repetitions,step,rank,exposure_exact,exposure_extrapolated");
            for (int c = 0; c < last.canaries().size(); c++) {
                Canary canary = last.canaries().get(c);
                for (int f = 0; f < last.steps().length; f++) {
                    double exact = last.exactExposure()[c][f];
                    String rank = Double.isNaN(exact) ? "" : Long.toString(Math.round(last.candidates() / Math.pow(2, exact)));
                    rows.add(String.format(Locale.ROOT, "\"%s\",%d,%.0f,%s,%s,%s", canary.text(), canary.repetitions(), last.steps()[f], rank,
                            Double.isNaN(exact) ? "" : Double.toString(exact), last.extrapolatedExposure()[c][f]));
                }
            }
            Files.write(folder.resolve("exposure.csv"), rows);
            List<String> files = new ArrayList<>(List.of("exposure.csv"));
            if (last.extraction() != null) {
                List<String> samples = new ArrayList<>();
                samples.add("sample,perplexity,reference_ratio,lowercase_ratio,zlib_ratio,window_perplexity,longest_training_run,"
                        + "longest_held_out_run");
                for (ExtractionAttack.Sample x : last.extraction().samples()) {
                    samples.add(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,%s,%s,%d,%d", x.text().replace("\"", "\"\""), x.perplexity(),
                            x.referenceRatio(), x.lowercaseRatio(), x.zlibRatio(), x.windowPerplexity(), x.training().length(),
                            x.heldOut().length()));
                }
                Files.write(folder.resolve("samples.csv"), samples);
                files.add("samples.csv");
            }
            ModelSerializer.writeModel(task.network(), folder.resolve(MODEL_FILE).toFile(), false);
            String words = LanguageModel.vocabularyFileOf(folder.resolve(MODEL_FILE));
            task.vocabulary().write(folder.resolve(words));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("steps", last.step());
            metrics.put("heldOutPerplexity", last.perplexityNow());
            metrics.put("candidates", last.candidates());
            for (int c = 0; c < last.canaries().size(); c++) {
                metrics.put("exposure" + last.canaries().get(c).repetitions() + "x", last.exposureNow(c));
                metrics.put("rank" + last.canaries().get(c).repetitions() + "x", last.ranks()[c]);
            }
            if (last.extraction() != null) {
                for (Canary c : last.canaries()) {
                    metrics.put("samplesWriting" + c.repetitions() + "xSecret", last.extraction().containing(
                            org.glassbox.watermark.WordTokenizer.words(c.text())));
                }
            }
            Map<String, Object> timings = new LinkedHashMap<>();
            timings.put("stepsPerSecond", last.step() / Math.max(timing.seconds(), 1e-9));
            files.addAll(List.of(MODEL_FILE, words, "run.json", "report.html"));
            RunRecord record = new RunRecord(experiment, Versions.current(), timing.started().toString(), timing.seconds(), timings,
                    metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            Map<String, Object> secrets = new LinkedHashMap<>();
            for (Canary c : last.canaries()) {
                secrets.put(c.text(), c.repetitions() + " times");
            }
            HtmlReport html = new HtmlReport("Memorization: the exposure of planted secrets")
                    .paragraph(line(last) + ". The secrets, the format and the seed are in the setup; exposure is log₂ of the number of"
                            + " candidates minus log₂ of the secret's rank among them (Carlini et al. 2019).")
                    .table("Setup", Map.of("setup", setup, "seed", experiment.seed()))
                    .table("Secrets planted", secrets)
                    .table("Figures", metrics)
                    .image("Exposure against steps", exposurePlot(last, setup).image(760, 380))
                    .image("Held-out perplexity against steps", perplexityPlot(last).image(760, 320));
            HtmlReport report = html;
            if (last.extraction() != null) {
                report.paragraph(secretsWrittenLine(last) + ". " + String.join(" · ", extractionLines(last.extraction())));
                Map<String, Object> top = new LinkedHashMap<>();
                for (ExtractionAttack.Sample x : last.extraction().ranked(MembershipScores.Score.ZLIB_RATIO).subList(0,
                        Math.min(10, last.extraction().samples().size()))) {
                    top.put(x.text(), "longest training run " + x.training().length() + " words, held-out " + x.heldOut().length());
                }
                report.table("Top 10 samples by the zlib ratio", top);
            }
            report.write(folder.resolve("report.html"));
            return record;
        });
    }
}
