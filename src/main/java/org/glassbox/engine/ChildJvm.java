package org.glassbox.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a separate JVM on this JVM's class path, so that a crash in native code
 * (a segmentation fault in a file parser), an out-of-memory error or a hang ends that process and
 * not the app with the person's work in it.
 *
 * <p>The child gets its own heap and off-heap limit and a deadline; its standard error (where
 * native libraries print their diagnostics) is kept apart from its standard output, which is the
 * child's answer. A crash report, if the JVM writes one, goes to a temporary folder, not to the
 * working directory.
 */
public final class ChildJvm {

    /**
     * How the child ended. {@code exitCode} is 128 + the signal number when a signal killed it;
     * {@code fatalSignal} names the signal (SIGSEGV, …) when the JVM caught a fatal one itself and
     * wrote a crash report, after which it exits with 1.
     */
    public record Outcome(int exitCode, boolean timedOut, List<String> output, String errorTail, String fatalSignal) {

        public boolean crashed() {
            return !timedOut && (fatalSignal != null || exitCode >= 128);
        }

        /** The signal that killed the child, in words, or a description of its exit. */
        public String how() {
            if (timedOut) {
                return "did not finish in time and was stopped";
            }
            if (fatalSignal != null) {
                return "crashed in native code (" + fatalSignal + (fatalSignal.equals("SIGSEGV") ? ", a segmentation fault" : "") + ")";
            }
            return switch (exitCode) {
                case 134 -> "crashed (abort, signal 6)";
                case 135 -> "crashed (bus error, signal 7)";
                case 136 -> "crashed (floating-point error, signal 8)";
                case 137 -> "was killed (signal 9, often the system running out of memory)";
                case 139 -> "crashed (segmentation fault, signal 11)";
                default -> exitCode > 128 ? "crashed (signal " + (exitCode - 128) + ")" : "ended with exit code " + exitCode;
            };
        }
    }

    private final String heap;
    private final Duration deadline;

    /** @param heap the child's -Xmx and off-heap limit, e.g. "2g" */
    public ChildJvm(String heap, Duration deadline) {
        this.heap = heap;
        this.deadline = deadline;
    }

    public Outcome run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java launcher at " + java + " to start a separate process with");
        }
        Path crashReports = Files.createTempDirectory("glassbox-child");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + heap, "-Dorg.bytedeco.javacpp.maxbytes=" + heap, "-Dorg.bytedeco.javacpp.maxphysicalbytes=0",
                "-XX:ErrorFile=" + crashReports.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            boolean done = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            List<String> lines = out.join().lines().toList();
            return new Outcome(done ? process.exitValue() : -1, !done, lines, tail(err.join(), 20), fatalSignal(crashReports));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            deleteQuietly(crashReports);
        }
    }

    /** Reads a stream to its end on a thread of its own (keeping the first megabyte), so the child never blocks on a full pipe. */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                byte[] kept = stream.readNBytes(1 << 20);
                stream.transferTo(java.io.OutputStream.nullOutputStream());
                text.complete(new String(kept, StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** The signal named in a crash report the child's JVM wrote ("#  SIGSEGV (0xb) at pc=…"), or null. */
    private static String fatalSignal(Path crashReports) {
        try (var reports = Files.list(crashReports)) {
            for (Path report : reports.toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("#\\s+(SIG[A-Z]+) \\(")
                        .matcher(Files.readString(report, StandardCharsets.ISO_8859_1));
                return m.find() ? m.group(1) : "a fatal error";
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
