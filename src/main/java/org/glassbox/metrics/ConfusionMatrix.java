package org.glassbox.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs. Immutable: {@link #plus} returns a new matrix,
 * so a snapshot can hand one to a view while the job goes on counting.
 */
public record ConfusionMatrix(List<String> classNames, int[][] counts) {

    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        int n = classNames.size();
        int[][] copy = new int[n][];
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + counts[i].length + " entries, expected " + n);
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    public static ConfusionMatrix empty(List<String> classNames) {
        return new ConfusionMatrix(classNames, new int[classNames.size()][classNames.size()]);
    }

    public ConfusionMatrix plus(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        int[][] next = counts();
        for (int i = 0; i < truth.length; i++) {
            next[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, next);
    }

    /** A copy of the counts; row = true class, column = predicted class. */
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public int size() {
        return classNames.size();
    }

    public long total() {
        long t = 0;
        for (int[] row : counts) {
            for (int c : row) {
                t += c;
            }
        }
        return t;
    }

    public long correct() {
        long c = 0;
        for (int i = 0; i < counts.length; i++) {
            c += counts[i][i];
        }
        return c;
    }

    /** Fraction of examples on the diagonal; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** Recall of class i: the diagonal entry over its row sum (NaN for a class never seen). */
    public double recall(int i) {
        long row = 0;
        for (int c : counts[i]) {
            row += c;
        }
        return row == 0 ? Double.NaN : (double) counts[i][i] / row;
    }

    /** CSV with a header row of predicted classes and one row per true class. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("true\\predicted");
        for (String name : classNames) {
            sb.append(',').append(Csv.quote(name));
        }
        sb.append('\n');
        for (int i = 0; i < size(); i++) {
            sb.append(Csv.quote(classNames.get(i)));
            for (int j = 0; j < size(); j++) {
                sb.append(',').append(counts[i][j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public String accuracyText() {
        return String.format(Locale.ROOT, "%.2f %%", 100 * accuracy());
    }
}
