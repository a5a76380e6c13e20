package org.glassbox.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.glassbox.engine.UserFacingException;

/** Reads and writes experiment files (JSON), with messages that point at the bad field. */
public final class ExperimentFiles {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ExperimentFiles() {
    }

    public static void write(Experiment experiment, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), experiment);
    }

    public static Experiment read(Path file) throws UserFacingException {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new UserFacingException(name + " is a directory, not an experiment file.", "Name the .json file inside it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(name + ": no such experiment file.", "Check the path.");
        }
        Experiment e;
        try {
            JsonNode tree = JSON.readTree(org.glassbox.data.TextFiles.readUtf8(file, 4L << 20));
            if (tree == null || !tree.isObject()) {
                throw new UserFacingException(name + ": an experiment file holds one JSON object.",
                        "Save the experiment again from Glassbox (Ctrl+S).");
            }
            if (tree.path("experiment").isObject() && tree.has("files")) {
                tree = tree.get("experiment"); // a run.json: replay the experiment it records
            }
            List<String> known = java.util.Arrays.stream(Experiment.class.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new UserFacingException(name + ": unknown field '" + field + "'" + lineOf(file, field) + ".",
                            "Known fields are " + String.join(", ", known) + "; remove or rename it.");
                }
            }
            e = JSON.treeToValue(tree, Experiment.class);
        } catch (UnrecognizedPropertyException ex) {
            throw new UserFacingException(name + ": unknown field '" + ex.getPropertyName() + "'" + where(ex) + ".",
                    "Known fields are format, workspace, model, data, parameters and seed; remove or rename it.", ex);
        } catch (InvalidFormatException ex) {
            throw new UserFacingException(name + ": field '" + path(ex) + "' has the value " + ex.getValue()
                    + ", which is not a " + ex.getTargetType().getSimpleName() + where(ex) + ".",
                    "Correct the value.", ex);
        } catch (MismatchedInputException ex) {
            throw new UserFacingException(name + ": field '" + path(ex) + "' is missing or of the wrong kind" + where(ex) + ".",
                    "An experiment needs format, workspace, model, data, parameters (an object) and seed (a whole number).", ex);
        } catch (JsonProcessingException ex) {
            throw new UserFacingException(name + ": not valid JSON" + where(ex) + " (" + ex.getOriginalMessage() + ").",
                    "Fix the syntax, or save the experiment again from Glassbox.", ex);
        } catch (IOException ex) {
            throw new UserFacingException(name + ": cannot be read (" + ex.getMessage() + ").", "Check the file.", ex);
        }
        if (e.format() != Experiment.FORMAT) {
            throw new UserFacingException(name + ": experiment format " + e.format() + " is not known to this version.",
                    "This Glassbox reads format " + Experiment.FORMAT + ".");
        }
        if (e.parameters() == null || !e.parameters().isObject()) {
            throw new UserFacingException(name + ": 'parameters' must be a JSON object.", "For example \"parameters\": {}.");
        }
        return e;
    }

    /** Reads an experiment and refuses one saved from another workspace, naming it. */
    public static Experiment read(Path file, String workspace) throws UserFacingException {
        Experiment e = read(file);
        if (!workspace.equals(e.workspace())) {
            throw new UserFacingException(file.getFileName() + " is an experiment for workspace '" + e.workspace() + "'.",
                    "Open it from that workspace.");
        }
        return e;
    }

    /**
     * The experiment's parameters as the workspace's record: fields left out take their defaults,
     * unknown fields and out-of-range values are refused with a message naming them.
     */
    public static <R extends Record> R parameters(Experiment e, Class<R> type, R defaults) throws UserFacingException {
        ObjectNode merged = JSON.valueToTree(defaults);
        List<String> known = ParameterSpec.of(type).stream().map(ParameterSpec::name).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.parameters().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                throw new UserFacingException("Unknown parameter '" + field.getKey() + "' for workspace " + e.workspace() + ".",
                        "Known parameters: " + String.join(", ", known) + ".");
            }
            JsonNode current = merged.get(field.getKey());
            if (current instanceof ObjectNode nested && field.getValue().isObject()) {
                nested.setAll((ObjectNode) field.getValue());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        try {
            return Parameters.requireValid(JSON.treeToValue(merged, type));
        } catch (UnrecognizedPropertyException ex) {
            throw new UserFacingException("Unknown parameter '" + path(ex) + "' for workspace " + e.workspace() + ".",
                    "Known there: " + ex.getKnownPropertyIds() + ".", ex);
        } catch (JsonProcessingException ex) {
            if (ex instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                throw new UserFacingException("Parameter '" + path(ex) + "' is " + f.getValue() + ", which it cannot be.",
                        "Use one of " + java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + ".", ex);
            }
            throw new UserFacingException("Parameter '" + path(ex) + "' has a value of the wrong kind.",
                    "Give a number within its range: " + ranges(type) + ".", ex);
        }
    }

    /** " (line N)" for the first line that names the field, or "" if none does. */
    private static String lineOf(Path file, String field) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + field + "\"")) {
                    return " (line " + (i + 1) + ")";
                }
            }
        } catch (IOException ignored) {
            // the line number is a convenience
        }
        return "";
    }

    private static String ranges(Class<? extends Record> type) {
        return ParameterSpec.of(type).stream().map(s -> s.name() + " " + s.rangeText()).collect(Collectors.joining("; "));
    }

    private static String path(JsonProcessingException ex) {
        if (ex instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "?";
    }

    private static String where(JsonProcessingException ex) {
        JsonLocation loc = ex.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
