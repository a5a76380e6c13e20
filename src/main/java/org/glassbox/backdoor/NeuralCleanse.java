package org.glassbox.backdoor;

import java.util.Random;
import org.glassbox.metrics.Predictions;
import org.glassbox.models.Gradients;
import org.glassbox.models.ModelHandle;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Neural Cleanse's trigger reverse-engineering (Wang et al., S&P 2019; {@code bolunwang/backdoor},
 * {@code visualizer.py}) for one target class c: over clean images x, find a mask m ∈ [0, 1]^{h×w}
 * and a pattern p ∈ [0, 1]^{h×w} minimising
 * <pre>  CE(f((1 − m) ⊙ x + m ⊙ p), c) + λ ‖m‖₁</pre>
 * with m = (tanh a + 1)/2 and p = (tanh b + 1)/2 so that any a, b is valid, by Adam (lr 0.1,
 * β = 0.5, 0.9 as the reference). λ starts at 10⁻³ and adapts every epoch of a few steps: after
 * {@code patience} epochs whose attack success is at least 99 % it is multiplied by 2, after as many
 * below it divided by 2^1.5. The answer is the smallest-norm mask seen at ≥ 99 % success (or the
 * last one, marked not reached, when none got there).
 *
 * <p>Differences from the reference, on purpose: a fixed number of steps (no early stop), and the
 * batches are drawn from the clean images with a seed, so that a run repeats.
 */
public final class NeuralCleanse {

    /** The search's knobs; {@link #REFERENCE} are the reference's values with its 1,000 steps scaled down. */
    public record Settings(int stepsPerEpoch, int batchSize, double initialCost, double learningRate, double successThreshold,
                           int patience, double costMultiplier) {
        public static final Settings REFERENCE = new Settings(5, 32, 1e-3, 0.1, 0.99, 5, 2);
    }

    /** A reversed trigger for one class: its mask, pattern, ‖m‖₁, the success it reached and whether that met the threshold. */
    public record Reversed(int target, double[] mask, double[] pattern, double l1, double success, boolean reached, int steps) {

        /** m ⊙ p over mid-grey, as the page and the PNG show it. */
        public double[] picture() {
            return Trigger.picture(mask, pattern);
        }
    }

    private final ModelHandle model;
    private final float[][] clean;
    private final int height;
    private final int width;
    private final Settings settings;

    /** {@code clean}: the defender's clean images, flattened [n, h·w] with values in [0, 1]. */
    public NeuralCleanse(ModelHandle model, INDArray clean, int height, int width, Settings settings) {
        this.model = model;
        this.clean = clean.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatMatrix();
        this.height = height;
        this.width = width;
        this.settings = settings;
    }

    public Search search(int target, long seed) {
        return new Search(target, seed);
    }

    /** The search for one class, advanced a few steps at a time so that a page can draw the mask forming. */
    public final class Search {
        private static final double BETA1 = 0.5;
        private static final double BETA2 = 0.9;
        private static final double EPS = 1e-8;

        private final int target;
        private final Random random;
        private final int pixels = height * width;
        private final double[] a = new double[pixels];
        private final double[] b = new double[pixels];
        private final double[][] moments = new double[4][pixels];
        private double cost = settings.initialCost();
        private int steps;
        private int up;
        private int down;
        private double epochSuccess;
        private double lastSuccess;
        private double[] bestMask;
        private double[] bestPattern;
        private double bestL1 = Double.POSITIVE_INFINITY;
        private double bestSuccess;

        private Search(int target, long seed) {
            this.target = target;
            this.random = new Random(seed);
            for (int k = 0; k < pixels; k++) {
                a[k] = atanh((random.nextDouble() - 0.5) * 1.98);
                b[k] = atanh((random.nextDouble() - 0.5) * 1.98);
            }
        }

        private static double atanh(double x) {
            return 0.5 * Math.log((1 + x) / (1 - x));
        }

        public void advance(int count) {
            for (int i = 0; i < count; i++) {
                step();
            }
        }

        private void step() {
            int n = Math.min(settings.batchSize(), clean.length);
            float[][] x = new float[n][];
            for (int i = 0; i < n; i++) {
                x[i] = clean[random.nextInt(clean.length)];
            }
            double[] m = mask();
            double[] p = pattern();
            float[] stamped = new float[n * pixels];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < pixels; k++) {
                    stamped[i * pixels + k] = (float) ((1 - m[k]) * x[i][k] + m[k] * p[k]);
                }
            }
            INDArray input = model.imageBatch(Nd4j.create(stamped, new long[] {n, pixels}, 'c'), 1, height, width);
            INDArray labels = Nd4j.zeros(model.dataType(), n, model.outputSize());
            for (int i = 0; i < n; i++) {
                labels.putScalar(i, target, 1.0);
            }
            int[] predicted = Predictions.argmax(model.output(input));
            int hits = 0;
            for (int v : predicted) {
                hits += v == target ? 1 : 0;
            }
            lastSuccess = (double) hits / n;
            Gradients g = model.gradients(input, labels);
            float[] dx = g.input().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
            double[] gradA = new double[pixels];
            double[] gradB = new double[pixels];
            for (int k = 0; k < pixels; k++) {
                double dm = 0;
                double dp = 0;
                for (int i = 0; i < n; i++) {
                    dm += dx[i * pixels + k] * (p[k] - x[i][k]);
                    dp += dx[i * pixels + k] * m[k];
                }
                // the gradients are summed over the batch; the loss is the batch mean
                dm = dm / n + cost;
                dp = dp / n;
                gradA[k] = dm * 0.5 * (1 - (2 * m[k] - 1) * (2 * m[k] - 1));
                gradB[k] = dp * 0.5 * (1 - (2 * p[k] - 1) * (2 * p[k] - 1));
            }
            steps++;
            adam(a, gradA, moments[0], moments[1]);
            adam(b, gradB, moments[2], moments[3]);
            epochSuccess += lastSuccess;
            if (steps % settings.stepsPerEpoch() == 0) {
                endEpoch(epochSuccess / settings.stepsPerEpoch());
                epochSuccess = 0;
            }
        }

        private void endEpoch(double success) {
            double[] m = mask();
            double l1 = sum(m);
            if (success >= settings.successThreshold() && l1 < bestL1) {
                bestL1 = l1;
                bestMask = m;
                bestPattern = pattern();
                bestSuccess = success;
            }
            if (success >= settings.successThreshold()) {
                up++;
                down = 0;
            } else {
                down++;
                up = 0;
            }
            if (up >= settings.patience()) {
                up = 0;
                cost *= settings.costMultiplier();
            } else if (down >= settings.patience()) {
                down = 0;
                cost /= Math.pow(settings.costMultiplier(), 1.5);
            }
        }

        private void adam(double[] theta, double[] grad, double[] first, double[] second) {
            double lr = settings.learningRate();
            double c1 = 1 - Math.pow(BETA1, steps);
            double c2 = 1 - Math.pow(BETA2, steps);
            for (int k = 0; k < theta.length; k++) {
                first[k] = BETA1 * first[k] + (1 - BETA1) * grad[k];
                second[k] = BETA2 * second[k] + (1 - BETA2) * grad[k] * grad[k];
                theta[k] -= lr * (first[k] / c1) / (Math.sqrt(second[k] / c2) + EPS);
            }
        }

        public double[] mask() {
            double[] m = new double[pixels];
            for (int k = 0; k < pixels; k++) {
                m[k] = (Math.tanh(a[k]) + 1) / 2;
            }
            return m;
        }

        public double[] pattern() {
            double[] p = new double[pixels];
            for (int k = 0; k < pixels; k++) {
                p[k] = (Math.tanh(b[k]) + 1) / 2;
            }
            return p;
        }

        public int steps() {
            return steps;
        }

        /** λ now. */
        public double cost() {
            return cost;
        }

        /** The answer so far: the best mask at the success threshold, or the current one marked not reached. */
        public Reversed result() {
            if (bestMask != null) {
                return new Reversed(target, bestMask, bestPattern, bestL1, bestSuccess, true, steps);
            }
            double[] m = mask();
            return new Reversed(target, m, pattern(), sum(m), lastSuccess, false, steps);
        }
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
