package org.glassbox.watermark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.glassbox.metrics.Csv;

/** What a watermark run leaves on disk: the text, each token's mark, the z curve and a summary. */
public final class WatermarkResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WatermarkResults() {
    }

    /** One line for people: T, green share, z, both p-values, the verdict and WinMax. */
    public static String summary(Detection d, double threshold) {
        if (d.tokens() == 0) {
            return "No text yet: press F5 to write some, or type or paste text into the editor.";
        }
        if (d.scored() == 0) {
            return "No word scored yet: the first " + d.tokens() + " word(s) have no context.";
        }
        String verdict = d.detected(threshold) ? "watermarked (z > " + fmt(threshold) + ")" : "no watermark found (z ≤ " + fmt(threshold) + ")";
        String win = Double.isNaN(d.winMax().z()) ? "" : String.format(Locale.ROOT,
                "%nWinMax z = %.2f over %d scored tokens (%d green): the best window, a score and not a p-value.",
                d.winMax().z(), d.winMax().length(), d.winMax().green());
        return String.format(Locale.ROOT, "T = %d scored, %d green (%.1f %%, γ = %.2f expects %.0f %%) · z = %.2f · p = %.2e"
                        + " (exact binomial %.2e) · %s%s", d.scored(), d.green(), 100 * d.greenFraction(), d.gamma(),
                100 * d.gamma(), d.z(), d.pValue(), d.binomialPValue(), verdict, win);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Writes a detection of any text: text.txt, tokens.csv, z-curve.csv and detection.json. */
    public static void write(Path out, ScoredText scored, WatermarkKey key, boolean ignoreRepeated, double threshold,
                             Map<String, Object> provenance) throws IOException {
        org.glassbox.experiment.ResultFolder.write(out, folder -> {
            writeFiles(folder, scored, key, ignoreRepeated, threshold, provenance);
            return null;
        });
    }

    /** Writes a generation experiment's run: the detection's files, and run.json with the experiment to replay. */
    public static org.glassbox.experiment.RunRecord writeRun(Path out, org.glassbox.experiment.Experiment experiment,
                                                             ScoredText scored, WatermarkKey key, boolean ignoreRepeated,
                                                             double threshold, java.time.Instant started, double seconds)
            throws IOException {
        return org.glassbox.experiment.ResultFolder.write(out, folder -> {
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("model", experiment.model());
            provenance.put("prompt", experiment.parameters().path("prompt").asText());
            provenance.put("seed", experiment.seed());
            provenance.put("experiment", experiment);
            writeFiles(folder, scored, key, ignoreRepeated, threshold, provenance);
            Detection d = scored.detection();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("tokens", d.tokens());
            metrics.put("scored", d.scored());
            metrics.put("green", d.green());
            metrics.put("z", d.z());
            metrics.put("pValue", d.pValue());
            metrics.put("detected", d.detected(threshold));
            org.glassbox.experiment.RunRecord record = new org.glassbox.experiment.RunRecord(experiment,
                    org.glassbox.experiment.Versions.current(), started.toString(), seconds, metrics,
                    java.util.List.of("text.txt", "tokens.csv", "z-curve.csv", "detection.json", "run.json"));
            org.glassbox.experiment.ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            return record;
        });
    }

    private static void writeFiles(Path folder, ScoredText scored, WatermarkKey key, boolean ignoreRepeated, double threshold,
                                   Map<String, Object> provenance) throws IOException {
        {
            Files.writeString(folder.resolve("text.txt"), scored.text(), StandardCharsets.UTF_8);
            Detection d = scored.detection();
            StringBuilder tokens = new StringBuilder("index,token,start,end,mark\n");
            for (int i = 0; i < scored.tokens().size(); i++) {
                WordTokenizer.Token t = scored.tokens().get(i);
                tokens.append(i).append(',').append(Csv.quote(t.text())).append(',').append(t.start()).append(',').append(t.end())
                        .append(',').append(d.marks()[i]).append('\n');
            }
            Files.writeString(folder.resolve("tokens.csv"), tokens, StandardCharsets.UTF_8);
            StringBuilder curve = new StringBuilder("scored,token_index,z\n");
            for (int k = 0; k < d.scored(); k++) {
                curve.append(k + 1).append(',').append(d.countedAt()[k]).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", d.zByCount()[k])).append('\n');
            }
            Files.writeString(folder.resolve("z-curve.csv"), curve, StandardCharsets.UTF_8);
            Map<String, Object> summary = new LinkedHashMap<>(provenance);
            summary.put("key", key.key());
            summary.put("gamma", key.gamma());
            summary.put("seeding", key.scheme().name());
            summary.put("vocabularySize", key.vocabularySize());
            summary.put("ignoreRepeated", ignoreRepeated);
            summary.put("threshold", threshold);
            summary.put("tokens", d.tokens());
            summary.put("scored", d.scored());
            summary.put("green", d.green());
            summary.put("z", d.z());
            summary.put("pValue", d.pValue());
            summary.put("binomialPValue", d.binomialPValue());
            summary.put("detected", d.detected(threshold));
            summary.put("winMaxZ", d.winMax().z());
            summary.put("winMaxLength", d.winMax().length());
            JSON.writeValue(folder.resolve("detection.json").toFile(), summary);
        }
    }
}
