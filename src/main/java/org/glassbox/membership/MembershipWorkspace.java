package org.glassbox.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.LabeledImages;
import org.glassbox.engine.IterativeTask;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.Roc;
import org.glassbox.metrics.RocChart;
import org.glassbox.workspace.BaseWorkspace;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;

/** Membership inference: was this image in the training set? Threshold attacks and LiRA on one set of candidates. */
public final class MembershipWorkspace extends BaseWorkspace<MembershipSetup, MembershipSnapshot> {

    public static final String WORKSPACE = "membership-inference";
    /** The model of an audit whose target is trained here, on a seeded half of the pool. */
    public static final String TRAIN_HERE = "train-here";

    public MembershipWorkspace() {
        super(WORKSPACE, "Membership inference",
                "Was this image in the training set? Threshold attacks and LiRA's shadow models against a target trained here.",
                "membership", MembershipSetup.class, MembershipSetup::defaults);
    }

    public static Experiment experiment(MembershipSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, TRAIN_HERE, FashionMnist.TRAIN_ID,
                ExperimentFiles.JSON.valueToTree(setup), seed);
    }

    @Override
    public String formula() {
        return "loss attack: member if ℓ(x, y) < τ  ·  LiRA: Λ = N(φ; μ_in, σ²_in) / N(φ; μ_out, σ²_out),"
                + " φ = log(p_y / (1 − p_y)) from shadow models trained with and without x";
    }

    @Override
    public java.util.List<org.glassbox.workspace.Demo> demos() {
        MembershipSetup d = MembershipSetup.defaults();
        return java.util.List.of(
                new org.glassbox.workspace.Demo("Was this image in the training set? LiRA with 4 shadow models",
                        "A target trained on half of 400 images; shadow models trained with and without each candidate tell"
                                + " the attack what a member's loss looks like: AUC about 0.76, far above the loss threshold's 0.63.",
                        experiment(new MembershipSetup(400, d.hidden(), d.epochs(), d.batchSize(), d.learningRate(), d.l2(), 4,
                                d.fixedVariance()), 1)),
                new org.glassbox.workspace.Demo("The same audit of a target trained with DP-SGD (σ = 1)",
                        "Target and shadows clip every image's gradient and add noise: LiRA's AUC falls from about 0.76 to 0.61"
                                + " and the loss attack's from 0.63 to 0.59, for 3 points of test accuracy (ε ≈ 25 at δ = 10⁻⁵)."
                                + " Five models trained image by image: about 45 s.",
                        experiment(new MembershipSetup(400, d.hidden(), d.epochs(), d.batchSize(), d.learningRate(), d.l2(), 4,
                                d.fixedVariance()).withDpNoise(1.0), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return experiment(new MembershipSetup(200, "64", 15, 32, 1e-3, 0, 4, true), seed);
    }

    @Override
    public MembershipSetup setup(Experiment experiment) throws Exception {
        MembershipSetup setup = super.setup(experiment); // refuses another workspace's experiment first
        try {
            for (int w : setup.hiddenWidths()) {
                if (w < 1 || w > 4096) {
                    throw new NumberFormatException(w + " is out of 1 to 4096");
                }
            }
        } catch (NumberFormatException e) {
            throw new UserFacingException("Hidden widths '" + setup.hidden() + "' are not whole numbers from 1 to 4096.",
                    "Write them like 128 or 256, 128.");
        }
        if (setup.shadows() == 1) {
            throw new UserFacingException("LiRA needs at least 2 shadow models to fit its Gaussians; 1 was asked for.",
                    "Use 0 (threshold attacks only) or 2 and more (16 is the usual start).");
        }
        if (!TRAIN_HERE.equals(experiment.model())) {
            throw new UserFacingException("Auditing '" + experiment.model() + "' needs to know which images it trained on,"
                    + " and the catalog does not record that yet.", "Audit a target trained here (model \"" + TRAIN_HERE + "\").");
        }
        if (!FashionMnist.TRAIN_ID.equals(experiment.data())) {
            throw new UserFacingException("The pool is drawn from " + FashionMnist.TRAIN_ID + ", not '" + experiment.data() + "'.",
                    "Set \"data\" to " + FashionMnist.TRAIN_ID + ".");
        }
        return setup;
    }

    @Override
    public PreparedRun<MembershipSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        MembershipSetup setup = setup(experiment);
        LabeledImages train = FashionMnist.train(assets);
        if (setup.pool() > train.size()) {
            throw new UserFacingException("A pool of " + setup.pool() + " images is more than the " + train.size()
                    + " training images shipped.", "Use a pool of at most " + train.size() + ".");
        }
        MembershipTask task = new MembershipTask(train, FashionMnist.test(assets), setup, experiment.seed());
        return new PreparedRun<>() {
            @Override
            public IterativeTask<MembershipSnapshot> task() {
                return task;
            }

            @Override
            public String progress(MembershipSnapshot s, int completed) {
                return s.stage();
            }

            @Override
            public RunRecord write(Path out, MembershipSnapshot last, RunTiming timing) throws IOException {
                return MembershipResults.write(out, experiment, setup, last, timing);
            }

            @Override
            public List<String> summary(MembershipSnapshot last, RunTiming timing) {
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.ROOT, "target: accuracy %.1f %% on its %d members, %.1f %% on the %d non-members,"
                                + " %.1f %% on the test set; %d shadow models; %.1f s", 100 * last.memberAccuracy(),
                        members(last), 100 * last.nonMemberAccuracy(), last.member().length - members(last),
                        100 * last.testAccuracy(), last.shadowsDone(), timing.seconds()));
                if (setup.dpNoise() > 0) {
                    lines.add(String.format(Locale.ROOT, "target and shadows trained by DP-SGD: σ %s, C %s, learning rate %s;"
                            + " the target's ε = %.3f at δ = 1e-5", setup.dpNoise(), setup.dpClip(), setup.dpLearningRate(),
                            task.targetEpsilon()));
                }
                for (AttackResult a : last.attacks()) {
                    lines.add(String.format(Locale.ROOT, "%-26s AUC %.4f  TPR@1%%FPR %s  TPR@0.1%%FPR %s  TPR@0.01%%FPR %s"
                                    + "  balanced accuracy %.4f  queries per candidate %d", a.name(), a.auc(), rate(a.tprAt1Percent()),
                            rate(a.tprAtTenthPercent()), rate(a.tprAtHundredthPercent()), a.balancedAccuracy(),
                            a.queriesPerCandidate()));
                }
                return lines;
            }
        };
    }

    /** Writes an audit's scores.csv, roc.csv, roc.png, run.json and report.html into {@code out}, atomically. */
    public static RunRecord writeResults(Path out, Experiment experiment, MembershipSetup setup, MembershipSnapshot s,
                                         RunTiming timing) throws IOException {
        return MembershipResults.write(out, experiment, setup, s, timing);
    }

    static int members(MembershipSnapshot s) {
        int n = 0;
        for (boolean m : s.member()) {
            n += m ? 1 : 0;
        }
        return n;
    }

    /** A rate, or "not resolved" when the non-members are too few for it. */
    public static String rate(double r) {
        return Double.isNaN(r) ? "not resolved" : String.format(Locale.ROOT, "%.4f", r);
    }

    /** What an audit leaves on disk. */
    static final class MembershipResults {

        private MembershipResults() {
        }

        static RunRecord write(Path out, Experiment experiment, MembershipSetup setup, MembershipSnapshot s, RunTiming timing)
                throws IOException {
            return ResultFolder.write(out, folder -> {
                List<AttackResult> attacks = s.attacks();
                StringBuilder scores = new StringBuilder("candidate,training_image,member");
                for (AttackResult a : attacks) {
                    scores.append(',').append(a.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
                }
                scores.append('\n');
                for (int i = 0; i < s.member().length; i++) {
                    scores.append(i).append(',').append(s.poolIndex()[i]).append(',').append(s.member()[i] ? 1 : 0);
                    for (AttackResult a : attacks) {
                        scores.append(',').append(a.scores()[i]);
                    }
                    scores.append('\n');
                }
                Files.writeString(folder.resolve("scores.csv"), scores, StandardCharsets.UTF_8);
                StringBuilder roc = new StringBuilder("attack,false_positive_rate,true_positive_rate\n");
                for (AttackResult a : attacks) {
                    for (Roc.Point p : a.roc().curve()) {
                        roc.append('"').append(a.name()).append("\",").append(p.falsePositiveRate()).append(',')
                                .append(p.truePositiveRate()).append('\n');
                    }
                }
                Files.writeString(folder.resolve("roc.csv"), roc, StandardCharsets.UTF_8);
                int members = members(s);
                java.awt.image.BufferedImage chart = RocChart.render("Membership inference: ROC of every attack on the same "
                                + s.member().length + " candidates", attacks.stream().map(a -> new RocChart.Curve(
                                String.format(Locale.ROOT, "%s (AUC %.3f)", a.name(), a.auc()), a.roc())).toList(),
                        members, s.member().length - members, 760, 560);
                javax.imageio.ImageIO.write(chart, "png", folder.resolve("roc.png").toFile());
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("members", members);
                metrics.put("nonMembers", s.member().length - members);
                metrics.put("shadowModels", s.shadowsDone());
                metrics.put("memberAccuracy", s.memberAccuracy());
                metrics.put("nonMemberAccuracy", s.nonMemberAccuracy());
                metrics.put("testAccuracy", s.testAccuracy());
                Map<String, Object> perAttack = new LinkedHashMap<>();
                for (AttackResult a : attacks) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("auc", a.auc());
                    m.put("tprAt1PercentFpr", resolved(a.tprAt1Percent()));
                    m.put("tprAtTenthPercentFpr", resolved(a.tprAtTenthPercent()));
                    m.put("tprAtHundredthPercentFpr", resolved(a.tprAtHundredthPercent()));
                    m.put("balancedAccuracy", a.balancedAccuracy());
                    m.put("queriesPerCandidate", a.queriesPerCandidate());
                    perAttack.put(a.name(), m);
                }
                metrics.put("attacks", perAttack);
                List<String> files = List.of("scores.csv", "roc.csv", "roc.png", "run.json", "report.html");
                RunRecord record = new RunRecord(experiment, Versions.current(), timing.started().toString(), timing.seconds(),
                        metrics, files);
                ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("target", "MLP 784-" + setup.hidden().replaceAll("\\s+", "") + "-10, " + setup.epochs() + " epochs, batch "
                        + setup.batchSize() + ", Adam " + setup.learningRate() + ", L2 " + setup.l2());
                what.put("pool", setup.pool() + " Fashion-MNIST training images; the target trained on a random half");
                what.put("LiRA", setup.shadows() + " shadow models on random halves, " + (setup.fixedVariance() ? "fixed" : "per-example")
                        + " variance");
                what.put("seed", experiment.seed());
                Map<String, Object> table = new LinkedHashMap<>();
                for (AttackResult a : attacks) {
                    table.put(a.name(), String.format(Locale.ROOT, "AUC %.4f · TPR at 1 %% / 0.1 %% / 0.01 %% FPR: %s / %s / %s"
                                    + " · balanced accuracy %.4f · %d queries per candidate", a.auc(), rate(a.tprAt1Percent()),
                            rate(a.tprAtTenthPercent()), rate(a.tprAtHundredthPercent()), a.balancedAccuracy(),
                            a.queriesPerCandidate()));
                }
                new HtmlReport("Membership inference")
                        .paragraph(String.format(Locale.ROOT, "The target classifies %.1f %% of its %d members and %.1f %% of the %d"
                                        + " non-members right (%.1f %% of the test set). Rates marked \"not resolved\" need more"
                                        + " non-members than the audit has (one false positive in N resolves 1/N).",
                                100 * s.memberAccuracy(), members, 100 * s.nonMemberAccuracy(), s.member().length - members,
                                100 * s.testAccuracy()))
                        .table("What was run", what)
                        .table("Attacks", table)
                        .image("ROC on log-log axes", chart)
                        .write(folder.resolve("report.html"));
                return record;
            });
        }

        private static Object resolved(double rate) {
            return Double.isNaN(rate) ? "not resolved" : rate;
        }
    }
}
