package org.glassbox.ui;

import javafx.scene.control.SpinnerValueFactory;

/**
 * Shows a double with all its significant digits (1e-4 as 0.0001, 2.5e-9 as 2.5e-09) instead of
 * the default two decimals, which would show small values as 0; text that is not a number
 * keeps the last good value.
 */
public final class DoubleText extends javafx.util.StringConverter<Double> {

    private final SpinnerValueFactory<Double> factory;

    public DoubleText(SpinnerValueFactory<Double> factory) {
        this.factory = factory;
    }

    @Override
    public String toString(Double v) {
        return v == null ? "" : format(v);
    }

    /** All the significant digits of {@code v}, in plain notation unless it is very small or very large. */
    public static String format(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-6 || a >= 1e9)) {
            return String.format(java.util.Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+e", "e");
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public Double fromString(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return factory.getValue();
        }
    }
}
