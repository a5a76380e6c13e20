package org.glassbox.regions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exports of a region map: the polygons as JSON, and region counts over training as CSV. */
public final class RegionMapFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegionMapFiles() {
    }

    /**
     * JSON with the window and, per region, its vertices [[u, v], …], the layer and neuron of each
     * edge (layer −1: the window's border), its activation pattern and its affine map
     * logits = slope·(u, v) + offset; then the decision boundary's segments.
     */
    public static void writeJson(RegionMap map, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("window", map.window());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Region r : map.regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            double[][] vertices = new double[r.vertexCount()][];
            for (int i = 0; i < vertices.length; i++) {
                vertices[i] = new double[] {r.u()[i], r.v()[i]};
            }
            m.put("vertices", vertices);
            m.put("edgeLayer", r.edgeLayer());
            m.put("edgeNeuron", r.edgeNeuron());
            m.put("pattern", r.patternText());
            m.put("slope", r.outputSlope());
            m.put("offset", r.outputOffset());
            regions.add(m);
        }
        root.put("regions", regions);
        root.put("decisionBoundary", map.boundary());
        JSON.writeValue(file.toFile(), root);
    }

    /** CSV of frame, training steps, loss and region count. */
    public static void writeTrainingCsv(PlaygroundSnapshot s, int stepsPerFrame, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("frame,steps,loss,regions\n");
        for (int i = 0; i < s.lossCurve().length; i++) {
            sb.append(i + 1).append(',').append((long) (i + 1) * stepsPerFrame).append(',').append(s.lossCurve()[i])
                    .append(',').append(s.regionCurve()[i]).append('\n');
        }
        Files.writeString(file, sb);
    }
}
