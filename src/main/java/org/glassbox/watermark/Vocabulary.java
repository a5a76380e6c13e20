package org.glassbox.watermark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The language model's words: id 0 is {@link #UNKNOWN}, the rest are the most frequent tokens of
 * the training text, most frequent first (ties in alphabetical order, so the list is a function of
 * the text alone).
 */
public final class Vocabulary {

    public static final String UNKNOWN = "<unk>";
    public static final int UNKNOWN_ID = 0;

    private final List<String> words;
    private final Map<String, Integer> ids;

    public Vocabulary(List<String> words) {
        if (words.isEmpty() || !UNKNOWN.equals(words.get(0))) {
            throw new IllegalArgumentException("a vocabulary starts with " + UNKNOWN);
        }
        this.words = List.copyOf(words);
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("word '" + words.get(i) + "' appears twice in the vocabulary");
            }
        }
    }

    /** The {@code size - 1} most frequent tokens of the given token stream, after {@link #UNKNOWN}. */
    public static Vocabulary mostFrequent(Iterable<String> tokens, int size) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokens) {
            counts.merge(t, 1, Integer::sum);
        }
        List<String> words = new ArrayList<>();
        words.add(UNKNOWN);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(size - 1L)
                .forEach(e -> words.add(e.getKey()));
        return new Vocabulary(words);
    }

    public static Vocabulary read(Path file) throws IOException {
        return new Vocabulary(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public void write(Path file) throws IOException {
        Files.write(file, words, StandardCharsets.UTF_8);
    }

    public int size() {
        return words.size();
    }

    public String word(int id) {
        return words.get(id);
    }

    /** The id of a token, or {@link #UNKNOWN_ID} for a token outside the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, UNKNOWN_ID);
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }
}
