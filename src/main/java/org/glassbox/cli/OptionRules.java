package org.glassbox.cli;

import java.lang.reflect.Field;
import org.glassbox.experiment.Param;
import org.glassbox.experiment.ParameterSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One rule for every numeric option of every command, checked before the command runs: a number
 * must be finite (NaN and infinity are refused everywhere), and an option field annotated with
 * {@link Param} must lie in its range, as a setup record's field must.
 */
final class OptionRules {

    private OptionRules() {
    }

    static void check(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec option : p.matchedOptions()) {
                String problem = problem(option);
                if (problem != null) {
                    throw new CommandLine.ParameterException(p.commandSpec().commandLine(),
                            "Invalid value for option '" + option.longestName() + "': " + problem);
                }
            }
        }
    }

    private static String problem(OptionSpec option) {
        Object value = option.getValue();
        if (value instanceof double[] values) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    return v + " is not a finite number.";
                }
            }
        }
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            return value + " is not a finite number.";
        }
        Param param = option.userObject() instanceof Field f ? f.getAnnotation(Param.class) : null;
        if (param != null && value instanceof Number) {
            ParameterSpec spec = new ParameterSpec(option.longestName(), option.longestName(), param.description(),
                    option.type(), param.min(), param.max());
            return spec.check(value);
        }
        return null;
    }
}
