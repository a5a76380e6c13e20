package org.glassbox.watermark;

import org.glassbox.experiment.Param;

/** The evaluation job: how many watermarked and human texts, how long, and how hard each attack edits. */
public record WatermarkEvaluationParameters(
        @Param(label = "Generations", description = "Watermarked texts written, one per step.", min = 2, max = 2000)
        int generations,
        @Param(label = "Human passages", description = "Held-out passages of the same length: the negatives.", min = 10, max = 1000)
        int humanPassages,
        @Param(label = "Tokens per text", description = "T: the length of every text scored.", min = 10, max = 1000)
        int tokens,
        @Param(label = "Attack strength", description = "Share of words each text attack edits.", min = 0, max = 1)
        double attackStrength) {

    public static WatermarkEvaluationParameters defaults() {
        return new WatermarkEvaluationParameters(100, 1000, 200, 0.2);
    }
}
