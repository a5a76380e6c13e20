package org.glassbox.watermark;

/**
 * The text so far: the completion's words (the prompt not included) and the detector's reading of
 * them with the generation's key. The reading leaves WinMax out: it is O(T²) per word, and whoever
 * shows the text (the page, the CLI) scores it whole, WinMax included.
 */
public record GenerationSnapshot(String prompt, String text, int[] tokens, Detection detection, double tokensPerSecond) {

    public int generated() {
        return tokens.length;
    }
}
