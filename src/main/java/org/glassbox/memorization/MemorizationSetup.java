package org.glassbox.memorization;

import java.util.ArrayList;
import java.util.List;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Param;

/**
 * A Secret Sharer experiment (Carlini et al. 2019): secrets of one format written a few times each
 * into the first verses of the King James Bible's training chapters, a small word LSTM trained on
 * the result, and every secret's exposure measured as it trains. With forgetting on, the secrets
 * are only in the text of the first part of training (Jagielski et al. 2022).
 */
public record MemorizationSetup(
        @Param(label = "Secret format", description = "Words, then a _ for each digit of the secret.")
        String format,
        @Param(label = "Repetitions", description = "How many times each secret is written into the text, one secret per number.")
        String repetitions,
        @Param(label = "Verses", description = "Verses of the training chapters the model learns from.", min = 100, max = 25_000)
        int verses,
        @Param(label = "Vocabulary", description = "Words the model knows (the most frequent, the digits and the format's words).",
                min = 50, max = 10_000)
        int vocabulary,
        @Param(label = "LSTM width", description = "The LSTM layer's units.", min = 4, max = 1024)
        int hidden,
        @Param(label = "Steps", description = "Training steps, each on a batch of random windows of the text.", min = 1, max = 100_000)
        int steps,
        @Param(label = "Batch size", description = "Windows per step.", min = 1, max = 1024)
        int batchSize,
        @Param(label = "Window", description = "Words per training window.", min = 4, max = 256)
        int window,
        @Param(label = "Learning rate", description = "Adam's step size.", min = 1e-5, max = 1, flags = "--lr")
        double learningRate,
        @Param(label = "Forgetting", description = "Write the secrets only into the text of the first part of training.")
        boolean forgetting,
        @Param(label = "Secrets until", description = "With forgetting: the share of the steps whose text holds the secrets.",
                min = 0.01, max = 0.99)
        double secretsUntil,
        @Param(label = "Reference sample", description = "Candidates drawn for the skew-normal extrapolation of exposure.",
                min = 100, max = 1_000_000)
        int references,
        @Param(label = "Extraction samples", description = "After training, texts the model writes from nothing, ranked and checked"
                + " against its training text (0: no extraction).", min = 0, max = 5000)
        int extractionSamples,
        @Param(label = "Sample length", description = "Words per generated sample.", min = 10, max = 256)
        int sampleLength,
        @Param(label = "Top k", description = "Each word is drawn from the model's k most likely.", min = 1, max = 10_000)
        int topK,
        @Param(label = "Temperature", description = "Sharpens (below 1) or flattens (above 1) the model's distribution.", min = 0.05,
                max = 20)
        double temperature,
        @Param(label = "Decaying temperature", description = "The paper's start: temperature 10 falling to 1 over the first 20 words.")
        boolean decayingTemperature,
        @Param(label = "Steps per frame", description = "Training steps between two measurements of exposure.", min = 1, max = 10_000)
        int stepsPerFrame) {

    /** With the extraction attack at its defaults: 200 samples of 40 words, top 40, temperature 1. */
    public MemorizationSetup(String format, String repetitions, int verses, int vocabulary, int hidden, int steps, int batchSize, int window,
                             double learningRate, boolean forgetting, double secretsUntil, int references, int stepsPerFrame) {
        this(format, repetitions, verses, vocabulary, hidden, steps, batchSize, window, learningRate, forgetting, secretsUntil, references,
                200, 40, 40, 1.0, false, stepsPerFrame);
    }

    /**
     * The attack's settings. A verbatim run counts as memorised from 20 words (punctuation marks
     * included): the Bible repeats its formulas, and of 1,000 held-out passages of 40 words, 136
     * share 10 words in a row with the first 3,000 training verses, 6 share 20. The window score spans 10 words.
     */
    public ExtractionAttack.Settings extraction() {
        return new ExtractionAttack.Settings(extractionSamples, sampleLength, topK, temperature, decayingTemperature, 10, 20);
    }

    public static MemorizationSetup defaults() {
        return new MemorizationSetup("my number is _ _ _ _ _", "1, 5, 25, 100", 3000, 1000, 64, 800, 32, 24, 3e-3, false, 0.5, 2000, 40);
    }

    public MemorizationSetup withForgetting(boolean on) {
        return new MemorizationSetup(format, repetitions, verses, vocabulary, hidden, steps, batchSize, window, learningRate, on,
                secretsUntil, references, extractionSamples, sampleLength, topK, temperature, decayingTemperature, stepsPerFrame);
    }

    public SecretFormat secretFormat() throws UserFacingException {
        return SecretFormat.parse(format);
    }

    /** The repetition counts, one secret each; refused with the reason when not a list of positive whole numbers. */
    public List<Integer> repetitionCounts() throws UserFacingException {
        List<Integer> out = new ArrayList<>();
        for (String piece : repetitions.split("[,\\s]+")) {
            if (piece.isBlank()) {
                continue;
            }
            try {
                int r = Integer.parseInt(piece.trim());
                if (r < 0) {
                    throw new NumberFormatException();
                }
                out.add(r);
            } catch (NumberFormatException e) {
                throw new UserFacingException("'" + piece + "' in the repetitions is not a count.",
                        "Write whole numbers from 0 up, separated by commas, e.g. 1, 5, 25, 100.");
            }
        }
        if (out.isEmpty()) {
            throw new UserFacingException("No repetition count is given, so there is no secret to plant.",
                    "Write one count per secret, e.g. 1, 5, 25, 100.");
        }
        if (out.size() > 20) {
            throw new UserFacingException(out.size() + " secrets asked for; the page draws at most 20.", "Use at most 20 counts.");
        }
        return out;
    }
}
