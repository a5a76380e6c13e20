package org.glassbox.watermark;

import java.util.List;

/** A text as the detector reads it: its tokens with their places in the text, their ids, and the detection. */
public record ScoredText(String text, List<WordTokenizer.Token> tokens, int[] ids, Detection detection) {

    public static ScoredText score(String text, Vocabulary vocabulary, WatermarkDetector detector) {
        List<WordTokenizer.Token> tokens = WordTokenizer.tokens(text);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(tokens.get(i).text());
        }
        return new ScoredText(text, tokens, ids, detector.detect(ids));
    }
}
