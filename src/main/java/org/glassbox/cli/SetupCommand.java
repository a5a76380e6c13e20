package org.glassbox.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A workspace command whose setup options come from its setup record ({@link SetupOptions}). */
abstract class SetupCommand<S extends Record> implements SetupOptions.Command {

    @Spec
    CommandSpec spec;

    private SetupOptions options;

    @Override
    public abstract S setupDefaults();

    @Override
    public void setupOptions(SetupOptions options) {
        this.options = options;
    }

    /** The setup the person asked for: the record's defaults with the options given. */
    S setup() {
        return options.value(spec.commandLine().getParseResult());
    }

    /** The same, starting from {@code base} instead of the defaults (a preset chosen by another option). */
    S setup(S base) {
        return options.value(spec.commandLine().getParseResult(), base);
    }

    /** Whether the option of the field at {@code path} ("parameters.iterations") was given. */
    boolean given(String path) {
        return options.given(path, spec.commandLine().getParseResult());
    }
}
