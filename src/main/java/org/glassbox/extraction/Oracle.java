package org.glassbox.extraction;

import java.util.concurrent.atomic.AtomicLong;
import org.glassbox.regions.PiecewiseLinearNetwork;

/**
 * The black box: a network behind a query interface that answers outputs for inputs and nothing
 * else. Every input row counts as one query, as in Carlini, Jagielski and Mironov's {@code run()}.
 * The attack code is given an oracle, never the network.
 */
public final class Oracle {

    private final PiecewiseLinearNetwork network;
    private final OutputPrecision precision;
    private final AtomicLong queries = new AtomicLong();

    public Oracle(PiecewiseLinearNetwork network, OutputPrecision precision) {
        this.network = network;
        this.precision = precision;
    }

    public int inputs() {
        return network.inputs();
    }

    public int outputs() {
        return network.outputs();
    }

    public OutputPrecision precision() {
        return precision;
    }

    /** The outputs (before any softmax) for one input: one query. */
    public double[] query(double[] x) {
        if (x.length != network.inputs()) {
            throw new IllegalArgumentException("the black box takes " + network.inputs() + " inputs, not " + x.length);
        }
        queries.incrementAndGet();
        double[] y = network.logits(x);
        for (int k = 0; k < y.length; k++) {
            y[k] = precision.apply(y[k]);
        }
        return y;
    }

    /**
     * The outputs for a batch of inputs: one query per row. Batches of {@value #BATCH_MIN} rows or
     * more, of a plain ReLU network with a large first layer, go through BLAS matrix products (ND4J,
     * double precision), a layer at a time; they agree with one-by-one answers to rounding (the sums
     * run in another order).
     */
    public double[][] query(double[][] xs) {
        if (xs.length < BATCH_MIN || network.leakySlope() != 0 || (long) network.inputs() * network.width(0) < BLAS_MIN_WEIGHTS) {
            double[][] ys = new double[xs.length][];
            for (int i = 0; i < xs.length; i++) {
                ys[i] = query(xs[i]);
            }
            return ys;
        }
        for (double[] x : xs) {
            if (x.length != network.inputs()) {
                throw new IllegalArgumentException("the black box takes " + network.inputs() + " inputs, not " + x.length);
            }
        }
        queries.addAndGet(xs.length);
        org.nd4j.linalg.api.ndarray.INDArray a = org.nd4j.linalg.factory.Nd4j.create(xs);
        for (int l = 0; l < network.weights().size(); l++) {
            org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.create(network.weights().get(l));
            org.nd4j.linalg.api.ndarray.INDArray b = org.nd4j.linalg.factory.Nd4j.create(network.biases().get(l),
                    new long[] {1, network.biases().get(l).length});
            a = a.mmul(w.transpose()).addiRowVector(b);
            if (l < network.hiddenLayers()) {
                a = org.nd4j.linalg.ops.transforms.Transforms.relu(a, false);
            }
        }
        double[][] ys = a.toDoubleMatrix();
        for (double[] y : ys) {
            for (int k = 0; k < y.length; k++) {
                y[k] = precision.apply(y[k]);
            }
        }
        return ys;
    }

    /** Batches at least this large use matrix products. */
    public static final int BATCH_MIN = 64;

    /**
     * ... and only for a first layer at least this large: below it ND4J's per-call overhead costs
     * more than the product saves (measured: 0.02× on 10-20-20-1, 1.3× on 784-128-10).
     */
    public static final long BLAS_MIN_WEIGHTS = 10_000;

    /** Rows answered so far. */
    public long queries() {
        return queries.get();
    }
}
