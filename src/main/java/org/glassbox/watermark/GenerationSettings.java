package org.glassbox.watermark;

/**
 * Everything a generation needs besides the model and the prompt: the numbers, the seeding scheme
 * and whether to sample or take the most likely word. This is the watermark experiment's content.
 */
public record GenerationSettings(GenerationParameters parameters, SeedingScheme scheme, boolean greedy) {

    public static GenerationSettings defaults() {
        return new GenerationSettings(GenerationParameters.defaults(), SeedingScheme.LEFT_HASH, false);
    }

    public WatermarkKey watermarkKey(int vocabularySize) {
        return parameters.watermarkKey(scheme, vocabularySize);
    }

    public GenerationSettings with(GenerationParameters newParameters) {
        return new GenerationSettings(newParameters, scheme, greedy);
    }
}
