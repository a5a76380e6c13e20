package org.glassbox.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder that holds {@code assets/} and {@code sample-models/}: the system property
 * {@code glassbox.home} if set, else the working directory or one of its parents, else the folder
 * of the running jar or one of its parents (for the packaged app).
 */
public record Assets(Path home) {

    public static Assets locate() {
        String configured = System.getProperty("glassbox.home");
        if (configured != null) {
            Path home = Path.of(configured).toAbsolutePath();
            if (!isHome(home)) {
                throw new IllegalStateException("glassbox.home=" + configured
                        + " does not contain assets/ and sample-models/; point it at the Glassbox folder.");
            }
            return new Assets(home);
        }
        Optional<Path> found = searchUp(Path.of("").toAbsolutePath()).or(Assets::searchFromJar);
        return new Assets(found.orElseThrow(() -> new IllegalStateException(
                "Cannot find the assets/ and sample-models/ folders. Start Glassbox from its folder,"
                        + " or set -Dglassbox.home=<folder>.")));
    }

    private static Optional<Path> searchFromJar() {
        try {
            Path codeSource = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return searchUp(codeSource);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> searchUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (isHome(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean isHome(Path p) {
        return Files.isDirectory(p.resolve("assets")) && Files.isDirectory(p.resolve("sample-models"));
    }

    public Path assets() {
        return home.resolve("assets");
    }

    public Path sampleModels() {
        return home.resolve("sample-models");
    }

    public Path fashionMnist() {
        return assets().resolve("fashion-mnist");
    }
}
