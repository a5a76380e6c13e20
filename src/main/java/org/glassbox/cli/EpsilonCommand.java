package org.glassbox.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.glassbox.experiment.Param;
import org.glassbox.privacy.RdpAccountant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glassbox epsilon}: the (ε, δ) that DP-SGD with Poisson sampling buys, from the Rényi-DP
 * accountant, by both conversions, with the order that gives it; or the noise for a target ε.
 */
@Command(name = "epsilon", mixinStandardHelpOptions = true,
        description = "The ε of DP-SGD with Poisson sampling (rate q = batch / examples), noise multiplier σ and a number of"
                + " steps, at δ, from the Rényi-DP accountant of the sampled Gaussian mechanism; with --target, the σ that reaches it.")
final class EpsilonCommand implements Callable<Integer> {

    @Param(label = "--sample-rate", description = "the Poisson sampling rate q", min = 1e-9, max = 1)
    @Option(names = {"-q", "--sample-rate"}, required = true, description = "Poisson sampling rate q (expected batch / examples).")
    double q;

    @Param(label = "--noise", description = "the noise multiplier σ", min = 1e-3, max = 1e6)
    @Option(names = {"-s", "--noise"}, description = "Noise multiplier σ (the noise's standard deviation over the clip norm).")
    Double sigma;

    @Param(label = "--steps", description = "training steps", min = 1, max = 1e12)
    @Option(names = "--steps", required = true, description = "Training steps (epochs × examples / expected batch, rounded up).")
    long steps;

    @Param(label = "--delta", description = "δ", min = 1e-30, max = 0.5)
    @Option(names = "--delta", defaultValue = "1e-5", description = "δ. Default: ${DEFAULT-VALUE}.")
    double delta;

    @Param(label = "--target", description = "the target ε", min = 1e-6, max = 1e4)
    @Option(names = "--target", description = "Instead of σ: the ε to reach; prints the smallest σ (to 0.001) that does.")
    Double target;

    @Override
    public Integer call() {
        double[] orders = RdpAccountant.DEFAULT_ORDERS;
        if (target != null) {
            double noise = RdpAccountant.noiseFor(target, delta, q, steps, orders);
            System.out.printf(Locale.ROOT, "σ = %.3f reaches ε ≤ %s at δ = %s after %,d steps at q = %s%n", noise, target, delta,
                    steps, q);
            sigma = noise;
        }
        if (sigma == null) {
            System.err.println("Error: give --noise σ, or --target ε to find σ.");
            return 2;
        }
        double[] rdp = RdpAccountant.compose(q, sigma, steps, orders);
        RdpAccountant.Conversion improved = RdpAccountant.epsilon(orders, rdp, delta);
        RdpAccountant.Conversion classic = RdpAccountant.epsilonClassic(orders, rdp, delta);
        System.out.printf(Locale.ROOT, "q = %s, σ = %s, %,d steps, δ = %s: ε = %.6f (at order α = %s; Balle et al. 2020 conversion)%n",
                q, sigma, steps, delta, improved.epsilon(), order(improved.order()));
        System.out.printf(Locale.ROOT, "classic conversion (Mironov 2017, as TF Privacy's tutorials print): ε = %.6f at α = %s%n",
                classic.epsilon(), order(classic.order()));
        System.out.println("The accountant assumes Poisson sampling: each example in each step independently with probability q;"
                + " shuffled fixed-size batches are not covered by it.");
        return 0;
    }

    private static String order(double a) {
        return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
    }
}
