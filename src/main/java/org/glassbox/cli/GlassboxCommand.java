package org.glassbox.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code glassbox}: the headless commands. Without a subcommand the desktop app starts instead (see Launcher). */
@Command(name = "glassbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Glassbox: watch attacks on machine-learning models, and defenses, work. Headless commands:",
        subcommands = {EvaluateCommand.class, RunCommand.class, RegionsCommand.class, InvertCommand.class, ExtractCommand.class, WatermarkCommand.class, TrainSamplesCommand.class, BenchmarkCommand.class, EpsilonCommand.class,
                CommandLine.HelpCommand.class})
public final class GlassboxCommand {

    /** The command line with every subcommand, the options made from the setup records, and the house rules. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GlassboxCommand());
        for (org.glassbox.workspace.Workspace<?, ?> w : org.glassbox.workspaces.Workspaces.all()) {
            String name = w.command().split(" ")[0];
            if (!cli.getSubcommands().containsKey(name)) {
                cli.addSubcommand(name, WorkspaceCommand.of(w));
            }
        }
        SetupOptions.install(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("Error: " + org.glassbox.engine.Failures.describe(ex).text()));
            return 2;
        });
        cli.setExecutionStrategy(parsed -> {
            OptionRules.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli;
    }

    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only exceptions to the handler above; an error would escape main() as a stack trace.
            cli.getErr().println(cli.getColorScheme().errorText("Error: " + org.glassbox.engine.Failures.describe(e).text()));
            return 2;
        }
    }
}
