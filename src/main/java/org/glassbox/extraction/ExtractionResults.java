package org.glassbox.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.LayerComparison;
import org.glassbox.regions.Coloring;
import org.glassbox.regions.ExactPartition;
import org.glassbox.regions.MapLine;
import org.glassbox.regions.MapMarker;
import org.glassbox.regions.RegionMap;
import org.glassbox.regions.RegionMapImage;

/**
 * What the attack leaves behind, shared by the workspace and {@code glassbox extract}: the map with
 * the attack drawn over it (map.png), the recovered neurons (neurons.csv), the run (run.json), a
 * one-page report (report.html) and, when the network was recovered whole with its signs, the
 * network itself (recovered-model.zip).
 */
public final class ExtractionResults {

    /** Colour indices of the overlay, as {@link org.glassbox.regions.RegionColors#category}. */
    public static final int HYPERPLANE = 8;
    public static final int FIRST_LAYER_POINT = 2;
    public static final int DEEPER_POINT = 0;
    public static final int TRACE = 3;
    public static final int PARTIAL_TRACE = 7;
    public static final int DEEPER_BOUNDARY = 5;

    private ExtractionResults() {
    }

    /**
     * The searched lines (grey), the recovered hyperplanes' traces on the plane (pink) and the
     * recovered deeper boundaries (teal), and, for a network of two inputs, the boundary walks (purple; slate
     * where a walk did not determine its neuron). With more inputs the walks leave the plane, so they are not drawn.
     */
    public static List<MapLine> lines(ExtractionTarget target, ExtractionSnapshot s) {
        List<MapLine> lines = new ArrayList<>();
        for (double[] seg : s.lineSegments()) {
            lines.add(MapLine.segment(seg[0], seg[1], seg[2], seg[3], -1, 1));
        }
        for (RecoveredNeuron n : s.firstLayer()) {
            lines.add(MapLine.infinite(target.plane().trace(n.plane().w(), n.plane().b()), HYPERPLANE, 2.6));
        }
        for (double[] seg : s.boundaries()) {
            lines.add(MapLine.segment(seg[0], seg[1], seg[2], seg[3], DEEPER_BOUNDARY, 2.6));
        }
        if (target.network().inputs() == 2) {
            for (double[] seg : s.traces()) {
                lines.add(MapLine.segment(seg[0], seg[1], seg[2], seg[3], seg[4] > 0 ? TRACE : PARTIAL_TRACE, seg[4] > 0 ? 2.2 : 1.0));
            }
        }
        return lines;
    }

    /** The critical points, coloured by what the attack made of them. */
    public static List<MapMarker> markers(ExtractionSnapshot s) {
        List<MapMarker> markers = new ArrayList<>();
        for (KinkPoint k : s.kinks()) {
            int color = switch (k.kind()) {
                case FIRST_LAYER -> FIRST_LAYER_POINT;
                case DEEPER -> DEEPER_POINT;
                case UNCLEAR -> -1;
            };
            markers.add(new MapMarker(k.u(), k.v(), color, null));
        }
        return markers;
    }

    /**
     * The recovered neurons, one row each: layer, index, witnesses (first layer), the matched true
     * neuron and the errors against it, then the bias and the weights over the layer below (the
     * inputs for layer 1). Deeper rows carry their weights once the whole network is recovered.
     */
    public static String neuronsCsv(ExtractionSnapshot s) {
        StringBuilder sb = new StringBuilder("layer,neuron,witnesses,true_neuron,one_minus_cos,max_error,bits,b");
        int d = s.firstLayer().isEmpty() ? 0 : s.firstLayer().get(0).plane().w().length;
        for (int j = 0; j < d; j++) {
            sb.append(",w").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < s.firstLayer().size(); i++) {
            RecoveredNeuron n = s.firstLayer().get(i);
            int index = i;
            LayerComparison.NeuronMatch m = s.comparison().matches().stream().filter(x -> x.recovered() == index).findFirst()
                    .orElse(null);
            sb.append(1).append(',').append(i).append(',').append(n.witnesses()).append(',').append(m == null ? "" : m.truth()).append(',')
                    .append(m == null ? "" : Math.max(0, 1 - Math.abs(m.cosine()))).append(',')
                    .append(m == null ? "" : m.maxError()).append(',').append(m == null ? "" : m.bits()).append(',')
                    .append(n.plane().b());
            for (double w : n.plane().w()) {
                sb.append(',').append(w);
            }
            sb.append('\n');
        }
        if (s.layers() != null) {
            for (int l = 1; l < s.layers().hidden().size(); l++) {
                LayerComparison c = s.layers().hidden().get(l);
                double[][] w = s.completion() == null ? null : s.completion().network().weights().get(l);
                double[] b = s.completion() == null ? null : s.completion().network().biases().get(l);
                for (int i = 0; i < c.recoveredNeurons(); i++) {
                    int index = i;
                    LayerComparison.NeuronMatch m = c.matches().stream().filter(x -> x.recovered() == index).findFirst().orElse(null);
                    sb.append(l + 1).append(',').append(i).append(",,").append(m == null ? "" : m.truth()).append(',')
                            .append(m == null ? "" : Math.max(0, 1 - Math.abs(m.cosine()))).append(',')
                            .append(m == null ? "" : m.maxError()).append(',').append(m == null ? "" : m.bits()).append(',')
                            .append(b == null ? "" : b[i]);
                    if (w != null) {
                        for (double x : w[i]) {
                            sb.append(',').append(x);
                        }
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The figures of a run, by name, for run.json and the report. */
    public static Map<String, Object> metrics(ExtractionSnapshot s, double seconds) {
        LayerComparison c = s.comparison();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("queries", s.queries());
        metrics.put("firstLayerFound", c.recoveredNeurons());
        metrics.put("firstLayerTrueWidth", c.trueNeurons());
        metrics.put("fractionRecovered", c.fractionRecovered());
        metrics.put("maxWeightError", c.maxError());
        metrics.put("criticalPoints", s.kinks().size());
        metrics.put("deeperCriticalPoints", s.kinks().stream().filter(k -> k.kind() == KinkPoint.Kind.DEEPER).count());
        if (s.layers() != null) {
            List<Map<String, Object>> layers = new ArrayList<>();
            for (int l = 0; l < s.layers().hidden().size(); l++) {
                LayerComparison layer = s.layers().hidden().get(l);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("layer", l + 1);
                row.put("found", layer.recoveredNeurons());
                row.put("trueWidth", layer.trueNeurons());
                row.put("fractionRecovered", layer.fractionRecovered());
                row.put("maxWeightError", layer.maxError());
                layers.add(row);
            }
            metrics.put("layers", layers);
        }
        metrics.put("stage", s.stage());
        Completion done = s.completion();
        if (done != null) {
            metrics.put("signsKnown", done.signsKnown());
            metrics.put("signsRight", done.signsRight());
            metrics.put("lastLayerError", done.lastLayerError());
            metrics.put("outputLayerError", done.layers().outputError());
            metrics.put("lastLayerQueries", done.queries());
            metrics.put("maxOutputErrorRandomInputs", done.randomInputs().maxError());
            metrics.put("maxOutputErrorPlane", done.planeInputs().maxError());
            metrics.put("argmaxAgreement", done.randomInputs().argmaxAgreement());
        }
        return metrics;
    }

    /** Writes the results into the folder and returns the names of the files written. */
    public static org.glassbox.experiment.RunRecord write(Path out, org.glassbox.experiment.Experiment experiment,
                                                          ExtractionTarget target, ExtractionSnapshot s, ExtractionParameters parameters,
                                                          OutputPrecision precision, Instant started, double seconds) throws IOException {
        long seed = experiment.seed();
        return org.glassbox.experiment.ResultFolder.write(out, folder -> {
            List<String> files = new ArrayList<>();
            RegionMap map = ExactPartition.compute(target.network(), target.plane(), target.window());
            java.awt.image.BufferedImage picture = RegionMapImage.render(map, lines(target, s), markers(s), Coloring.SLOPE, 800);
            javax.imageio.ImageIO.write(picture, "png", folder.resolve("map.png").toFile());
            files.add("map.png");
            Files.writeString(folder.resolve("neurons.csv"), neuronsCsv(s), StandardCharsets.UTF_8);
            files.add("neurons.csv");
            if (s.completion() != null) {
                RecoveredModel.write(s.completion().network(), folder.resolve("recovered-model.zip"));
                files.add("recovered-model.zip");
            }
            files.add("run.json");
            files.add("report.html");
            Map<String, Object> metrics = metrics(s, seconds);
            org.glassbox.experiment.RunRecord record = new org.glassbox.experiment.RunRecord(experiment, Versions.current(),
                    started.toString(), seconds, metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("network", target.name() + " (" + target.network().inputs() + " inputs; widths hidden from the attack)");
            what.put("black box answers", precision.toString());
            what.put("parameters", parameters);
            what.put("seed", seed);
            what.put("started", started);
            new HtmlReport("Reverse engineering: " + target.name())
                    .paragraph(String.format(Locale.ROOT, "%,d queries; first layer %d neurons found of %d, %.0f %% recovered. %s",
                            s.queries(), s.comparison().recoveredNeurons(), s.comparison().trueNeurons(),
                            100 * s.comparison().fractionRecovered(), s.stage()))
                    .table("What was run", what)
                    .table("Figures", metrics)
                    .image("The true network's regions with the attack drawn over them: searched lines (grey), critical points"
                            + " (green: first layer, orange: deeper, black: unclear), recovered hyperplanes (pink) and deeper boundaries (teal), boundary"
                            + " walks (purple, two-input networks only)", picture)
                    .write(folder.resolve("report.html"));
            return record;
        });
    }
}
