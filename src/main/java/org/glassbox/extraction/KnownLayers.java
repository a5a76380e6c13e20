package org.glassbox.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The hidden layers recovered so far, as a function the attack can evaluate without queries:
 * every neuron's pre-activation ẑ and its input gradient ∇ẑ at a point, and where a ray leaves the
 * point's linear region. Within a region every pre-activation is affine in x, so the first sign
 * change along a ray is found exactly, with no search.
 *
 * <p>The deepest known layer may still have its signs open (each of its rows known up to ±);
 * the layers below it have theirs fixed.
 */
final class KnownLayers {

    private final List<double[][]> weights = new ArrayList<>();
    private final List<double[]> biases = new ArrayList<>();
    private final int inputs;

    KnownLayers(int inputs) {
        this.inputs = inputs;
    }

    int inputs() {
        return inputs;
    }

    int depth() {
        return weights.size();
    }

    int width(int layer) {
        return weights.get(layer).length;
    }

    double[][] weights(int layer) {
        return weights.get(layer);
    }

    double[] biases(int layer) {
        return biases.get(layer);
    }

    void add(double[][] w, double[] b) {
        weights.add(w);
        biases.add(b);
    }

    /** Adds a neuron to a layer (the deepest known one: no layer above depends on it yet). */
    void append(int layer, double[] row, double bias) {
        double[][] w = weights.get(layer);
        double[][] wider = java.util.Arrays.copyOf(w, w.length + 1);
        wider[w.length] = row;
        weights.set(layer, wider);
        biases.set(layer, java.util.Arrays.copyOf(biases.get(layer), w.length + 1));
        biases.get(layer)[w.length] = bias;
    }

    /** One layer's rows, [out][in], and biases. */
    record Layer(double[][] weights, double[] biases) {
    }

    /** Takes the deepest layer off again (to add neurons to it). */
    Layer removeDeepest() {
        int last = weights.size() - 1;
        return new Layer(weights.remove(last), biases.remove(last));
    }

    /** Negates neuron k of the given layer: ReLU(−ẑ) in place of ReLU(ẑ). */
    void flip(int layer, int k) {
        double[] row = weights.get(layer)[k];
        for (int j = 0; j < row.length; j++) {
            row[j] = -row[j];
        }
        biases.get(layer)[k] = -biases.get(layer)[k];
    }

    /**
     * Every known neuron at x: pre-activations z[l][i], activations h[l][i] = ReLU(z), and input
     * gradients grad[l][i] = ∇ₓ z (constant within the region).
     */
    record State(double[][] z, double[][] h, double[][][] grad) {

        /** ∇ₓ of the activations of layer l (l = −1: the inputs themselves), as rows. */
        double[][] activationGradients(int l, int inputs) {
            if (l < 0) {
                double[][] identity = new double[inputs][inputs];
                for (int j = 0; j < inputs; j++) {
                    identity[j][j] = 1;
                }
                return identity;
            }
            double[][] g = new double[z[l].length][];
            for (int i = 0; i < g.length; i++) {
                g[i] = z[l][i] > 0 ? grad[l][i] : new double[inputs];
            }
            return g;
        }

        /** The activations of layer l (l = −1: the input x). */
        double[] activations(int l, double[] x) {
            return l < 0 ? x : h[l];
        }
    }

    State at(double[] x) {
        int layers = depth();
        double[][] z = new double[layers][];
        double[][] h = new double[layers][];
        double[][][] grad = new double[layers][][];
        double[] a = x;
        double[][] aGrad = null;
        for (int l = 0; l < layers; l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            z[l] = new double[w.length];
            h[l] = new double[w.length];
            grad[l] = new double[w.length][];
            for (int i = 0; i < w.length; i++) {
                double s = b[i];
                for (int j = 0; j < a.length; j++) {
                    s += w[i][j] * a[j];
                }
                z[l][i] = s;
                h[l][i] = Math.max(0, s);
                if (aGrad == null) {
                    grad[l][i] = w[i].clone();
                } else {
                    double[] g = new double[inputs];
                    for (int j = 0; j < a.length; j++) {
                        if (a[j] > 0 && w[i][j] != 0) {
                            double[] row = aGrad[j];
                            for (int q = 0; q < inputs; q++) {
                                g[q] += w[i][j] * row[q];
                            }
                        }
                    }
                    grad[l][i] = g;
                }
            }
            a = h[l];
            aGrad = grad[l];
        }
        return new State(z, h, grad);
    }

    /** The pre-activations of every known layer at x, without gradients. */
    double[][] preActivations(double[] x) {
        double[][] z = new double[depth()][];
        double[] a = x;
        for (int l = 0; l < depth(); l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            z[l] = new double[w.length];
            double[] h = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double s = b[i];
                for (int j = 0; j < a.length; j++) {
                    s += w[i][j] * a[j];
                }
                z[l][i] = s;
                h[i] = Math.max(0, s);
            }
            a = h;
        }
        return z;
    }

    /** Where the ray x + τu first changes the sign of a known pre-activation; τ = +∞ if it never does. */
    record Exit(double tau, int layer, int neuron, double[] normal) {
    }

    Exit exit(double[] x, double[] u) {
        return exit(at(x), u);
    }

    static Exit exit(State s, double[] u) {
        double best = Double.POSITIVE_INFINITY;
        int bestLayer = -1;
        int bestNeuron = -1;
        for (int l = 0; l < s.z().length; l++) {
            for (int i = 0; i < s.z()[l].length; i++) {
                double rate = dot(s.grad()[l][i], u);
                double z = s.z()[l][i];
                if (rate != 0 && z * rate < 0) {
                    double tau = -z / rate;
                    if (tau < best) {
                        best = tau;
                        bestLayer = l;
                        bestNeuron = i;
                    }
                }
            }
        }
        return new Exit(best, bestLayer, bestNeuron, bestLayer < 0 ? null : s.grad()[bestLayer][bestNeuron]);
    }

    /** The distance from x to the nearest known boundary, each pre-activation taken as affine in the region. */
    double inradius(double[] x) {
        State s = at(x);
        double r = Double.POSITIVE_INFINITY;
        for (int l = 0; l < s.z().length; l++) {
            for (int i = 0; i < s.z()[l].length; i++) {
                double n = KinkAnalysis.norm(s.grad()[l][i]);
                if (n > 0) {
                    r = Math.min(r, Math.abs(s.z()[l][i]) / n);
                }
            }
        }
        return r;
    }

    /** Whether x and y lie in the same linear region of the known layers. */
    boolean sameRegion(double[] x, double[] y) {
        State a = at(x);
        State b = at(y);
        for (int l = 0; l < a.z().length; l++) {
            for (int i = 0; i < a.z()[l].length; i++) {
                if ((a.z()[l][i] > 0) != (b.z()[l][i] > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
