package org.glassbox.inversion;

import java.util.Arrays;
import java.util.Random;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.Seeds;
import org.glassbox.engine.UserFacingException;
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

    /**
     * Aggregation over a larger batch: the client's update is the gradient of its summed loss over
     * the watched images plus {@code extraImages} more of its own training data, and the attacker,
     * who knows the batch size (as in FedSGD), reconstructs them all. The aggregation happens where
     * the client computes its gradient, in {@link #enlarge}; the shared gradient is not changed
     * further. The extra images are drawn from the seed among classes not yet in the batch, because
     * the attacker's label read for a batch needs distinct labels: so what is measured is the cost
     * of the larger batch alone.
     */
    record Aggregation(int extraImages) implements Defense {
        public Aggregation {
            if (extraImages < 0 || extraImages >= Assignment.MAX_SIZE) {
                throw new IllegalArgumentException("the extra images must be a whole number from 0 to "
                        + (Assignment.MAX_SIZE - 1) + ", was " + extraImages);
            }
        }

        @Override
        public INDArray apply(INDArray gradient, Random random) {
            return gradient.dup();
        }

        /** The client's batch with the extra images after the watched ones. */
        public ClientBatch enlarge(ClientBatch batch, LabeledImages pool, long seed) throws UserFacingException {
            int total = batch.size() + extraImages;
            if (total > Assignment.MAX_SIZE) {
                throw new UserFacingException("Aggregation: " + batch.size() + " private images and " + extraImages
                        + " extra make " + total + "; the attack handles batches of at most " + Assignment.MAX_SIZE + ".",
                        "Use fewer extra images or a smaller batch.");
            }
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int label : batch.labels()) {
                used.add(label);
            }
            if (used.size() + extraImages > pool.classNames().size()) {
                throw new UserFacingException("Aggregation: only " + (pool.classNames().size() - used.size())
                        + " classes are left for " + extraImages + " extra images of distinct classes.",
                        "Use fewer extra images.");
            }
            java.util.List<Integer> order = new java.util.ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new Random(Seeds.derive(seed, "aggregation")));
            double[][] images = Arrays.copyOf(batch.images(), total);
            int[] labels = Arrays.copyOf(batch.labels(), total);
            int k = batch.size();
            for (int i : order) {
                if (k == total) {
                    break;
                }
                if (used.add(pool.labels()[i])) {
                    images[k] = pool.image(i);
                    labels[k] = pool.labels()[i];
                    k++;
                }
            }
            return new ClientBatch(images, labels, batch.height(), batch.width(), batch.watched());
        }

        @Override
        public String describe() {
            return "aggregation over " + extraImages + " extra image" + (extraImages == 1 ? "" : "s");
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
