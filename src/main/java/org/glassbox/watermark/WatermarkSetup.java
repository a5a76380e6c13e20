package org.glassbox.watermark;

import org.glassbox.experiment.Param;

/** The watermark workspace's experiment content: the prompt, the generation and the detector's settings. */
public record WatermarkSetup(
        @Param(label = "Prompt", description = "The text the model continues.")
        String prompt,
        @Param(label = "Generation", description = "γ, δ, key, new tokens, temperature and pause.")
        GenerationParameters parameters,
        @Param(label = "Seeding", description = "LEFT_HASH (h = 1) or SELF_HASH (h = 4).")
        SeedingScheme scheme,
        @Param(label = "Greedy", description = "Take the most likely word instead of sampling.")
        boolean greedy,
        @Param(label = "Threshold z", description = "Text is called watermarked above this z.", min = 0.5, max = 20)
        double threshold,
        @Param(label = "Ignore repeated", description = "Count each (context, word) pair once.")
        boolean ignoreRepeated) {

    public static WatermarkSetup defaults() {
        return new WatermarkSetup("And God said", GenerationParameters.defaults(), SeedingScheme.LEFT_HASH, false, 4, true);
    }

    public GenerationSettings settings() {
        return new GenerationSettings(parameters, scheme, greedy);
    }
}
