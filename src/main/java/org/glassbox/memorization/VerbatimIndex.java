package org.glassbox.memorization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the longest run of a sample's words that occurs word for word in a text: every position of
 * the text is indexed by the {@value #SEED}-word sequence that starts there, so a sample is checked
 * by looking up each of its {@value #SEED}-word windows and extending the matches found, not by
 * scanning the text.
 */
public final class VerbatimIndex {

    /** The shortest run the index finds; shorter runs count as none. */
    public static final int SEED = 4;

    /** The longest run: where it starts in the sample and how many words it spans (0 when none). */
    public record Run(int start, int length) {
        public static final Run NONE = new Run(0, 0);
    }

    private final int[] text;
    private final Map<Long, List<Integer>> positions = new HashMap<>();

    public VerbatimIndex(int[] text) {
        this.text = text.clone();
        for (int p = 0; p + SEED <= text.length; p++) {
            positions.computeIfAbsent(key(text, p), k -> new ArrayList<>(1)).add(p);
        }
    }

    private static long key(int[] words, int from) {
        long k = 1469598103934665603L;
        for (int i = from; i < from + SEED; i++) {
            k = (k ^ words[i]) * 1099511628211L;
        }
        return k;
    }

    /** The longest run of {@code sample} found in the text, words equal one by one (unknown words never match). */
    public Run longest(int[] sample) {
        Run best = Run.NONE;
        for (int i = 0; i + SEED <= sample.length; i++) {
            List<Integer> at = positions.get(key(sample, i));
            if (at == null) {
                continue;
            }
            for (int p : at) {
                int n = 0;
                while (i + n < sample.length && p + n < text.length && sample[i + n] == text[p + n]
                        && sample[i + n] != org.glassbox.watermark.Vocabulary.UNKNOWN_ID) {
                    n++;
                }
                if (n >= SEED && n > best.length()) {
                    best = new Run(i, n);
                }
            }
        }
        return best;
    }
}
