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

    /** The outputs for a batch of inputs: one query per row. */
    public double[][] query(double[][] xs) {
        double[][] ys = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = query(xs[i]);
        }
        return ys;
    }

    /** Rows answered so far. */
    public long queries() {
        return queries.get();
    }
}
