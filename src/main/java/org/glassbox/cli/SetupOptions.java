package org.glassbox.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.experiment.Param;
import org.glassbox.experiment.ParameterSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options made from a setup record: one option per field (nested records flattened),
 * named after the field in kebab case plus the aliases its {@link Param#flags()} gives, with the
 * record's default, its description and its range. So the help, the defaults and the ranges of a
 * workspace's command cannot drift from the record the app and the experiment files use.
 */
final class SetupOptions {

    /** A command whose setup comes from its record's options. */
    interface Command {
        Record setupDefaults();

        void setupOptions(SetupOptions options);
    }

    private record Leaf(String path, ParameterSpec spec, Object defaultValue, OptionSpec option) {
    }

    private final Record defaults;
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    private SetupOptions(Record defaults) {
        this.defaults = defaults;
    }

    /** Adds the options of each setup command's record to its spec, in the whole tree below {@code commandLine}. */
    static void install(CommandLine commandLine) {
        install(commandLine, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void install(CommandLine commandLine, java.util.Set<CommandLine> done) {
        if (!done.add(commandLine)) {
            return; // a command listed under its alias too
        }
        if (commandLine.getCommand() instanceof Command command) {
            SetupOptions options = new SetupOptions(command.setupDefaults());
            options.addLeaves(commandLine.getCommandSpec(), command.setupDefaults(), "");
            command.setupOptions(options);
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            install(sub, done);
        }
    }

    private void addLeaves(CommandSpec spec, Record record, String prefix) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = get(c, record);
            String path = prefix + c.getName();
            if (c.getType().isRecord()) {
                addLeaves(spec, (Record) value, path + ".");
                continue;
            }
            Param param = c.getAnnotation(Param.class);
            List<String> names = new ArrayList<>();
            names.add("--" + kebab(c.getName()));
            for (String flag : param.flags()) {
                names.add(flag);
            }
            names.removeIf(n -> spec.optionsMap().containsKey(n));
            if (names.isEmpty()) {
                continue;
            }
            ParameterSpec parameter = new ParameterSpec(path, param.label(), param.description(), c.getType(), param.min(), param.max());
            String range = parameter.isInteger() || c.getType() == double.class
                    ? (Double.isInfinite(param.min()) && Double.isInfinite(param.max()) ? "" : " Range: " + parameter.rangeText() + ".") : "";
            OptionSpec.Builder option = OptionSpec.builder(names.toArray(String[]::new))
                    .type(c.getType())
                    .paramLabel(c.getType() == boolean.class ? "true|false" : kebab(c.getName()).toUpperCase(Locale.ROOT).replace('-', '_'))
                    .description(param.description() + range + " Default: " + text(value) + ".");
            if (c.getType() == boolean.class) {
                option.arity("0..1");
            }
            if (c.getType().isArray()) {
                option.splitRegex(",");
            }
            OptionSpec built = option.build();
            spec.addOption(built);
            leaves.put(path, new Leaf(path, parameter, value, built));
        }
    }

    /** Whether the person gave the option of the field at {@code path} (e.g. "parameters.iterations"). */
    boolean given(String path, CommandLine.ParseResult parsed) {
        Leaf leaf = leaves.get(path);
        return leaf != null && parsed.matchedOption(leaf.option().longestName()) != null;
    }

    /** The setup: the defaults with every option the person gave put in; out-of-range values refused by option name. */
    <R extends Record> R value(CommandLine.ParseResult parsed, R base) {
        @SuppressWarnings("unchecked")
        R result = (R) rebuild(base, "", parsed);
        return result;
    }

    <R extends Record> R value(CommandLine.ParseResult parsed) {
        @SuppressWarnings("unchecked")
        R result = (R) rebuild(defaults, "", parsed);
        return result;
    }

    private Record rebuild(Record record, String prefix, CommandLine.ParseResult parsed) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String path = prefix + c.getName();
            Object value = get(c, record);
            if (c.getType().isRecord()) {
                value = rebuild((Record) value, path + ".", parsed);
            } else {
                Leaf leaf = leaves.get(path);
                // looked up by name: picocli may hand the parse result copies of the option specs
                OptionSpec matched = leaf == null ? null : parsed.matchedOption(leaf.option().longestName());
                if (matched != null) {
                    Object given = matched.getValue();
                    value = given == null && c.getType() == boolean.class ? Boolean.TRUE : given;
                    String problem = leaf.spec().check(value);
                    if (problem != null) {
                        throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                                "Invalid value for option '" + leaf.option().longestName() + "': " + problem);
                    }
                }
            }
            values[i] = value;
        }
        try {
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
        }
    }

    private static Object get(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof int[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(String::valueOf).toList());
        }
        if (value instanceof double[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
