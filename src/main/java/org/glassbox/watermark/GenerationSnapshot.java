package org.glassbox.watermark;

/**
 * The text so far: the completion's words (the prompt not included) and the detector's reading of
 * them with the generation's key.
 */
public record GenerationSnapshot(String prompt, String text, int[] tokens, Detection detection, double tokensPerSecond) {

    public int generated() {
        return tokens.length;
    }
}
