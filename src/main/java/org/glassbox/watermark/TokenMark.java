package org.glassbox.watermark;

/** What the detector made of one token. */
public enum TokenMark {
    /** In the green list of its context: counts toward |s|_G. */
    GREEN,
    /** Scored and not green. */
    RED,
    /** A (context, token) pair seen earlier in the text: not counted again when repeats are ignored. */
    REPEATED,
    /** Too early in the text to have the context its green list needs. */
    UNSCORED
}
