package org.glassbox.experiment;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run's results so that a failure leaves nothing that looks whole: every file is written
 * into a hidden staging folder beside the output folder, and only when the writer has finished are
 * they moved into place, {@code run.json} last. If the writer throws (a full disk, an error half-way),
 * the staging folder is deleted and the output folder is as it was.
 */
public final class ResultFolder {

    /** Writes the files of one run into {@code folder} and returns what the caller needs of them. */
    @FunctionalInterface
    public interface Writer<T> {
        T writeInto(Path folder) throws IOException;
    }

    /** The record that lists the other files, moved into place after them. */
    static final String RECORD = "run.json";

    private ResultFolder() {
    }

    public static <T> T write(Path out, Writer<T> writer) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a file, not a folder for the results");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            T result = writer.writeInto(staging);
            commit(staging, target);
            return result;
        } finally {
            deleteTree(staging);
        }
    }

    /** Writes one file through a temporary file beside it, renamed into place once complete. */
    public static void writeFile(Path file, Writer<?> writer) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory, not a file to write");
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".partial-", "");
        try {
            writer.writeInto(partial);
            move(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void commit(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.createDirectories(target);
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(staging)) {
            files = list.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals(RECORD))
                    .thenComparing(Path::getFileName)).toList();
        }
        for (Path file : files) {
            Path destination = target.resolve(file.getFileName().toString());
            if (Files.isDirectory(destination) && Files.isDirectory(file)) {
                deleteTree(destination);
            }
            move(file, destination);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
