package org.glassbox.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder that holds {@code assets/} and {@code sample-models/}: the system property
 * {@code glassbox.home} if set, else the environment variable {@code GLASSBOX_HOME}, else the
 * application's own location (the folder of the running jar or class folder, or one or two
 * folders above it: {@code target/glassbox.jar}, {@code target/classes}, the installed app's
 * {@code lib/app}).
 *
 * <p>Never the working directory or its parents: whoever can create {@code assets/} in a parent
 * of someone's working directory (in {@code /tmp}, say) would choose the models that person loads.
 */
public record Assets(Path home) {

    public static final String PROPERTY = "glassbox.home";
    public static final String ENVIRONMENT = "GLASSBOX_HOME";

    public static Assets locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), codeSource());
    }

    static Assets locate(String property, String environment, Path codeSource) {
        for (String[] setting : new String[][] {{"-D" + PROPERTY, property}, {ENVIRONMENT, environment}}) {
            if (setting[1] != null && !setting[1].isBlank()) {
                Path home = Path.of(setting[1]).toAbsolutePath();
                if (!isHome(home)) {
                    throw new IllegalStateException(setting[0] + "=" + setting[1]
                            + " does not contain assets/ and sample-models/; point it at the Glassbox folder.");
                }
                return new Assets(home);
            }
        }
        Optional<Path> found = Optional.empty();
        if (codeSource != null) {
            Path start = Files.isDirectory(codeSource) ? codeSource : codeSource.getParent();
            for (int up = 0; up <= 2 && start != null && found.isEmpty(); up++, start = start.getParent()) {
                found = isHome(start) ? Optional.of(start) : Optional.empty();
            }
        }
        return new Assets(found.orElseThrow(() -> new IllegalStateException(
                "Cannot find the assets/ and sample-models/ folders beside the application (" + codeSource
                        + "). Set -D" + PROPERTY + "=<folder> or " + ENVIRONMENT + "=<folder> to the Glassbox folder.")));
    }

    private static Path codeSource() {
        try {
            return Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
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
