package org.glassbox.watermark;

import org.glassbox.experiment.Param;

/**
 * KGW generation (Kirchenbauer et al., ICML 2023, Algorithm 2): δ added to the logits of the green
 * list γ|V| before sampling. Defaults follow the reference code's recommendation: γ = 0.25, δ = 2,
 * sampling at temperature 0.7, 200 new tokens.
 */
public record GenerationParameters(
        @Param(label = "Green share γ", description = "Share of the vocabulary in each green list.", min = 0.01, max = 0.99)
        double gamma,
        @Param(label = "Bias δ", description = "Added to the logit of every green word (0: no watermark).", min = 0, max = 20)
        double delta,
        @Param(label = "Key", description = "The secret that seeds the green lists; the detector needs the same.",
                min = 0, max = Integer.MAX_VALUE)
        long key,
        @Param(label = "New tokens", description = "How many words to generate.", min = 1, max = 5000)
        int tokens,
        @Param(label = "Temperature", description = "Logits are divided by this before sampling.", min = 0.05, max = 5)
        double temperature,
        @Param(label = "Pause (ms)", description = "A pause after each word, so that a class can follow (0: full speed).",
                min = 0, max = 2000)
        int pauseMillis) {

    /** Self-hash's candidates: the top 41 logits are tested, as in the reference code's fixed-compute rule. */
    public static final int SELF_HASH_CANDIDATES = 41;

    public static GenerationParameters defaults() {
        return new GenerationParameters(0.25, 2.0, WatermarkKey.DEFAULT_KEY, 200, 0.7, 40);
    }

    public WatermarkKey watermarkKey(SeedingScheme scheme, int vocabularySize) {
        return new WatermarkKey(key, gamma, scheme, vocabularySize);
    }

    public GenerationParameters withDelta(double newDelta) {
        return new GenerationParameters(gamma, newDelta, key, tokens, temperature, pauseMillis);
    }

    public GenerationParameters withTokens(int newTokens) {
        return new GenerationParameters(gamma, delta, key, newTokens, temperature, pauseMillis);
    }

    public GenerationParameters withoutPause() {
        return new GenerationParameters(gamma, delta, key, tokens, temperature, 0);
    }
}
