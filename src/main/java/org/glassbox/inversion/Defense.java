package org.glassbox.inversion;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A defense that a client applies to its gradient before sharing it. Each draws its randomness
 * from the generator it is given, so a seed fixes the shared gradient.
 */
public sealed interface Defense {

    /** The gradient as shared: a new array, the input is left alone. */
    INDArray apply(INDArray gradient, Random random);

    String describe();

    /** No defense: the gradient is shared as it is. */
    record None() implements Defense {
        @Override
        public INDArray apply(INDArray gradient, Random random) {
            return gradient.dup();
        }

        @Override
        public String describe() {
            return "none";
        }
    }

    /** Adds N(0, σ²) to every entry. */
    record GaussianNoise(double sigma) implements Defense {
        public GaussianNoise {
            requireNonNegative("σ", sigma);
        }

        @Override
        public INDArray apply(INDArray gradient, Random random) {
            double[] g = gradient.dup().toDoubleVector();
            for (int i = 0; i < g.length; i++) {
                g[i] += sigma * random.nextGaussian();
            }
            return shaped(g, gradient);
        }

        @Override
        public String describe() {
            return "Gaussian noise σ = " + sigma;
        }
    }

    /** Adds Laplace(0, b) to every entry: b·(−sign(w)·ln(1 − 2|w|)) with w uniform in (−½, ½). */
    record LaplacianNoise(double scale) implements Defense {
        public LaplacianNoise {
            requireNonNegative("b", scale);
        }

        @Override
        public INDArray apply(INDArray gradient, Random random) {
            double[] g = gradient.dup().toDoubleVector();
            for (int i = 0; i < g.length; i++) {
                double w = random.nextDouble() - 0.5;
                g[i] += -scale * Math.signum(w) * Math.log(1 - 2 * Math.abs(w));
            }
            return shaped(g, gradient);
        }

        @Override
        public String describe() {
            return "Laplacian noise b = " + scale;
        }
    }

    /** Magnitude pruning: zeroes the given fraction of entries with the smallest absolute value. */
    record Pruning(double fraction) implements Defense {
        public Pruning {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the pruned fraction must be within [0, 1], was " + fraction);
            }
        }

        @Override
        public INDArray apply(INDArray gradient, Random random) {
            double[] g = gradient.dup().toDoubleVector();
            int drop = (int) Math.floor(fraction * g.length);
            if (drop > 0) {
                double[] magnitudes = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    magnitudes[i] = Math.abs(g[i]);
                }
                Arrays.sort(magnitudes);
                double threshold = magnitudes[drop - 1];
                int dropped = 0;
                for (int i = 0; i < g.length && dropped < drop; i++) {
                    if (Math.abs(g[i]) <= threshold) {
                        g[i] = 0;
                        dropped++;
                    }
                }
            }
            return shaped(g, gradient);
        }

        @Override
        public String describe() {
            return "pruning " + Math.round(fraction * 100) + " % of entries";
        }
    }

    /**
     * One DP-SGD step for one example (Abadi et al. 2016): the gradient is clipped to norm C,
     * g·min(1, C/‖g‖), then N(0, (zC)²) is added to every entry, z the noise multiplier.
     */
    record DpSgd(double clipNorm, double noiseMultiplier) implements Defense {
        public DpSgd {
            if (!(clipNorm > 0)) {
                throw new IllegalArgumentException("the clip norm C must be positive, was " + clipNorm);
            }
            requireNonNegative("noise multiplier", noiseMultiplier);
        }

        @Override
        public INDArray apply(INDArray gradient, Random random) {
            double[] g = gradient.dup().toDoubleVector();
            double norm = 0;
            for (double v : g) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double factor = Math.min(1, clipNorm / Math.max(norm, Double.MIN_VALUE));
            for (int i = 0; i < g.length; i++) {
                g[i] = g[i] * factor + noiseMultiplier * clipNorm * random.nextGaussian();
            }
            return shaped(g, gradient);
        }

        @Override
        public String describe() {
            return "DP-SGD clip C = " + clipNorm + ", noise multiplier " + noiseMultiplier;
        }
    }

    private static INDArray shaped(double[] values, INDArray like) {
        return Nd4j.create(values, like.shape(), DataType.DOUBLE).castTo(like.dataType());
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, was " + value);
        }
    }
}
