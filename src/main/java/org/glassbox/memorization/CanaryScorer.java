package org.glassbox.memorization;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.glassbox.watermark.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The log-perplexity of candidates of a secret format under a recurrent language model,
 * {@code −Σ_i log₂ p(d_i | prefix, d_<i)} over the digits (the prefix's own term is the same for
 * every candidate, so it changes no rank). Every candidate at once by walking the tree of digit
 * prefixes level by level, each level one batch that carries its parents' LSTM state, so that
 * 10⁵ candidates cost 11,111 LSTM steps instead of 5 · 10⁵; or a sample, each read in full.
 */
public final class CanaryScorer {

    /** The most softmax values one call may return (floats): batches are cut to stay under it whatever the vocabulary. */
    static final long MAX_OUTPUT_VALUES = 8_000_000;

    private final MultiLayerNetwork network;
    private final Vocabulary vocabulary;
    private final SecretFormat format;
    private final int recurrentLayer;

    /** The network takes word ids [batch, time] and answers softmax [batch, vocabulary, time]; its recurrent layer is {@code recurrentLayer}. */
    public CanaryScorer(MultiLayerNetwork network, Vocabulary vocabulary, SecretFormat format, int recurrentLayer) {
        this.network = network;
        this.vocabulary = vocabulary;
        this.format = format;
        this.recurrentLayer = recurrentLayer;
    }

    /** The log-perplexity (bits) of every candidate, indexed by the candidate's value. */
    public double[] all() {
        if (!format.enumerable()) {
            throw new IllegalStateException("10^" + format.slots() + " candidates are too many to score one by one");
        }
        double[] nextLog = prefixDistribution();
        Map<String, INDArray> prefixState = copy(network.rnnGetPreviousState(recurrentLayer));
        double[] scores = new double[10];
        for (int d = 0; d < 10; d++) {
            scores[d] = -nextLog[digitId(d)];
        }
        // scores[k]: the log-perplexity of the first `level` digits of node k; states: the LSTM state after each parent
        Map<String, INDArray> states = prefixState;
        int chunk = (int) Math.max(10, MAX_OUTPUT_VALUES / vocabulary.size() / 10 * 10);
        for (int level = 1; level < format.slots(); level++) {
            int nodes = scores.length;
            double[] children = new double[nodes * 10];
            Map<String, INDArray> nodeStates = null;
            boolean last = level == format.slots() - 1;
            for (int from = 0; from < nodes; from += chunk) {
                int to = Math.min(nodes, from + chunk);
                Map<String, INDArray> parentRows = new HashMap<>();
                for (Map.Entry<String, INDArray> e : states.entrySet()) {
                    INDArray rows = e.getValue().get(NDArrayIndex.interval(from / 10, (to + 9) / 10), NDArrayIndex.all());
                    parentRows.put(e.getKey(), rows.repeat(0, 10));
                }
                float[][] input = new float[to - from][1];
                for (int k = from; k < to; k++) {
                    input[k - from][0] = digitId(k % 10);
                }
                network.rnnSetPreviousState(recurrentLayer, parentRows);
                double[][] p = lastStep(network.rnnTimeStep(Nd4j.createFromArray(input)));
                for (int k = from; k < to; k++) {
                    for (int d = 0; d < 10; d++) {
                        children[k * 10 + d] = scores[k] - log2(Math.max(p[k - from][digitId(d)], 1e-300));
                    }
                }
                if (!last) {
                    // the last level's states would feed no further level: not kept
                    nodeStates = append(nodeStates, network.rnnGetPreviousState(recurrentLayer));
                }
            }
            scores = children;
            states = nodeStates;
        }
        network.rnnClearPreviousState();
        return scores;
    }

    /** The log-perplexity (bits) of each given candidate, each read from the prefix's state. */
    public double[] of(long[] candidates) {
        double[] nextLog = prefixDistribution();
        Map<String, INDArray> prefixState = copy(network.rnnGetPreviousState(recurrentLayer));
        double[] scores = new double[candidates.length];
        int chunk = (int) Math.max(1, MAX_OUTPUT_VALUES / vocabulary.size() / Math.max(1, format.slots() - 1));
        for (int from = 0; from < candidates.length; from += chunk) {
            int to = Math.min(candidates.length, from + chunk);
            int n = to - from;
            int[][] digits = new int[n][];
            for (int i = 0; i < n; i++) {
                digits[i] = format.digits(candidates[from + i]);
                scores[from + i] = -nextLog[digitId(digits[i][0])];
            }
            if (format.slots() > 1) {
                Map<String, INDArray> start = new HashMap<>();
                prefixState.forEach((k, v) -> start.put(k, v.repeat(0, n)));
                network.rnnSetPreviousState(recurrentLayer, start);
                // [n, 1, T]: given [n, T], rnnTimeStep would answer for the last step only
                float[][][] input = new float[n][1][format.slots() - 1];
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < format.slots() - 1; t++) {
                        input[i][0][t] = digitId(digits[i][t]);
                    }
                }
                INDArray out = network.rnnTimeStep(Nd4j.createFromArray(input)).castTo(DataType.DOUBLE);
                for (int i = 0; i < n; i++) {
                    for (int t = 1; t < format.slots(); t++) {
                        scores[from + i] -= log2(Math.max(out.getDouble(i, digitId(digits[i][t]), t - 1), 1e-300));
                    }
                }
            }
        }
        network.rnnClearPreviousState();
        return scores;
    }

    /** The softmax of a one-step answer, [batch, vocabulary]. */
    private static double[][] lastStep(INDArray out) {
        INDArray p = out.rank() == 3 ? out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(out.size(2) - 1)) : out;
        return p.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private int digitId(int d) {
        return vocabulary.id(Integer.toString(d));
    }

    /** Reads the prefix from a cleared state; returns log₂ p(next word) and leaves the state after the prefix. */
    private double[] prefixDistribution() {
        network.rnnClearPreviousState();
        float[][] x = new float[1][format.prefix().size()];
        for (int t = 0; t < x[0].length; t++) {
            x[0][t] = vocabulary.id(format.prefix().get(t));
        }
        double[] p = lastStep(network.rnnTimeStep(Nd4j.createFromArray(x)))[0];
        for (int i = 0; i < p.length; i++) {
            p[i] = log2(Math.max(p[i], 1e-300));
        }
        return p;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> out = new HashMap<>();
        state.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    private static Map<String, INDArray> append(Map<String, INDArray> so, Map<String, INDArray> more) {
        if (so == null) {
            return copy(more);
        }
        Map<String, INDArray> out = new HashMap<>();
        so.forEach((k, v) -> out.put(k, Nd4j.concat(0, v, more.get(k))));
        return out;
    }
}
