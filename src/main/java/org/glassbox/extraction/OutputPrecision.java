package org.glassbox.extraction;

import java.util.Locale;

/**
 * How precisely the black box reports its outputs: full double precision, single precision, or
 * rounded to a number of decimals. Coarser outputs hide the small slope changes the attack looks
 * for, which is how a person sees precision limit the attack.
 */
public record OutputPrecision(Kind kind, int decimals) {

    public enum Kind { FLOAT64, FLOAT32, DECIMALS }

    public static final OutputPrecision FLOAT64 = new OutputPrecision(Kind.FLOAT64, 0);
    public static final OutputPrecision FLOAT32 = new OutputPrecision(Kind.FLOAT32, 0);

    public OutputPrecision {
        if (kind == Kind.DECIMALS && (decimals < 0 || decimals > 15)) {
            throw new IllegalArgumentException("decimals must be 0 to 15, was " + decimals);
        }
    }

    public static OutputPrecision decimals(int decimals) {
        return new OutputPrecision(Kind.DECIMALS, decimals);
    }

    /** "float64", "float32" or "decimals:N", as the CLI and experiment files write it. */
    public static OutputPrecision parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("float64") || t.equals("double")) {
            return FLOAT64;
        }
        if (t.equals("float32") || t.equals("float")) {
            return FLOAT32;
        }
        if (t.startsWith("decimals:")) {
            try {
                int n = Integer.parseInt(t.substring("decimals:".length()));
                if (n >= 0 && n <= 15) {
                    return decimals(n);
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
        }
        throw new IllegalArgumentException("output precision '" + text + "' is not float64, float32 or decimals:N (N from 0 to 15)");
    }

    public double apply(double value) {
        return switch (kind) {
            case FLOAT64 -> value;
            case FLOAT32 -> (float) value;
            case DECIMALS -> {
                double scale = Math.pow(10, decimals);
                yield Math.rint(value * scale) / scale;
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FLOAT64 -> "float64";
            case FLOAT32 -> "float32";
            case DECIMALS -> "decimals:" + decimals;
        };
    }
}
