package org.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import org.glassbox.data.Assets;
import org.glassbox.models.CatalogEntry;
import org.glassbox.models.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.glassbox.workspace.Workspace;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result glassbox(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = GlassboxCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static CatalogEntry lenet() throws Exception {
        return ModelCatalog.read(Assets.locate().sampleModels()).find("lenet-sigmoid").orElseThrow();
    }

    @Test
    void epsilonPrintsTheAccountantsEpsilonAndRefusesARateAboveOne() {
        Result r = glassbox("epsilon", "-q", "0.0025", "-s", "1.3", "--steps", "6000", "--delta", "1e-5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ε = 0.724223 (at order α = 19"), r.out());
        assertTrue(r.out().contains("ε = 0.941871 at α = 19"), r.out());
        Result target = glassbox("epsilon", "-q", "0.04", "--steps", "2250", "--target", "8");
        assertTrue(target.out().startsWith("σ = 1.416 reaches ε ≤ 8.0"), target.out());
        Result bad = glassbox("epsilon", "-q", "2", "-s", "1", "--steps", "10");
        assertTrue(bad.code() != 0 && bad.err().contains("--sample-rate must be between 1e-09 and 1; it is 2.0"), bad.err());
    }

    @Test
    void watermarkGenerateWritesTextThatDetectFindsAndAnotherKeyDoesNot() throws Exception {
        Path out = dir.resolve("watermark");
        Result made = glassbox("watermark", "generate", "--tokens", "80", "--seed", "4", "--out", out.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(made.out().contains("watermarked (z > 4)"), made.out());
        Path text = out.resolve("text.txt");
        assertEquals(0, glassbox("watermark", "detect", "--file", text.toString()).code(), "exit 0: watermark found");
        Result other = glassbox("watermark", "detect", "--file", text.toString(), "--key", "99");
        assertEquals(1, other.code(), "exit 1 with another key: " + other.out());
        assertTrue(Files.readString(out.resolve("tokens.csv")).startsWith("index,token,start,end,mark"));
        Result none = glassbox("watermark", "detect");
        assertTrue(none.code() != 0 && none.err().contains("--file FILE or --text"), none.err());
    }

    @Test
    void aWatermarkExperimentReplaysToTheSameTextAndABadSchemeIsNamed() throws Exception {
        org.glassbox.watermark.WatermarkSetup setup = new org.glassbox.watermark.WatermarkSetup("In the beginning",
                org.glassbox.watermark.GenerationParameters.defaults().withTokens(40), org.glassbox.watermark.SeedingScheme.SELF_HASH,
                false, 4, true);
        Path file = dir.resolve("watermark.experiment.json");
        org.glassbox.experiment.ExperimentFiles.write(org.glassbox.watermark.WatermarkRun.experiment(setup, 12), file);
        Result first = glassbox("run", file.toString(), "--out", dir.resolve("a").toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(0, glassbox("run", file.toString(), "--out", dir.resolve("b").toString()).code());
        assertEquals(Files.readString(dir.resolve("a/text.txt")), Files.readString(dir.resolve("b/text.txt")), "same seed, same text");
        assertTrue(Files.readString(dir.resolve("a/detection.json")).contains("SELF_HASH"));
        Files.writeString(file, Files.readString(file).replace("SELF_HASH", "MIDDLE_HASH"));
        Result bad = glassbox("run", file.toString(), "--out", dir.resolve("c").toString());
        assertTrue(bad.code() != 0 && bad.err().contains("LEFT_HASH"), bad.err());
    }

    @Test
    void imageEmbedWritesAMarkThatImageDetectReadsBack() throws Exception {
        Path marked = dir.resolve("marked.png");
        Result embed = glassbox("watermark", "image-embed", "--image", "assets/photos/chelsea.png", "--bits", "1011001110", "--out",
                marked.toString());
        assertEquals(0, embed.code(), embed.err());
        Result detect = glassbox("watermark", "image-detect", "--image", marked.toString(), "--bits", "1011001110");
        assertEquals(0, detect.code(), detect.out());
        assertTrue(detect.out().contains("bit accuracy 1.0000"), detect.out());
        Result bad = glassbox("watermark", "image-embed", "--bits", "12");
        assertTrue(bad.code() != 0 && bad.err().contains("0s and 1s"), bad.err());
    }

    @Test
    void evaluatePrintsTheCatalogAccuracyAndWritesItsResults() throws Exception {
        Path out = dir.resolve("out");
        Result r = glassbox("evaluate", "--model", "lenet-sigmoid", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double catalog = lenet().metrics().get("testAccuracy");
        assertTrue(r.out().contains(String.format(Locale.ROOT, "accuracy %.4f", catalog)), r.out());
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(catalog, run.path("metrics").path("accuracy").asDouble(), 0.0);
        assertTrue(Files.readString(out.resolve("confusion-matrix.csv")).startsWith("true\\predicted,T-shirt/top"));
        assertTrue(Files.size(out.resolve("confusion-matrix.png")) > 1000);
    }

    @Test
    void runOnASavedExperimentGivesTheSameResultAsEvaluate() throws Exception {
        Path first = dir.resolve("a");
        assertEquals(0, glassbox("evaluate", "--model", "lenet-sigmoid", "--images", "300", "--seed", "5",
                "--out", first.toString()).code());
        JsonNode run = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        Path experiment = dir.resolve("experiment.json");
        new ObjectMapper().writeValue(experiment.toFile(), run.get("experiment"));
        Path second = dir.resolve("b");
        Result r = glassbox("run", experiment.toString(), "--out", second.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(first.resolve("confusion-matrix.csv")), Files.readString(second.resolve("confusion-matrix.csv")));
        assertEquals(Files.readString(first.resolve("predictions.csv")), Files.readString(second.resolve("predictions.csv")));
    }

    @Test
    void invertWritesItsResultsAndItsRunRecordReplaysToTheSameCurves() throws Exception {
        Path first = dir.resolve("inv-a");
        Result r = glassbox("invert", "--attack", "dlg", "--iterations", "12", "--seed", "3", "--out", first.toString());
        assertEquals(0, r.code(), r.err());
        for (String file : new String[] {"strip.png", "comparison.png", "curves.csv", "run.json", "report.html"}) {
            assertTrue(Files.size(first.resolve(file)) > 0, file);
        }
        JsonNode run = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        assertEquals("gradient-inversion", run.get("experiment").get("workspace").asText());
        Path experiment = dir.resolve("inversion.json");
        new ObjectMapper().writeValue(experiment.toFile(), run.get("experiment"));
        Path second = dir.resolve("inv-b");
        Result replay = glassbox("run", experiment.toString(), "--out", second.toString());
        assertEquals(0, replay.code(), replay.err());
        assertEquals(Files.readString(first.resolve("curves.csv")), Files.readString(second.resolve("curves.csv")),
                "same experiment, same seed, same run");
    }

    @Test
    void invertOffersToResizeAnImageFileOfAnotherSize() throws Exception {
        Path photo = Assets.locate().assets().resolve("photos").resolve("camera.png");
        Result refused = glassbox("invert", "--image-file", photo.toString(), "--iterations", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("the model takes 28×28") && refused.err().contains("--resize"), refused.err());
        Result resized = glassbox("invert", "--image-file", photo.toString(), "--resize", "--label", "3", "--iterations", "2",
                "--out", dir.resolve("y").toString());
        assertEquals(0, resized.code(), resized.err());
        assertTrue(resized.out().contains("true: Dress"), resized.out());
    }

    @Test
    void extractRecoversAContractiveNetworkWholeAndWritesAModelThatComputesTheSameClasses() throws Exception {
        Path out = dir.resolve("extract");
        Result r = glassbox("extract", "--random", "10,8,3", "--lines", "6", "--seed", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("first layer 8 neurons found (true width 8), 100 % recovered"), r.out());
        assertTrue(r.out().contains("signs recovered, 100 % right"), r.out());
        for (String file : new String[] {"map.png", "neurons.csv", "run.json", "report.html", "recovered-model.zip"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        org.glassbox.models.ModelHandle recovered = org.glassbox.models.ModelLoader.load(out.resolve("recovered-model.zip"));
        org.glassbox.regions.PiecewiseLinearNetwork truth = org.glassbox.regions.RandomReluNetworks.relu(1, 0, 10, 8, 3);
        java.util.Random random = new java.util.Random(2);
        for (int t = 0; t < 50; t++) {
            double[] x = new double[10];
            for (int j = 0; j < 10; j++) {
                x[j] = random.nextGaussian();
            }
            double[] logits = truth.logits(x);
            double[] p = recovered.output(org.nd4j.linalg.factory.Nd4j.create(new double[][] {x})
                    .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)).toDoubleVector();
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double sum = java.util.Arrays.stream(logits).map(z -> Math.exp(z - max)).sum();
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(logits[k] - max) / sum, p[k], 1e-5, "class " + k + " probability at input " + t);
            }
        }
    }

    @Test
    void aReverseEngineeringExperimentRunsHeadlessAndABadPrecisionIsNamed() throws Exception {
        Path experiment = dir.resolve("extraction.json");
        Files.writeString(experiment, """
                {"format":1,"workspace":"reverse-engineering","model":"random:2,8,1","data":"black-box",
                 "parameters":{"parameters":{"lines":3}},"seed":4}""");
        Result r = glassbox("run", experiment.toString(), "--out", dir.resolve("x").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("line 3:") && !r.out().contains("line 4:"), "three lines, as the file says: " + r.out());
        assertTrue(r.out().contains("random 2-8-1 behind a float64 black box"), r.out());
        Files.writeString(experiment, """
                {"format":1,"workspace":"reverse-engineering","model":"random:2,8,1","data":"black-box",
                 "parameters":{"precision":"decimals:99"},"seed":4}""");
        Result bad = glassbox("extract", "--experiment", experiment.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("decimals:99") && bad.err().contains("float64, float32 or decimals:N"), bad.err());
    }

    @Test
    void extractRefusesAConvolutionalModelSayingWhatIsSupported() {
        Result r = glassbox("extract", "--model", "lenet-sigmoid", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("dense layers only") && r.err().contains("ReLU"), r.err());
    }

    @Test
    void aBadModelGivesAClearMessageAndANonZeroExit() throws Exception {
        Path bad = dir.resolve("broken.zip");
        Files.writeString(bad, "not a model");
        Result r = glassbox("evaluate", "--model", bad.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.zip: this is not a model file"), r.err());
        assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void aToyModelIsRefusedForImageEvaluation() {
        Result r = glassbox("evaluate", "--model", "toy-spiral", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected a classifier of 28×28×1 images into 10 classes"), r.err());
    }

    @Test
    void regionsWritesTheMapAsPolygonsAndPicture() throws Exception {
        Path out = dir.resolve("regions");
        Result r = glassbox("regions", "--model", "toy-xor", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("regions.json").toFile());
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(run.path("metrics").path("regions").asInt(), json.path("regions").size());
        assertTrue(json.path("regions").size() > 10);
        assertTrue(r.out().contains(String.format(Locale.ROOT, "%,d regions", json.path("regions").size())), r.out());
        assertTrue(Files.size(out.resolve("region-map.png")) > 10_000);
    }

    @Test
    void regionsRefusesAConvolutionalModelSayingWhatIsSupported() {
        Result r = glassbox("regions", "--model", "lenet-sigmoid", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("layer 0 is a ConvolutionLayer; the region map needs dense layers only"), r.err());
    }

    @Test
    void aWorkspaceWithoutACommandOfItsOwnGetsOneFromItsDescriptor() throws Exception {
        picocli.CommandLine command = WorkspaceCommand.of(new org.glassbox.regions.RegionsWorkspace());
        SetupOptions.install(command);
        Path out = dir.resolve("generic");
        int code = command.execute("--hidden", "4", "--frames", "3", "--steps-per-frame", "2", "--size", "64",
                "--out", out.toString());
        assertEquals(0, code);
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("linear-regions", run.path("experiment").path("workspace").asText());
        assertEquals("train-here", run.path("experiment").path("model").asText(), "the example's model is the default");
        assertEquals(3, run.path("experiment").path("parameters").path("training").path("frames").asInt());
        assertTrue(command.getUsageMessage().contains("--noise=NOISE"), "the setup record's fields are its options");
    }

    @Test
    void everyCommandAndSubcommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(GlassboxCommand.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 13, "commands found: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Result r = glassbox(args.toArray(String[]::new));
            assertEquals(0, r.code(), path + ": " + r.err());
            assertTrue(r.out().contains("Usage: glassbox " + String.join(" ", path)), r.out());
        }
        assertTrue(glassbox("--help").out().contains("evaluate"));
    }

    private static void collect(picocli.CommandLine command, List<String> path, List<List<String>> paths) {
        for (picocli.CommandLine sub : new java.util.LinkedHashSet<>(command.getSubcommands().values())) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getCommandName());
            paths.add(next);
            collect(sub, next, paths);
        }
    }

    @Test
    void everyWorkspaceCommandsHelpListsEveryFieldOfItsSetupRecordWithItsDefault() throws Exception {
        for (Workspace<?, ?> w : Workspaces.all()) {
            List<String> args = new ArrayList<>(List.of(w.command().split(" ")));
            args.add("--help");
            String help = glassbox(args.toArray(String[]::new)).out().replaceAll("\\s+", " ");
            List<String> missing = new ArrayList<>();
            checkFields(w.defaults(), help, missing);
            assertEquals(List.of(), missing, w.command() + " --help lacks these fields of " + w.setupType().getSimpleName());
        }
    }

    private static void checkFields(Record record, String help, List<String> missing) throws Exception {
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = c.getAccessor().invoke(record);
            if (c.getType().isRecord()) {
                checkFields((Record) value, help, missing);
                continue;
            }
            String option = "--" + SetupOptions.kebab(c.getName());
            String shown = "Default: " + SetupOptions.text(value) + ".";
            boolean listed = false;
            // the option's own entry: its name, then its description ending with the record's default
            for (int at = help.indexOf(option); at >= 0 && !listed; at = help.indexOf(option, at + 1)) {
                String entry = help.substring(at, Math.min(help.length(), at + 700));
                int next = entry.indexOf(" --", option.length());
                listed = (next < 0 ? entry : entry.substring(0, next)).contains(shown);
            }
            if (!listed) {
                missing.add(option + " (" + shown + ")");
            }
        }
    }
}
