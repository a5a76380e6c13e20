package org.glassbox.watermark;

import java.util.ArrayList;
import java.util.List;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.Seeds;

/** Writes one word per step after a prompt, watermarked with the parameters' key, and scores the text so far. */
public final class GenerationTask implements IterativeTask<GenerationSnapshot> {

    private final LanguageModel model;
    private final GenerationParameters parameters;
    private final String prompt;
    private final int[] promptIds;
    private final WatermarkSampler sampler;
    private final WatermarkDetector detector;
    private final int[] context;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private double[] nextLogProbabilities;
    private long startNanos;

    public GenerationTask(LanguageModel model, GenerationSettings settings, String prompt, long seed) {
        this.model = model;
        this.parameters = settings.parameters();
        this.prompt = prompt;
        this.promptIds = LanguageModel.ids(model.vocabulary(), WordTokenizer.words(prompt));
        WatermarkKey key = settings.watermarkKey(model.vocabulary().size());
        this.sampler = new WatermarkSampler(settings, model.vocabulary().size(), Seeds.derive(seed, "sampling"));
        this.detector = new WatermarkDetector(key, true);
        this.context = java.util.Arrays.copyOf(promptIds, promptIds.length + parameters.tokens());
    }

    @Override
    public int iterations() {
        return parameters.tokens();
    }

    @Override
    public GenerationSnapshot step(int index) throws InterruptedException {
        if (index == 0) {
            startNanos = System.nanoTime();
            nextLogProbabilities = model.start(promptIds);
        }
        int t = promptIds.length + index;
        int word = sampler.next(nextLogProbabilities, context, t);
        context[t] = word;
        String token = model.vocabulary().word(word);
        words.add(token);
        text.append(WordTokenizer.separatorBefore(text, token)).append(token);
        if (index + 1 < parameters.tokens()) {
            nextLogProbabilities = model.next(word);
        }
        int[] completion = java.util.Arrays.copyOfRange(context, promptIds.length, t + 1);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        GenerationSnapshot snapshot = new GenerationSnapshot(prompt, text.toString(), completion,
                detector.detect(completion, false), (index + 1) / Math.max(seconds, 1e-9));
        if (parameters.pauseMillis() > 0) {
            Thread.sleep(parameters.pauseMillis());
        }
        return snapshot;
    }

    /** Runs the whole generation on the calling thread. */
    public GenerationSnapshot runAll() throws InterruptedException {
        GenerationSnapshot last = null;
        for (int i = 0; i < iterations(); i++) {
            last = step(i);
        }
        return last;
    }

    public List<String> words() {
        return List.copyOf(words);
    }
}
