package org.glassbox.experiment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One parameter of a parameters record, read from its {@link Param} annotation. */
public record ParameterSpec(String name, String label, String description, Class<?> type, double min, double max) {

    /** The specs of every annotated component of a parameters record, in declaration order. */
    public static List<ParameterSpec> of(Class<? extends Record> type) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " has no @Param");
            }
            specs.add(new ParameterSpec(c.getName(), p.label(), p.description(), c.getType(), p.min(), p.max()));
        }
        return List.copyOf(specs);
    }

    public boolean isInteger() {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class;
    }

    /** Null if the value is allowed, else a sentence saying what is wrong and what is allowed. */
    public String check(Object value) {
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || v < min || v > max) {
                return label + " must be between " + format(min) + " and " + format(max) + "; it is " + value + ".";
            }
        }
        return null;
    }

    public String rangeText() {
        return format(min) + " to " + format(max);
    }

    private String format(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (isInteger()) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        return a == 0 || (a >= 1e-4 && a < 1e7) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.0e", v);
    }
}
