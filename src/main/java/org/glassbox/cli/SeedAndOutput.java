package org.glassbox.cli;

import java.nio.file.Path;
import org.glassbox.engine.Seeds;
import picocli.CommandLine.Option;

/** The two options of every command that runs an experiment and writes its results: the seed and the folder. */
final class SeedAndOutput {

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT, description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "glassbox-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;
}
