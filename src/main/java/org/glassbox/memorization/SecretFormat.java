package org.glassbox.memorization;

import java.util.ArrayList;
import java.util.List;
import org.glassbox.engine.UserFacingException;
import org.glassbox.watermark.WordTokenizer;

/**
 * A canary's format (Carlini et al. 2019): words, then digit slots written {@code _}, each slot one
 * word of the text ("my number is _ _ _ _ _" holds 10⁵ secrets). The candidates are every filling
 * of the slots; a secret is one of them.
 */
public record SecretFormat(List<String> prefix, int slots) {

    /** The most slots whose candidates are scored one by one; beyond, exposure is extrapolated only. */
    public static final int MOST_ENUMERATED = 6;
    /** 10¹⁸ candidates: a secret of more digits than a long holds cannot be written down. */
    public static final int MOST_SLOTS = 18;
    /** The most words before the slots: the prefix is read in one step, and its output grows with it. */
    public static final int MOST_PREFIX_WORDS = 64;

    public static SecretFormat parse(String template) throws UserFacingException {
        if (template.length() > 4 * MOST_PREFIX_WORDS * 8) {
            throw new UserFacingException("The secret format is " + template.length() + " characters long.",
                    "Keep it to a few words and its slots, e.g. \"my number is _ _ _ _ _\".");
        }
        List<String> words = new ArrayList<>();
        for (String piece : template.trim().split("\\s+")) {
            if (piece.equals("_")) {
                words.add("_");
            } else if (!piece.isEmpty()) {
                words.addAll(WordTokenizer.words(piece));
            }
        }
        int first = words.indexOf("_");
        if (first < 0) {
            throw new UserFacingException("The secret format '" + template + "' has no slot for a digit.",
                    "Write each digit of the secret as _ after the words, e.g. \"my number is _ _ _ _ _\".");
        }
        List<String> prefix = words.subList(0, first);
        if (prefix.isEmpty()) {
            throw new UserFacingException("The secret format '" + template + "' starts with its digits.",
                    "Put a few words before the slots, e.g. \"my number is _ _ _ _ _\": the model is asked to continue them.");
        }
        if (prefix.size() > MOST_PREFIX_WORDS) {
            throw new UserFacingException("The secret format has " + prefix.size() + " words before its slots.",
                    "Use at most " + MOST_PREFIX_WORDS + ".");
        }
        int slots = words.size() - first;
        if (words.subList(first, words.size()).stream().anyMatch(w -> !w.equals("_"))) {
            throw new UserFacingException("In '" + template + "' words follow the digit slots.",
                    "Keep the slots at the end: \"words … _ _ _\".");
        }
        if (slots > MOST_SLOTS) {
            throw new UserFacingException(slots + " digit slots make 10^" + slots + " candidates, more than a secret can be written as.",
                    "Use at most " + MOST_SLOTS + " slots (5 or 6 can be scored one by one).");
        }
        return new SecretFormat(List.copyOf(prefix), slots);
    }

    /** |R|: how many secrets this format holds. */
    public double candidates() {
        return Math.pow(10, slots);
    }

    public boolean enumerable() {
        return slots <= MOST_ENUMERATED;
    }

    /** The secret's digits, most significant first, zero-padded to the slots. */
    public int[] digits(long secret) {
        int[] d = new int[slots];
        long v = secret;
        for (int i = slots - 1; i >= 0; i--) {
            d[i] = (int) (v % 10);
            v /= 10;
        }
        return d;
    }

    /** The canary as words: the prefix, then one word per digit. */
    public List<String> words(long secret) {
        List<String> out = new ArrayList<>(prefix);
        for (int d : digits(secret)) {
            out.add(Integer.toString(d));
        }
        return out;
    }

    public String text(long secret) {
        return WordTokenizer.join(words(secret));
    }
}
