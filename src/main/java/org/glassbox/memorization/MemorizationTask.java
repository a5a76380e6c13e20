package org.glassbox.memorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.engine.IterativeTask;
import org.glassbox.metrics.Curves;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
import org.glassbox.watermark.KjvCorpus;
import org.glassbox.watermark.LanguageModelRecipe;
import org.glassbox.watermark.Vocabulary;
import org.glassbox.watermark.WordTokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plants the secrets, trains a word LSTM on the text and measures exposure after every frame.
 * The text is the first verses of the training chapters with each secret inserted as a verse of
 * its own, r times, at seeded places. Each step fits one batch of windows drawn at seeded random
 * offsets; with forgetting on, steps after the chosen share draw from the same text without the
 * secrets.
 */
public final class MemorizationTask implements IterativeTask<MemorizationSnapshot> {

    /** Held-out words the perplexity is measured on. */
    private static final int HELD_OUT_WORDS = 2000;
    private static final int RECURRENT_LAYER = 1;

    private final MemorizationSetup setup;
    private final SecretFormat format;
    private final List<Canary> canaries;
    private final Vocabulary vocabulary;
    private final int[] withSecrets;
    private final int[] withoutSecrets;
    private final int[] heldOut;
    private final int[] heldOutControl;
    private final MultiLayerNetwork network;
    private final CanaryScorer scorer;
    private final Random windows;
    private final long[] referenceSample;
    private final int frames;
    private int stepsDone;
    private double[] steps = new double[0];
    private double[][] exact;
    private double[][] extrapolated;
    private double[] perplexity = new double[0];
    private long[] ranks = new long[0];
    private final long seed;
    private ExtractionAttack.Result extraction;

    public MemorizationTask(KjvCorpus corpus, MemorizationSetup setup, long seed) throws UserFacingException {
        this.setup = setup;
        this.seed = seed;
        this.format = setup.secretFormat();
        List<Integer> counts = setup.repetitionCounts();
        List<String> verses = corpus.trainingVerses().subList(0, Math.min(setup.verses(), corpus.trainingVerses().size()));
        Random random = new Random(Seeds.derive(seed, "secrets"));
        Set<Long> used = new HashSet<>();
        List<Canary> planted = new ArrayList<>();
        for (int r : counts) {
            long secret;
            do {
                secret = (long) Math.floor(random.nextDouble() * format.candidates());
            } while (!used.add(secret));
            planted.add(new Canary(secret, r, format.text(secret)));
        }
        canaries = List.copyOf(planted);
        List<String> plain = tokens(verses);
        long canaryWords = counts.stream().mapToLong(r -> (long) r * format.words(0).size()).sum();
        if (canaryWords > plain.size()) {
            throw new UserFacingException("The secrets would take " + canaryWords + " words of a text of " + plain.size() + ".",
                    "Repeat them fewer times, or train on more verses.");
        }
        List<String> secretText = withCanaries(verses, canaries, new Random(Seeds.derive(seed, "places")));
        vocabulary = vocabulary(secretText, format, setup.vocabulary());
        withSecrets = ids(secretText);
        withoutSecrets = ids(plain);
        if (withoutSecrets.length <= setup.window() + 1) {
            throw new UserFacingException("The text (" + withoutSecrets.length + " words) is shorter than one training window.",
                    "Train on more verses or use a shorter window.");
        }
        List<String> held = corpus.heldOutTokens();
        heldOut = ids(held.subList(0, Math.min(HELD_OUT_WORDS, held.size())));
        // the control of the extraction attack: as many held-out words as the model was trained on
        heldOutControl = ids(held.subList(0, Math.min(withSecrets.length, held.size())));
        LanguageModelRecipe recipe = new LanguageModelRecipe(vocabulary.size(), Math.min(64, setup.hidden()), setup.hidden(), setup.window(),
                setup.batchSize(), 1, setup.learningRate());
        long init = Seeds.derive(seed, "initial-weights");
        Seeds.seedNd4j(init);
        network = new MultiLayerNetwork(recipe.configuration(init));
        network.init();
        scorer = new CanaryScorer(network, vocabulary, format, RECURRENT_LAYER);
        windows = new Random(Seeds.derive(seed, "windows"));
        Random references = new Random(Seeds.derive(seed, "references"));
        referenceSample = new long[setup.references()];
        for (int i = 0; i < referenceSample.length; i++) {
            referenceSample[i] = (long) Math.floor(references.nextDouble() * format.candidates());
        }
        frames = (setup.steps() + setup.stepsPerFrame() - 1) / setup.stepsPerFrame();
        exact = new double[canaries.size()][0];
        extrapolated = new double[canaries.size()][0];
    }

    private static List<String> tokens(List<String> verses) {
        List<String> out = new ArrayList<>();
        for (String v : verses) {
            out.addAll(WordTokenizer.words(v));
        }
        return out;
    }

    /** The verses with each canary inserted as a verse of its own r times, between seeded verses. */
    static List<String> withCanaries(List<String> verses, List<Canary> canaries, Random random) {
        List<List<String>> slots = new ArrayList<>();
        for (int i = 0; i <= verses.size(); i++) {
            slots.add(new ArrayList<>());
        }
        for (Canary c : canaries) {
            for (int k = 0; k < c.repetitions(); k++) {
                slots.get(random.nextInt(slots.size())).add(c.text());
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= verses.size(); i++) {
            for (String canary : slots.get(i)) {
                out.addAll(WordTokenizer.words(canary));
            }
            if (i < verses.size()) {
                out.addAll(WordTokenizer.words(verses.get(i)));
            }
        }
        return out;
    }

    /** The digits and the format's words first (a secret must be writable), then the most frequent words of the text. */
    static Vocabulary vocabulary(List<String> text, SecretFormat format, int size) {
        List<String> words = new ArrayList<>();
        words.add(Vocabulary.UNKNOWN);
        for (int d = 0; d < 10; d++) {
            words.add(Integer.toString(d));
        }
        for (String w : format.prefix()) {
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : text) {
            counts.merge(t, 1, Integer::sum);
        }
        Set<String> have = new HashSet<>(words);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(w -> !have.contains(w))
                .limit(Math.max(0, size - words.size()))
                .forEach(words::add);
        return new Vocabulary(words);
    }

    private int[] ids(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vocabulary.id(words.get(i));
        }
        return out;
    }

    @Override
    public int iterations() {
        return frames + (setup.extractionSamples() > 0 ? 1 : 0);
    }

    private boolean secretsInTextAt(int step) {
        return !setup.forgetting() || step < Math.round(setup.secretsUntil() * setup.steps());
    }

    @Override
    public MemorizationSnapshot step(int index) {
        if (index == frames) {
            extraction = ExtractionAttack.run(network, vocabulary, withSecrets, heldOutControl, setup.extraction(),
                    Seeds.derive(seed, "extraction"));
            return new MemorizationSnapshot(stepsDone, setup.steps(), canaries, steps, copy(exact), copy(extrapolated), ranks, perplexity,
                    secretsInTextAt(stepsDone - 1), format.candidates(), extraction);
        }
        int until = Math.min(setup.steps(), (index + 1) * setup.stepsPerFrame());
        boolean lastWithSecrets = true;
        while (stepsDone < until) {
            lastWithSecrets = secretsInTextAt(stepsDone);
            fit(lastWithSecrets ? withSecrets : withoutSecrets);
            stepsDone++;
        }
        measure();
        return new MemorizationSnapshot(stepsDone, setup.steps(), canaries, steps, copy(exact), copy(extrapolated), ranks,
                perplexity, lastWithSecrets, format.candidates(), null);
    }

    private void fit(int[] text) {
        int n = setup.batchSize();
        int w = setup.window();
        float[][] x = new float[n][w];
        float[][][] y = new float[n][1][w];
        for (int b = 0; b < n; b++) {
            int start = windows.nextInt(text.length - w - 1);
            for (int t = 0; t < w; t++) {
                x[b][t] = text[start + t];
                y[b][0][t] = text[start + t + 1];
            }
        }
        network.fit(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private void measure() {
        steps = Curves.append(steps, stepsDone);
        double[] all = format.enumerable() ? scorer.all() : null;
        double[] sample = all != null ? Arrays.stream(referenceSample).mapToDouble(c -> all[(int) c]).toArray() : scorer.of(referenceSample);
        long[] secrets = canaries.stream().mapToLong(Canary::secret).toArray();
        double[] secretScores = all != null ? Arrays.stream(secrets).mapToDouble(c -> all[(int) c]).toArray() : scorer.of(secrets);
        ranks = new long[canaries.size()];
        for (int c = 0; c < canaries.size(); c++) {
            double e = Double.NaN;
            if (all != null) {
                ranks[c] = Exposure.rank(all, secretScores[c]);
                e = Exposure.exact(all, secretScores[c]);
            } else {
                ranks[c] = Exposure.rank(sample, secretScores[c]);
            }
            exact[c] = Curves.append(exact[c], e);
            extrapolated[c] = Curves.append(extrapolated[c], Exposure.extrapolated(sample, secretScores[c], format.candidates()));
        }
        perplexity = Curves.append(perplexity, heldOutPerplexity());
    }

    /** exp of the mean negative log-likelihood of the held-out words, each given the ones before it. */
    private double heldOutPerplexity() {
        network.rnnClearPreviousState();
        float[][][] x = new float[1][1][heldOut.length - 1];
        for (int t = 0; t + 1 < heldOut.length; t++) {
            x[0][0][t] = heldOut[t];
        }
        INDArray p = network.rnnTimeStep(Nd4j.createFromArray(x)).castTo(DataType.DOUBLE);
        network.rnnClearPreviousState();
        double nll = 0;
        for (int t = 0; t + 1 < heldOut.length; t++) {
            nll -= Math.log(Math.max(1e-30, p.getDouble(0, heldOut[t + 1], t)));
        }
        return Math.exp(nll / (heldOut.length - 1));
    }

    private static double[][] copy(double[][] rows) {
        return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }


    public MultiLayerNetwork network() {
        return network;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Canary> canaries() {
        return canaries;
    }
}
