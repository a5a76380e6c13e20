package org.glassbox.metrics;

/** RFC 4180 quoting for one CSV field. */
public final class Csv {

    private Csv() {
    }

    public static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
