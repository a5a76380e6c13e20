package org.glassbox.membership;

import java.io.PrintStream;
import java.util.Locale;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.ComputeBackend;
import org.glassbox.workspace.HeadlessRunner;

/**
 * Figures of the membership workspace: every attack's AUC and TPR at low FPR on the default audit
 * (with L2 as a defense beside it, and its price in accuracy), and shadow models trained per minute
 * on 1 thread and on every core.
 */
public final class MembershipBenchmark {

    private MembershipBenchmark() {
    }

    public static void run(PrintStream out, LabeledImages train, LabeledImages test, long seed) throws Exception {
        MembershipSetup d = MembershipSetup.defaults();
        int cores = Runtime.getRuntime().availableProcessors();
        MembershipTask task = new MembershipTask(train, test, new MembershipSetup(d.pool(), d.hidden(), d.epochs(), d.batchSize(),
                d.learningRate(), d.l2(), 2 * cores, d.fixedVariance()), seed);
        task.step(0);
        long start = System.nanoTime();
        for (int i = 1; i < task.iterations(); i++) {
            task.step(i);
        }
        double shadowSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "shadow models (MLP 784-%s-10, %d images, %d epochs), %d at once on one ND4J thread each: %.1f per"
                + " minute%n", d.hidden(), d.pool() / 2, d.epochs(), cores, 2 * cores * 60 / shadowSeconds);
        for (double l2 : new double[] {0, 1e-3}) {
            MembershipSetup setup = new MembershipSetup(d.pool(), d.hidden(), d.epochs(), d.batchSize(), d.learningRate(), l2,
                    d.shadows(), d.fixedVariance());
            long t0 = System.nanoTime();
            MembershipSnapshot s = HeadlessRunner.runToEnd(new MembershipTask(train, test, setup, seed));
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "%nDefault audit, L2 %.0e, seed %d: %d shadows, %d members, %d non-members; target accuracy"
                            + " %.1f %% members, %.1f %% non-members, %.1f %% test; %.0f s%n", l2, seed, s.shadowsDone(),
                    MembershipWorkspace.members(s), s.member().length - MembershipWorkspace.members(s), 100 * s.memberAccuracy(),
                    100 * s.nonMemberAccuracy(), 100 * s.testAccuracy(), seconds);
            out.printf(Locale.ROOT, "%-26s %8s %12s %12s %12s %10s %8s%n", "attack", "AUC", "TPR@1%FPR", "TPR@0.1%FPR",
                    "TPR@0.01%FPR", "bal. acc.", "queries");
            for (AttackResult a : s.attacks()) {
                out.printf(Locale.ROOT, "%-26s %8.4f %12s %12s %12s %10.4f %8d%n", a.name(), a.auc(),
                        MembershipWorkspace.rate(a.tprAt1Percent()), MembershipWorkspace.rate(a.tprAtTenthPercent()),
                        MembershipWorkspace.rate(a.tprAtHundredthPercent()), a.balancedAccuracy(), a.queriesPerCandidate());
            }
        }
    }
}
