package org.glassbox.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.UserFacingException;
import org.glassbox.metrics.Roc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MembershipTest {

    static LabeledImages train;
    static LabeledImages test;

    @BeforeAll
    static void data() throws Exception {
        train = FashionMnist.train(Assets.locate());
        test = FashionMnist.test(Assets.locate());
    }

    @Test
    void aTargetThatMemorisedItsTrainingSetIsExposedByTheLossAttackAndAChanceSplitIsNot() {
        // 20 members, a wide MLP, 200 epochs: it classifies every member right and 60 % of the rest
        MembershipSetup memorise = new MembershipSetup(40, "512", 200, 20, 1e-3, 0, 0, true);
        MembershipSnapshot s = new MembershipTask(train, test, memorise, 5).step(0);
        assertEquals(1.0, s.memberAccuracy(), 1e-9, "every member is classified right: memorised");
        AttackResult memorised = s.attack(MembershipTask.LOSS);
        assertTrue(memorised.auc() > 0.9, "loss-threshold AUC on a memorising target: " + memorised.auc());

        MembershipSnapshot wide = new MembershipTask(train, test, new MembershipSetup(400, "64", 3, 64, 1e-3, 0, 0, true), 5)
                .step(0);
        AttackResult loss = wide.attack(MembershipTask.LOSS);

        // The same scores against a membership drawn at random, independent of training: AUC is 0.5 up to
        // sampling noise, whose standard deviation for m and n examples is sqrt((m + n + 1) / (12 m n)).
        boolean[] chance = new boolean[s.member().length];
        int[] order = new int[chance.length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(9);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < order.length / 2; i++) {
            chance[order[i]] = true;
        }
        double m = order.length / 2.0;
        double sd = Math.sqrt((2 * m + 1) / (12 * m * m));
        double auc = AttackResult.of("chance", loss.scores(), chance).auc();
        assertEquals(0.5, auc, 4 * sd, "members = non-members in distribution: AUC " + auc + ", 4 sd = " + 4 * sd);
    }

    @Test
    void liraGaussianScoresEqualTheValuesWorkedOutByHand() {
        // one example, four shadows: IN φ = 2, 4 (μ 3, s² 2), OUT φ = −1, 1 (μ 0, s² 2); the target's φ = 2.5
        double[][] phi = {{2, 10}, {4, 10}, {-1, 11}, {1, 12}};
        boolean[][] in = {{true, true}, {true, false}, {false, true}, {false, false}};
        Lira.Fits perExample = Lira.fit(phi, in, false);
        double[] target = {2.5, 12};
        // log N(2.5; 3, 2) − log N(2.5; 0, 2) = −0.25/4 + 6.25/4 = 1.5
        assertEquals(1.5, Lira.online(target, perExample)[0], 1e-12);
        assertEquals(2.5 / Math.sqrt(2), Lira.offline(target, perExample)[0], 1e-12);
        // example 1: IN φ = 10, 11 (μ 10.5, squares 0.5), OUT φ = 10, 12 (μ 11, squares 2). Fixed variance pools the
        // squares over the degrees of freedom: IN (2 + 0.5) / 2 = 1.25, OUT (2 + 2) / 2 = 2, the same σ for both examples
        Lira.Fits fixed = Lira.fit(phi, in, true);
        assertEquals(Math.sqrt(1.25), fixed.sigmaIn()[0], 1e-12);
        assertEquals(Math.sqrt(1.25), fixed.sigmaIn()[1], 1e-12);
        assertEquals(Math.sqrt(2.0), fixed.sigmaOut()[0], 1e-12);
        assertEquals((12 - 11) / Math.sqrt(2.0), Lira.offline(target, fixed)[1], 1e-12);
        // online, fixed: log N(12; 10.5, 1.25) − log N(12; 11, 2) = −2.25/2.5 − ln √1.25 + 1/4 + ln √2
        double expected = -2.25 / 2.5 - 0.5 * Math.log(1.25) + 1.0 / 4 + 0.5 * Math.log(2);
        assertEquals(expected, Lira.online(target, fixed)[1], 1e-12);
    }

    @Test
    void theStableLogitScaledConfidenceEqualsTheNaiveFormulaAndStaysFiniteWhereItOverflows() {
        Random random = new Random(3);
        for (int t = 0; t < 100; t++) {
            double[] z = new double[10];
            for (int k = 0; k < z.length; k++) {
                z[k] = 4 * random.nextGaussian();
            }
            int y = random.nextInt(10);
            double total = 0;
            for (double v : z) {
                total += Math.exp(v);
            }
            double py = Math.exp(z[y]) / total;
            double naive = Math.log(py) - Math.log(1 - py);
            assertEquals(naive, Lira.logitScaledConfidence(z, y), 1e-9 * Math.max(1, Math.abs(naive)));
            assertEquals(-Math.log(py), Lira.crossEntropy(z, y), 1e-9);
        }
        double[] huge = {1000, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        double naive = Math.log(Math.exp(1000) / (Math.exp(1000) + 9)) - Math.log(9 / (Math.exp(1000) + 9));
        assertTrue(Double.isNaN(naive), "the naive formula overflows");
        assertEquals(1000 - Math.log(9), Lira.logitScaledConfidence(huge, 0), 1e-9);
        assertEquals(-1000, Lira.logitScaledConfidence(huge, 1), 1e-9, "a class far below another: −1000 − log(1 + 8e^−1000)");
    }

    @Test
    void tprAtAFixedFprRespectsTiesAndSaysWhenTheNonMembersAreTooFew() {
        double[] negatives = new double[1000];
        negatives[998] = 5;
        negatives[999] = 5;
        double[] positives = {6, 5, 5, 4};
        // at most 1 false positive in 1000: the threshold cannot admit the tied 5s (that would be 2), so only 6 is called
        assertEquals(0.25, new Roc(positives, negatives).truePositiveRateAt(0.001), 1e-12);
        // at 1 %, 10 false positives are allowed: the threshold drops below both tied 5s (2 false positives) to just
        // above the 0s, and every positive is called: 4 of 4
        assertEquals(1.0, new Roc(positives, negatives).truePositiveRateAt(0.01), 1e-12);
        double[] few = Arrays.copyOf(negatives, 999);
        assertTrue(Double.isNaN(new Roc(positives, few).truePositiveRateAt(0.001)), "999 non-members do not resolve 0.1 %");
        assertEquals("not resolved", MembershipWorkspace.rate(Double.NaN));
    }

    @Test
    void membersAndNonMembersAreDisjointBalancedHalvesOfThePoolAndTheSameSeedGivesTheSameScores() throws Exception {
        MembershipSetup small = new MembershipSetup(120, "32", 3, 32, 1e-3, 0, 2, true);
        MembershipTask first = new MembershipTask(train, test, small, 77);
        MembershipSnapshot a = first.step(0);
        int members = MembershipWorkspace.members(a);
        assertEquals(60, members, "exactly half the pool are members");
        assertEquals(120, Arrays.stream(a.poolIndex()).distinct().count(), "pool images are distinct");
        assertTrue(Arrays.stream(a.poolIndex()).allMatch(i -> i >= 0 && i < train.size()));
        MembershipSnapshot aEnd = a;
        for (int i = 1; i < first.iterations(); i++) {
            aEnd = first.step(i);
        }
        assertEquals(2, aEnd.shadowsDone());
        MembershipSnapshot bEnd = org.glassbox.workspace.HeadlessRunner.runToEnd(new MembershipTask(train, test, small, 77));
        assertArrayEquals(aEnd.member(), bEnd.member());
        assertArrayEquals(aEnd.poolIndex(), bEnd.poolIndex());
        for (AttackResult r : aEnd.attacks()) {
            assertArrayEquals(r.scores(), bEnd.attack(r.name()).scores(), 0.0, r.name() + ": same seed, same scores");
        }
        AttackResult shifts = aEnd.attack(MembershipTask.AUGMENTATION);
        assertEquals(5, shifts.queriesPerCandidate(), "4d + 1 label queries for shifts of d = 1");
        assertTrue(Arrays.stream(shifts.scores()).allMatch(k -> k == Math.rint(k) && k >= 0 && k <= 5), "a count of kept labels");
        AttackResult noise = aEnd.attack(MembershipTask.NOISE);
        assertEquals(50, noise.queriesPerCandidate());
        assertTrue(Arrays.stream(noise.scores()).allMatch(f -> f >= 0 && f <= 1 + 1e-12), "a share of noisy copies kept");
        MembershipSnapshot other = new MembershipTask(train, test, small, 78).step(0);
        assertTrue(!Arrays.equals(a.member(), other.member()) || !Arrays.equals(a.poolIndex(), other.poolIndex()),
                "another seed draws another split");
    }

    @Test
    void badSetupsAreRefusedWithWhatToDo() {
        MembershipWorkspace w = new MembershipWorkspace();
        MembershipSetup d = MembershipSetup.defaults();
        UserFacingException one = assertThrows(UserFacingException.class, () -> w.setup(MembershipWorkspace.experiment(
                new MembershipSetup(d.pool(), d.hidden(), d.epochs(), d.batchSize(), d.learningRate(), d.l2(), 1, true), 1)));
        assertTrue(one.userMessage().problem().contains("at least 2 shadow models"), one.userMessage().text());
        UserFacingException big = assertThrows(UserFacingException.class, () -> w.setup(MembershipWorkspace.experiment(
                new MembershipSetup(20_000, d.hidden(), d.epochs(), d.batchSize(), d.learningRate(), d.l2(), 0, true), 1)));
        assertTrue(big.userMessage().problem().contains("Pool must be between 20 and 10000; it is 20000."), big.userMessage().text());
        UserFacingException widths = assertThrows(UserFacingException.class, () -> w.setup(MembershipWorkspace.experiment(
                new MembershipSetup(d.pool(), "128, many", d.epochs(), d.batchSize(), d.learningRate(), d.l2(), 0, true), 1)));
        assertTrue(widths.userMessage().problem().contains("are not whole numbers"), widths.userMessage().text());
        org.glassbox.experiment.Experiment audit = new org.glassbox.experiment.Experiment(1, MembershipWorkspace.WORKSPACE,
                "lenet-sigmoid", FashionMnist.TRAIN_ID, org.glassbox.experiment.ExperimentFiles.JSON.valueToTree(d), 1);
        UserFacingException unknown = assertThrows(UserFacingException.class, () -> w.setup(audit));
        assertTrue(unknown.userMessage().problem().contains("needs to know which images it trained on"), unknown.userMessage().text());
    }

    @Test
    void aTargetTrainedByDpSgdReportsTheAccountantsEpsilon() throws Exception {
        org.glassbox.data.LabeledImages train = org.glassbox.data.FashionMnist.train(org.glassbox.data.Assets.locate());
        org.glassbox.data.LabeledImages test = org.glassbox.data.FashionMnist.test(org.glassbox.data.Assets.locate());
        MembershipSetup dp = new MembershipSetup(120, "16", 3, 20, 1e-3, 0, 2, true).withDpNoise(1.5);
        MembershipTask task = new MembershipTask(train, test, dp, 4);
        MembershipSnapshot first = task.step(0);
        assertTrue(first.stage().contains("by DP-SGD (σ 1.5"), first.stage());
        double[] orders = org.glassbox.privacy.RdpAccountant.DEFAULT_ORDERS;
        double expected = org.glassbox.privacy.RdpAccountant.epsilon(orders,
                org.glassbox.privacy.RdpAccountant.compose(20 / 60.0, 1.5, (long) Math.ceil(3 * 60 / 20.0), orders), 1e-5).epsilon();
        org.junit.jupiter.api.Assertions.assertEquals(expected, task.targetEpsilon(), 0);
        task.step(1);
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(new MembershipTask(train, test,
                new MembershipSetup(120, "16", 3, 20, 1e-3, 0, 2, true), 4).targetEpsilon()), "no ε for ordinary training");
    }
}
