package org.glassbox.membership;

import org.glassbox.metrics.Roc;

/**
 * One attack's scores over the candidates (higher: more likely a member) and what researchers read
 * off them: AUC, TPR at 1 %, 0.1 % and 0.01 % FPR (NaN when the non-members are too few to resolve
 * that rate), the balanced accuracy of the best threshold, (1 + max(TPR − FPR)) / 2, and the
 * queries to the target each candidate cost.
 */
public record AttackResult(String name, double[] scores, Roc roc, double auc, double tprAt1Percent, double tprAtTenthPercent,
                           double tprAtHundredthPercent, double balancedAccuracy, int queriesPerCandidate) {

    static AttackResult of(String name, double[] scores, boolean[] member) {
        return of(name, scores, member, 1);
    }

    static AttackResult of(String name, double[] scores, boolean[] member, int queriesPerCandidate) {
        int members = 0;
        for (boolean m : member) {
            members += m ? 1 : 0;
        }
        double[] in = new double[members];
        double[] out = new double[member.length - members];
        for (int i = 0, a = 0, b = 0; i < member.length; i++) {
            if (member[i]) {
                in[a++] = scores[i];
            } else {
                out[b++] = scores[i];
            }
        }
        Roc roc = new Roc(in, out);
        double advantage = 0;
        for (Roc.Point p : roc.curve()) {
            advantage = Math.max(advantage, p.truePositiveRate() - p.falsePositiveRate());
        }
        return new AttackResult(name, scores, roc, roc.auc(), roc.truePositiveRateAt(0.01), roc.truePositiveRateAt(0.001),
                roc.truePositiveRateAt(0.0001), (1 + advantage) / 2, queriesPerCandidate);
    }
}
