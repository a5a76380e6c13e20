package org.glassbox.watermark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.glassbox.data.Assets;

/**
 * The King James Bible from {@code assets/text/kjv.txt.gz}, split by chapter: every fourth chapter
 * (chapters 4, 8, 12, … counted through the whole book) is held out from training. The held-out
 * chapters are the human text of the watermark workspace: the language model never saw them, and
 * no watermark key ever touched them.
 */
public final class KjvCorpus {

    public static final String ID = "kjv";
    public static final String FILE = "text/kjv.txt.gz";
    static final int HELD_OUT_EVERY = 4;
    private static final Pattern REFERENCE = Pattern.compile("^(.*?) (\\d+):(\\d+) (.*)$");

    private final List<String> trainingVerses;
    private final List<String> heldOutVerses;
    /** Tokenised once: the page draws human passages from it on every copy-paste slider move. */
    private final List<String> heldOutTokens;

    private KjvCorpus(List<String> trainingVerses, List<String> heldOutVerses) {
        this.trainingVerses = List.copyOf(trainingVerses);
        this.heldOutVerses = List.copyOf(heldOutVerses);
        this.heldOutTokens = List.copyOf(tokens(this.heldOutVerses));
    }

    public static KjvCorpus load(Assets assets) throws IOException {
        return read(assets.assets().resolve(FILE));
    }

    public static KjvCorpus read(Path file) throws IOException {
        List<String> training = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            String chapterKey = null;
            int chapter = 0;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                Matcher m = REFERENCE.matcher(line);
                if (!m.matches()) {
                    throw new IOException(file + " line " + lineNumber + " is not '<Book> <chapter>:<verse> <text>'");
                }
                String key = m.group(1) + " " + m.group(2);
                if (!key.equals(chapterKey)) {
                    chapterKey = key;
                    chapter++;
                }
                (chapter % HELD_OUT_EVERY == 0 ? heldOut : training).add(m.group(4));
            }
        }
        if (training.isEmpty() || heldOut.isEmpty()) {
            throw new IOException(file + " holds too little text for a training and a held-out part");
        }
        return new KjvCorpus(training, heldOut);
    }

    /** The first {@code verses} verses of each part, for quick tests. */
    public KjvCorpus truncated(int verses) {
        return new KjvCorpus(trainingVerses.subList(0, Math.min(verses, trainingVerses.size())),
                heldOutVerses.subList(0, Math.min(verses, heldOutVerses.size())));
    }

    public List<String> trainingVerses() {
        return trainingVerses;
    }

    public List<String> heldOutVerses() {
        return heldOutVerses;
    }

    public List<String> trainingTokens() {
        return tokens(trainingVerses);
    }

    public List<String> heldOutTokens() {
        return heldOutTokens;
    }

    private static List<String> tokens(List<String> verses) {
        List<String> out = new ArrayList<>();
        for (String v : verses) {
            out.addAll(WordTokenizer.words(v));
        }
        return out;
    }

    /**
     * {@code count} passages of held-out text, each of {@code length} tokens, without overlap,
     * in book order. Fewer come back when the held-out text is too short.
     */
    public List<List<String>> humanPassages(int count, int length) {
        List<String> all = heldOutTokens();
        List<List<String>> out = new ArrayList<>();
        for (int start = 0; start + length <= all.size() && out.size() < count; start += length) {
            out.add(List.copyOf(all.subList(start, start + length)));
        }
        return out;
    }

    /** Seeded prompts: the first five words of held-out verses. */
    public java.util.List<String> prompts(int count, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        java.util.List<String> verses = heldOutVerses();
        java.util.List<String> out = new java.util.ArrayList<>();
        while (out.size() < count) {
            java.util.List<String> words = WordTokenizer.words(verses.get(random.nextInt(verses.size())));
            if (words.size() >= 8) {
                out.add(WordTokenizer.join(words.subList(0, 5)));
            }
        }
        return out;
    }

}
