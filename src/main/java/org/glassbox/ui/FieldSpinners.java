package org.glassbox.ui;

import org.glassbox.experiment.ParameterSpec;

/** Spinners for single fields of a setup record, with the field's range from its {@code @Param}, so a page cannot drift from the record. */
public final class FieldSpinners {

    private FieldSpinners() {
    }

    private static ParameterSpec spec(Class<? extends Record> type, String field) {
        return ParameterSpec.of(type).stream().filter(s -> s.name().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no field " + field));
    }

    public static NumberField<Double> decimal(Class<? extends Record> type, String field, double initial, double step) {
        ParameterSpec s = spec(type, field);
        return NumberField.decimal(s.label(), s.min(), s.max(), initial, step);
    }

    public static NumberField<Integer> whole(Class<? extends Record> type, String field, int initial) {
        ParameterSpec s = spec(type, field);
        return NumberField.whole(s.label(), (int) Math.max(Integer.MIN_VALUE, s.min()), (int) Math.min(Integer.MAX_VALUE, s.max()), initial);
    }
}
