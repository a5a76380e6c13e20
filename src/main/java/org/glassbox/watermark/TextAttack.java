package org.glassbox.watermark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Edits that try to wash a watermark out of text, each with a strength from 0 (none) to 1, all
 * seeded. Substitution either draws random vocabulary words or takes the language model's most
 * likely other word at that place (an edit that keeps the text fluent), as in the word-level
 * attacks of MarkLLM's text editors.
 */
public final class TextAttack {

    /** Where substituted words come from. */
    public enum Source {
        RANDOM_WORDS("random vocabulary words"),
        MODEL_WORDS("the model's likely words");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param deletion     share of tokens deleted
     * @param substitution share of tokens replaced
     * @param insertion    share of tokens after which a random word is inserted
     */
    public record Strengths(double deletion, double substitution, Source source, double insertion) {
        public static final Strengths NONE = new Strengths(0, 0, Source.RANDOM_WORDS, 0);

        public Strengths {
            for (double s : new double[] {deletion, substitution, insertion}) {
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("an attack strength lies between 0 and 1, got " + s);
                }
            }
        }

        public boolean isNone() {
            return deletion == 0 && substitution == 0 && insertion == 0;
        }
    }

    private final Vocabulary vocabulary;
    private final LanguageModel model;
    private List<String> alternativesFor;
    private int[] alternatives;

    /** @param model used for {@link Source#MODEL_WORDS}; may be null when only random words are used */
    public TextAttack(Vocabulary vocabulary, LanguageModel model) {
        this.vocabulary = vocabulary;
        this.model = model;
    }

    /**
     * Applies substitution, then deletion, then insertion. Each token's fate is drawn once from the
     * seed, so raising a strength only adds edits: the text at 20 % contains the edits made at 10 %.
     */
    public List<String> apply(List<String> tokens, Strengths s, long seed) {
        int n = tokens.size();
        double[] substituteDraw = draws(n, seed, 1);
        double[] deleteDraw = draws(n, seed, 2);
        double[] insertDraw = draws(n, seed, 3);
        SplittableRandom words = new SplittableRandom(seed * 31 + 4);
        int[] alternatives = s.substitution() > 0 && s.source() == Source.MODEL_WORDS ? likelyAlternatives(tokens) : null;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String randomWord = randomWord(words);
            String inserted = randomWord(words);
            if (deleteDraw[i] < s.deletion()) {
                continue;
            }
            String token = tokens.get(i);
            if (substituteDraw[i] < s.substitution()) {
                token = alternatives != null ? vocabulary.word(alternatives[i]) : randomWord;
            }
            out.add(token);
            if (insertDraw[i] < s.insertion()) {
                out.add(inserted);
            }
        }
        return out;
    }

    /**
     * CP-k-t% (Kirchenbauer et al. 2024, §4): {@code spans} non-overlapping spans of watermarked
     * tokens, together {@code share} of the human text's length, pasted over the human text at
     * seeded places. The watermarked spans are taken from the same places in the watermarked text.
     */
    public static List<String> copyPaste(List<String> watermarked, List<String> human, double share, int spans, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the watermarked share lies between 0 and 1, got " + share);
        }
        int n = Math.min(watermarked.size(), human.size());
        List<String> out = new ArrayList<>(human.subList(0, n));
        int total = (int) Math.round(share * n);
        if (total == 0 || spans < 1) {
            return out;
        }
        int k = Math.min(spans, total);
        int spanLength = total / k;
        int free = n - spanLength * k;
        SplittableRandom random = new SplittableRandom(seed);
        int[] gaps = new int[k + 1];
        for (int i = 0; i < free; i++) {
            gaps[random.nextInt(k + 1)]++;
        }
        int position = 0;
        for (int span = 0; span < k; span++) {
            position += gaps[span];
            for (int j = 0; j < spanLength; j++) {
                out.set(position + j, watermarked.get(position + j));
            }
            position += spanLength;
        }
        return out;
    }

    private String randomWord(SplittableRandom random) {
        return vocabulary.word(1 + random.nextInt(vocabulary.size() - 1));
    }

    private static double[] draws(int n, long seed, int stream) {
        SplittableRandom random = new SplittableRandom(seed * 31 + stream);
        double[] d = new double[n];
        Arrays.setAll(d, i -> random.nextDouble());
        return d;
    }

    /**
     * For each position, the model's most likely word there other than the one written (never
     * unknown). The last text's answer is kept, so a slider that moves over one text costs one
     * pass of the model.
     */
    private int[] likelyAlternatives(List<String> tokens) {
        if (tokens.equals(alternativesFor)) {
            return alternatives;
        }
        if (model == null) {
            throw new IllegalStateException("substitution by the model's words needs a language model");
        }
        int[] ids = LanguageModel.ids(vocabulary, tokens);
        double[][] next = model.predictions(ids);
        int[] best = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            double[] p = next[i];
            int choice = -1;
            for (int v = 1; v < p.length; v++) {
                if (v != ids[i] && (choice < 0 || p[v] > p[choice])) {
                    choice = v;
                }
            }
            best[i] = choice;
        }
        alternativesFor = List.copyOf(tokens);
        alternatives = best;
        return best;
    }
}
