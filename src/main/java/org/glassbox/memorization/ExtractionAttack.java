package org.glassbox.memorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.watermark.Vocabulary;
import org.glassbox.watermark.WordTokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training-data extraction attack of Carlini et al. 2021 at the scale of a word LSTM: generate
 * samples from the model alone (top-k sampling from a full stop; optionally the paper's temperature
 * decaying from 10 to 1 over the first 20 words), score each by the {@link MembershipScores}, and
 * check each against the training text for its longest verbatim run, with the held-out chapters
 * (never trained on) as the control: a run found there is the language's, not memorisation.
 */
public final class ExtractionAttack {

    /** How many samples, how long, and how they are drawn. */
    public record Settings(int samples, int length, int topK, double temperature, boolean decayingTemperature, int window,
                           int verbatimWords) {
    }

    /** A generated sample, its scores (lower: more likely memorised) and its longest runs in the training and the held-out text. */
    public record Sample(List<String> words, double perplexity, double referenceRatio, double lowercaseRatio, double zlibRatio,
                         double windowPerplexity, VerbatimIndex.Run training, VerbatimIndex.Run heldOut) {

        public double score(MembershipScores.Score score) {
            return switch (score) {
                case PERPLEXITY -> perplexity;
                case REFERENCE_RATIO -> referenceRatio;
                case LOWERCASE_RATIO -> lowercaseRatio;
                case ZLIB_RATIO -> zlibRatio;
                case WINDOW -> windowPerplexity;
            };
        }

        public String text() {
            return WordTokenizer.join(words);
        }
    }

    /**
     * The samples, and per score the share of its top k (k = 10, 50, all) whose longest run in the
     * training text reaches {@code verbatimWords}, beside the same share for runs in the held-out text.
     */
    public record Result(List<Sample> samples, int[] ks, Map<MembershipScores.Score, double[]> precision,
                         Map<MembershipScores.Score, double[]> controlPrecision, Settings settings) {

        public List<Sample> ranked(MembershipScores.Score score) {
            return samples.stream().sorted(Comparator.comparingDouble(s -> s.score(score))).toList();
        }

        /** How many samples hold these words in a row (a planted secret written out whole, say). */
        public long containing(List<String> words) {
            return samples.stream().filter(s -> java.util.Collections.indexOfSubList(s.words(), words) >= 0).count();
        }
    }

    private ExtractionAttack() {
    }

    public static Result run(MultiLayerNetwork network, Vocabulary vocabulary, int[] training, int[] heldOut, Settings settings,
                             long seed) {
        int[][] samples = generate(network, vocabulary, settings, new Random(seed));
        double[][] nll = negativeLogLikelihoods(network, vocabulary, samples);
        Bigram reference = new Bigram(training, vocabulary.size());
        VerbatimIndex trainingIndex = new VerbatimIndex(training);
        VerbatimIndex heldOutIndex = new VerbatimIndex(heldOut);
        int[][] lower = new int[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            lower[i] = Arrays.stream(samples[i]).map(id -> vocabulary.id(vocabulary.word(id).toLowerCase(Locale.ROOT))).toArray();
        }
        double[][] lowerNll = negativeLogLikelihoods(network, vocabulary, lower);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            List<String> words = Arrays.stream(samples[i]).mapToObj(vocabulary::word).toList();
            out.add(new Sample(words, MembershipScores.perplexity(nll[i]), MembershipScores.ratio(nll[i], reference.nll(samples[i], vocabulary)),
                    MembershipScores.ratio(nll[i], lowerNll[i]), MembershipScores.zlibRatio(nll[i], WordTokenizer.join(words)),
                    MembershipScores.windowPerplexity(nll[i], settings.window()), trainingIndex.longest(samples[i]),
                    heldOutIndex.longest(samples[i])));
        }
        int[] ks = Arrays.stream(new int[] {10, 50, out.size()}).filter(k -> k <= out.size()).distinct().toArray();
        Map<MembershipScores.Score, double[]> precision = new EnumMap<>(MembershipScores.Score.class);
        Map<MembershipScores.Score, double[]> control = new EnumMap<>(MembershipScores.Score.class);
        Result partial = new Result(out, ks, precision, control, settings);
        for (MembershipScores.Score score : MembershipScores.Score.values()) {
            List<Sample> ranked = partial.ranked(score);
            double[] p = new double[ks.length];
            double[] c = new double[ks.length];
            for (int j = 0; j < ks.length; j++) {
                List<Sample> top = ranked.subList(0, ks[j]);
                p[j] = top.stream().filter(s -> s.training().length() >= settings.verbatimWords()).count() / (double) ks[j];
                c[j] = top.stream().filter(s -> s.heldOut().length() >= settings.verbatimWords()).count() / (double) ks[j];
            }
            precision.put(score, p);
            control.put(score, c);
        }
        return partial;
    }

    /** All samples at once, one batch: each step feeds every sample's last word and draws the next from the top k. */
    static int[][] generate(MultiLayerNetwork network, Vocabulary vocabulary, Settings settings, Random random) {
        int n = settings.samples();
        if ((long) n * vocabulary.size() > 10 * CanaryScorer.MAX_OUTPUT_VALUES) {
            throw new IllegalArgumentException(n + " samples over " + vocabulary.size() + " words exceed one batch's bound");
        }
        int[][] samples = new int[n][settings.length()];
        network.rnnClearPreviousState();
        float[][] input = new float[n][1];
        Arrays.stream(input).forEach(row -> row[0] = vocabulary.id("."));
        for (int t = 0; t < settings.length(); t++) {
            double[][] p = lastStep(network.rnnTimeStep(Nd4j.createFromArray(input)));
            double temperature = settings.decayingTemperature() && t < 20 ? 10 - 9.0 * t / 20 : settings.temperature();
            for (int i = 0; i < n; i++) {
                samples[i][t] = drawTopK(p[i], settings.topK(), temperature, random);
                input[i][0] = samples[i][t];
            }
        }
        network.rnnClearPreviousState();
        return samples;
    }

    /** One word from the k most likely, with probabilities p^{1/T} renormalised (the unknown word never). */
    static int drawTopK(double[] p, int k, double temperature, Random random) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] weights = new double[Math.min(k, p.length)];
        int[] ids = new int[weights.length];
        double total = 0;
        int m = 0;
        for (int r = 0; m < weights.length && r < order.length; r++) {
            if (order[r] == Vocabulary.UNKNOWN_ID) {
                continue;
            }
            ids[m] = order[r];
            weights[m] = Math.exp(Math.log(Math.max(p[order[r]], 1e-300)) / temperature);
            total += weights[m];
            m++;
        }
        double u = random.nextDouble() * total;
        for (int j = 0; j < m; j++) {
            u -= weights[j];
            if (u <= 0) {
                return ids[j];
            }
        }
        return ids[m - 1];
    }

    /**
     * Each word's −ln p given the words before it (the first given a full stop), in batches of
     * samples whose softmax output stays under {@link CanaryScorer#MAX_OUTPUT_VALUES} values.
     */
    static double[][] negativeLogLikelihoods(MultiLayerNetwork network, Vocabulary vocabulary, int[][] samples) {
        int n = samples.length;
        int length = samples[0].length;
        int chunk = (int) Math.max(1, CanaryScorer.MAX_OUTPUT_VALUES / vocabulary.size() / length);
        double[][] nll = new double[n][length];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            float[][][] x = new float[to - from][1][length];
            for (int i = from; i < to; i++) {
                x[i - from][0][0] = vocabulary.id(".");
                for (int t = 1; t < length; t++) {
                    x[i - from][0][t] = samples[i][t - 1];
                }
            }
            network.rnnClearPreviousState();
            INDArray out = network.rnnTimeStep(Nd4j.createFromArray(x));
            network.rnnClearPreviousState();
            for (int i = from; i < to; i++) {
                for (int t = 0; t < length; t++) {
                    nll[i][t] = -Math.log(Math.max(out.getDouble(i - from, samples[i][t], t), 1e-300));
                }
            }
        }
        return nll;
    }

    private static double[][] lastStep(INDArray out) {
        INDArray p = out.rank() == 3 ? out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(out.size(2) - 1)) : out;
        return p.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** The reference model: word bigrams of the training text with add-one smoothing, p(w | v) = (c(v, w) + 1) / (c(v) + V). */
    static final class Bigram {
        private final java.util.HashMap<Long, Integer> pairs = new java.util.HashMap<>();
        private final int[] counts;
        private final int size;

        Bigram(int[] text, int vocabularySize) {
            this.size = vocabularySize;
            this.counts = new int[vocabularySize];
            for (int i = 0; i + 1 < text.length; i++) {
                counts[text[i]]++;
                pairs.merge((long) text[i] * vocabularySize + text[i + 1], 1, Integer::sum);
            }
        }

        double[] nll(int[] sample, Vocabulary vocabulary) {
            double[] out = new double[sample.length];
            int previous = vocabulary.id(".");
            for (int t = 0; t < sample.length; t++) {
                int c = pairs.getOrDefault((long) previous * size + sample[t], 0);
                out[t] = -Math.log((c + 1.0) / (counts[previous] + size));
                previous = sample[t];
            }
            return out;
        }
    }
}
