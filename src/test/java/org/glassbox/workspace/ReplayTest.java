package org.glassbox.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glassbox.cli.GlassboxCommand;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.workspaces.Workspaces;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every registered workspace: its example experiment, saved to a file and run with
 * {@code glassbox run}, writes a run.json that replays to identical result files. A new workspace
 * in the registry is covered without a new test.
 */
class ReplayTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyWorkspacesRunRecordReplaysToIdenticalResults() {
        return Workspaces.all().stream().map(w -> DynamicTest.dynamicTest(w.title(), () -> {
            Experiment experiment = w.example(7);
            assertEquals(w.id(), experiment.workspace());
            Path file = dir.resolve(w.id() + ".experiment.json");
            ExperimentFiles.write(experiment, file);
            Path first = dir.resolve(w.id() + "-first");
            Path second = dir.resolve(w.id() + "-replay");
            assertEquals(0, GlassboxCommand.execute("run", file.toString(), "--out", first.toString()), w.title() + ": run");
            assertEquals(0, GlassboxCommand.execute("run", first.resolve("run.json").toString(), "--out", second.toString()),
                    w.title() + ": replay of run.json");

            JsonNode record = ExperimentFiles.JSON.readTree(first.resolve("run.json").toFile());
            JsonNode replayed = ExperimentFiles.JSON.readTree(second.resolve("run.json").toFile());
            // compared as text: a number read back may be another node type (int for long) with the same value
            assertEquals(ExperimentFiles.JSON.valueToTree(experiment).toString(), record.get("experiment").toString(),
                    "run.json records the experiment");
            assertEquals(record.get("experiment").toString(), replayed.get("experiment").toString());
            assertTrue(record.get("metrics").size() > 0, w.title() + ": the record has metrics");
            assertEquals(record.get("metrics").toString(), replayed.get("metrics").toString(),
                    w.title() + ": same metrics under the same seed");
            assertEquals(record.get("files").toString(), replayed.get("files").toString());
            List<String> files = names(first);
            assertEquals(files, names(second), "the same files");
            for (JsonNode listed : record.get("files")) {
                assertTrue(files.contains(listed.asText()), "run.json lists " + listed.asText() + ", which was written");
            }
            for (String name : files) {
                if (name.endsWith(".zip")) {
                    assertEquals(zipEntries(first.resolve(name)), zipEntries(second.resolve(name)),
                            w.title() + ": " + name + " holds identical entries on replay (their timestamps are the writing time)");
                } else if (!name.equals("run.json") && !name.equals("report.html")) {
                    assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)),
                            w.title() + ": " + name + " is identical on replay");
                }
            }
        }));
    }

    /** Each entry's name and a digest of its bytes. */
    private static java.util.Map<String, String> zipEntries(Path zip) throws Exception {
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] bytes = z.getInputStream(e).readAllBytes();
                entries.put(e.getName(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return entries;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
