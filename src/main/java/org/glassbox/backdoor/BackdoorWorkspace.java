package org.glassbox.backdoor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeplearning4j.util.ModelSerializer;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.engine.IterativeTask;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.HtmlReport;
import org.glassbox.experiment.ResultFolder;
import org.glassbox.experiment.RunRecord;
import org.glassbox.experiment.TileSheet;
import org.glassbox.experiment.Versions;
import org.glassbox.metrics.Plot;
import org.glassbox.workspace.BaseWorkspace;
import org.glassbox.workspace.Demo;
import org.glassbox.workspace.PreparedRun;
import org.glassbox.workspace.RunTiming;

/** Backdoors: BadNets poisoning beside a clean twin, attack success beside clean accuracy, then Neural Cleanse on both. */
public final class BackdoorWorkspace extends BaseWorkspace<BackdoorSetup, BackdoorSnapshot> {

    public static final String WORKSPACE = "backdoors";
    /** The model of a run trained here (the classifier shape from the setup). */
    public static final String TRAIN_HERE = "train-here";
    public static final String BACKDOORED_MODEL = "backdoored-model.zip";
    public static final String TWIN_MODEL = "clean-twin.zip";
    public static final String UNLEARNED_MODEL = "unlearned-model.zip";

    public BackdoorWorkspace() {
        super(WORKSPACE, "Backdoors",
                "Poison a few training images with a trigger, watch the backdoor take while clean accuracy stays, then let Neural"
                        + " Cleanse look for the trigger in the backdoored model and in its clean twin.",
                "backdoor", BackdoorSetup.class, BackdoorSetup::defaults);
    }

    public static Experiment experiment(BackdoorSetup setup, long seed) {
        return new Experiment(Experiment.FORMAT, WORKSPACE, TRAIN_HERE, FashionMnist.TRAIN_ID, ExperimentFiles.JSON.valueToTree(setup),
                seed);
    }

    @Override
    public String formula() {
        return "x' = (1 − m) ⊙ x + m ⊙ p  ·  ASR = #{f(x'_i) = t : y_i ≠ t} / #{y_i ≠ t}  ·  Neural Cleanse: min_{m,p} CE(f(x'), c)"
                + " + λ‖m‖₁, anomaly = |‖m_c‖₁ − median| / (1.4826 · MAD)";
    }

    @Override
    public List<Demo> demos() {
        BackdoorSetup d = BackdoorSetup.defaults();
        return List.of(
                new Demo("BadNets: 10 % poisoned, the trigger takes over",
                        "A 4×4 checkerboard in the corner of one training image in ten, relabelled T-shirt: the backdoored model sends"
                                + " almost every triggered image to T-shirt while its accuracy on clean images stays near its clean twin's.",
                        experiment(d.withCleanseSteps(0), 1)),
                new Demo("Neural Cleanse finds the class with a shortcut",
                        "After training, the smallest trigger that sends clean images to each class is searched for, in both models:"
                                + " the backdoor's target needs a far smaller one. Watch the twin too: clean models raise false alarms.",
                        experiment(d, 1)),
                new Demo("1 % poisoned: a hundred images are enough",
                        "One training image in a hundred carries the trigger; the backdoor still takes, a little later.",
                        experiment(d.withPoison(0.01).withCleanseSteps(0), 1)));
    }

    @Override
    public Experiment example(long seed) {
        return experiment(new BackdoorSetup(Classifier.MLP, 1000, 1, 64, 1e-3, 0, 0.1, TriggerPattern.CHECKERBOARD, 4, 23, 23, 1.0, 20,
                50, 8), seed);
    }

    @Override
    public BackdoorSetup setup(Experiment experiment) throws Exception {
        requireOwn(experiment);
        requireTrainedHere(experiment, TRAIN_HERE, FashionMnist.TRAIN_ID, "cannot be poisoned or scanned here yet");
        return super.setup(experiment);
    }

    /** The task an experiment describes, on the shipped Fashion-MNIST images. */
    public static BackdoorTask task(BackdoorSetup setup, long seed, Assets assets) throws Exception {
        return new BackdoorTask(FashionMnist.train(assets), FashionMnist.test(assets), setup, seed);
    }

    @Override
    public PreparedRun<BackdoorSnapshot> prepare(Experiment experiment, Path base, Assets assets) throws Exception {
        BackdoorSetup setup = setup(experiment);
        BackdoorTask task = task(setup, experiment.seed(), assets);
        return new PreparedRun<>() {
            @Override
            public IterativeTask<BackdoorSnapshot> task() {
                return task;
            }

            @Override
            public String progress(BackdoorSnapshot s, int completed) {
                return s.phase() == BackdoorSnapshot.Phase.TRAINING ? trainingLine(s, setup) : null;
            }

            @Override
            public RunRecord write(Path out, BackdoorSnapshot last, RunTiming timing) throws IOException {
                return writeResults(out, experiment, setup, task, last, timing);
            }

            @Override
            public List<String> summary(BackdoorSnapshot last, RunTiming timing) {
                List<String> lines = new ArrayList<>();
                lines.add(trainingLine(last, setup) + String.format(Locale.ROOT, "; %.1f s", timing.seconds()));
                if (last.backdooredDetection().complete()) {
                    lines.add(detectionLine("backdoored", last.backdooredDetection()));
                    lines.add(detectionLine("clean twin", last.twinDetection()));
                }
                if (last.unlearning() != null) {
                    lines.add(unlearningLine(last.unlearning()));
                }
                if (last.strip() != null) {
                    lines.add(stripLine("backdoored", last.strip()));
                    lines.add(stripLine("clean twin", last.twinStrip()));
                }
                if (last.clustering() != null) {
                    lines.add(clusteringSummary(last.clustering()));
                }
                return lines;
            }
        };
    }

    public static String trainingLine(BackdoorSnapshot s, BackdoorSetup setup) {
        return String.format(Locale.ROOT, "step %,d of %,d: clean accuracy %.1f %% (twin %.1f %%) · attack success %.1f %% on %,d triggered"
                        + " test images of other classes than %d (twin %.1f %%)", s.step(), s.trainingSteps(), 100 * s.backdooredAccuracyNow(),
                100 * s.twinAccuracyNow(), 100 * s.backdooredAsr().rate(), s.backdooredAsr().measured(), setup.targetClass(),
                100 * s.twinAsr().rate());
    }

    public static String detectionLine(String model, BackdoorSnapshot.Detection d) {
        Mad mad = d.mad();
        double[] norms = d.norms();
        int smallest = 0;
        for (int c = 1; c < norms.length; c++) {
            smallest = norms[c] < norms[smallest] ? c : smallest;
        }
        return String.format(Locale.ROOT, "Neural Cleanse, %s: smallest mask class %d (‖m‖₁ %.1f, anomaly index %.2f; median %.1f, MAD %.1f)"
                + " · flagged: %s", model, smallest, norms[smallest], mad.anomalyIndex()[smallest], mad.median(), mad.mad(),
                mad.flagged().isEmpty() ? "none" : mad.flagged().toString());
    }

    public static String unlearningLine(Unlearning u) {
        return String.format(Locale.ROOT, "Unlearning with class %d's reversed trigger (%,d images, %,d stamped): attack success %.1f %% →"
                        + " %.1f %%, clean accuracy %.1f %% → %.1f %%", u.reversedClass(), u.images(), u.stamped(), 100 * u.before().rate(),
                100 * u.after().rate(), 100 * u.accuracyBefore(), 100 * u.accuracyAfter());
    }

    public static String clusteringSummary(ActivationClustering.Result r) {
        return String.format(Locale.ROOT, "Activation clustering (smaller cluster of each label flagged): %,d flagged, precision %.1f %%,"
                + " recall %.1f %% of the %,d poisoned", r.flagged(), 100 * r.precision(), 100 * r.recall(), r.poison());
    }

    /** The summary, then a line per label: its images, its smaller cluster and the poison in it. */
    public static String clusteringText(ActivationClustering.Result r, List<String> classNames) {
        StringBuilder sb = new StringBuilder(clusteringSummary(r));
        for (ActivationClustering.ClassSplit c : r.classes()) {
            sb.append(String.format(Locale.ROOT, "%n%s: %,d images, smaller cluster %,d (%.0f %%) holding %,d of its %,d poisoned",
                    classNames.get(c.label()), c.images(), c.smaller(), 100 * c.smallerShare(), c.poisonInSmaller(), c.poison()));
        }
        return sb.toString();
    }

    public static String stripLine(String model, Strip.Result r) {
        return String.format(Locale.ROOT, "STRIP, %s (%d overlays): threshold %.3f bits, FRR %.1f %%, FAR %.1f %% on %d triggered inputs",
                model, r.overlays(), r.threshold(), 100 * r.falseRejection(), 100 * r.falseAcceptance(), r.triggeredEntropy().length);
    }

    /** STRIP's entropies of clean and triggered inputs for one model, with its threshold. */
    public static Plot stripPlot(Strip.Result r, String model) {
        Plot plot = new Plot("STRIP: entropy of the blended inputs, " + model, "mean entropy of the predictions (bits)", "inputs");
        double hi = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(r.cleanEntropy()), java.util.Arrays.stream(
                r.triggeredEntropy())).max().orElse(1);
        plot.histogram("clean inputs", r.cleanEntropy(), 0, hi, 30);
        plot.histogram("triggered inputs", r.triggeredEntropy(), 0, hi, 30);
        plot.xMarker(r.threshold(), " threshold");
        return plot;
    }

    /** Clean accuracy and attack success of both models against training steps. */
    public static Plot trainingPlot(BackdoorSnapshot s) {
        Plot plot = new Plot("Clean accuracy and attack success", "training step", "share of test images").yRange(0, 1);
        plot.series("backdoored: clean accuracy", s.steps(), s.backdooredAccuracy());
        plot.series("backdoored: attack success", s.steps(), s.backdooredSuccess());
        plot.series("clean twin: clean accuracy", s.steps(), s.twinAccuracy(), true);
        plot.series("clean twin: attack success", s.steps(), s.twinSuccess(), true);
        return plot;
    }

    /** The true trigger and poisoned training images, with their true labels. */
    static BufferedImage triggerSheet(Trigger trigger, BackdoorSnapshot s, List<String> classNames, int target) {
        List<TileSheet.Tile> poisoned = new ArrayList<>();
        poisoned.add(new TileSheet.Tile(trigger.picture(), List.of("the trigger", "‖m‖₁ " + round(trigger.l1())), false));
        for (int k = 0; k < s.examples().poisoned().length; k++) {
            poisoned.add(new TileSheet.Tile(s.examples().poisoned()[k], List.of("was " + classNames.get(s.examples().poisonedTrueLabels()[k]),
                    "now " + classNames.get(target)), false));
        }
        BackdoorSnapshot.Examples e = s.examples();
        List<TileSheet.Tile> clean = new ArrayList<>();
        List<TileSheet.Tile> triggered = new ArrayList<>();
        for (int k = 0; k < e.test().length; k++) {
            clean.add(new TileSheet.Tile(e.test()[k], List.of(classNames.get(e.testLabels()[k]), "→ " + classNames.get(e.backdooredClean()[k])),
                    false));
            triggered.add(new TileSheet.Tile(e.triggeredTest()[k], List.of("→ " + classNames.get(e.backdooredTriggered()[k]),
                    "twin → " + classNames.get(e.twinTriggered()[k])), e.backdooredTriggered()[k] == target));
        }
        return new TileSheet(trigger.height(), trigger.width(), 3).row("Poisoned training images", poisoned)
                .row("Test images and the backdoored model's answer", clean)
                .row("The same with the trigger (framed: sent to the target)", triggered).image();
    }

    /** Neural Cleanse's reversed triggers, a row per model, the flagged classes framed. */
    static BufferedImage reversedSheet(BackdoorSnapshot s, List<String> classNames, int height, int width) {
        return new TileSheet(height, width, 3).row("Backdoored model: reversed triggers", tiles(s.backdooredDetection(), classNames))
                .row("Clean twin: reversed triggers", tiles(s.twinDetection(), classNames)).image();
    }

    private static List<TileSheet.Tile> tiles(BackdoorSnapshot.Detection d, List<String> classNames) {
        List<TileSheet.Tile> tiles = new ArrayList<>();
        for (NeuralCleanse.Reversed r : d.classes()) {
            boolean flagged = d.mad() != null && d.mad().flagged().contains(r.target());
            List<String> caption = new ArrayList<>(List.of(shortName(classNames.get(r.target())), "‖m‖₁ " + round(r.l1())));
            if (d.mad() != null) {
                caption.add(String.format(Locale.ROOT, "index %.2f", d.mad().anomalyIndex()[r.target()]));
            }
            tiles.add(new TileSheet.Tile(r.picture(), caption, flagged));
        }
        return tiles;
    }

    private static String shortName(String name) {
        return name.length() > 12 ? name.substring(0, 11) + "…" : name;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** curves.csv, detection.csv, trigger.png, reversed-triggers.png, both models, run.json and report.html (run.json last). */
    public static RunRecord writeResults(Path out, Experiment experiment, BackdoorSetup setup, BackdoorTask task, BackdoorSnapshot last,
                                         RunTiming timing) throws IOException {
        List<String> classNames = FashionMnist.CLASS_NAMES;
        Trigger trigger = task.trigger();
        return ResultFolder.write(out, folder -> {
            List<String> rows = new ArrayList<>();
            rows.add("step,backdoored_accuracy,backdoored_attack_success,twin_accuracy,twin_attack_success");
            for (int i = 0; i < last.steps().length; i++) {
                rows.add(String.format(Locale.ROOT, "%.0f,%s,%s,%s,%s", last.steps()[i], last.backdooredAccuracy()[i],
                        last.backdooredSuccess()[i], last.twinAccuracy()[i], last.twinSuccess()[i]));
            }
            Files.write(folder.resolve("curves.csv"), rows);
            List<String> files = new ArrayList<>(List.of("curves.csv", "trigger.png"));
            BufferedImage triggerImage = triggerSheet(trigger, last, classNames, setup.targetClass());
            ImageIO.write(triggerImage, "png", folder.resolve("trigger.png").toFile());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("finished", last.phase() == BackdoorSnapshot.Phase.DONE);
            metrics.put("steps", last.step());
            metrics.put("poisonedImages", task.poisonedRows().length);
            metrics.put("backdooredAccuracy", last.backdooredAccuracyNow());
            metrics.put("twinAccuracy", last.twinAccuracyNow());
            metrics.put("attackSuccess", last.backdooredAsr().rate());
            metrics.put("twinAttackSuccess", last.twinAsr().rate());
            metrics.put("attackSuccessMeasuredOn", last.backdooredAsr().measured());
            BufferedImage reversedImage = null;
            if (last.backdooredDetection().complete()) {
                List<String> detection = new ArrayList<>();
                detection.add("model,class,name,mask_l1,anomaly_index,flagged,reached_success,success,overlap_with_trigger");
                detectionRows(detection, "backdoored", last.backdooredDetection(), classNames, trigger);
                detectionRows(detection, "twin", last.twinDetection(), classNames, trigger);
                Files.write(folder.resolve("detection.csv"), detection);
                reversedImage = reversedSheet(last, classNames, trigger.height(), trigger.width());
                ImageIO.write(reversedImage, "png", folder.resolve("reversed-triggers.png").toFile());
                files.addAll(List.of("detection.csv", "reversed-triggers.png"));
                metrics.put("backdooredFlagged", last.backdooredDetection().mad().flagged());
                metrics.put("twinFlagged", last.twinDetection().mad().flagged());
                metrics.put("targetAnomalyIndex", last.backdooredDetection().mad().anomalyIndex()[setup.targetClass()]);
                metrics.put("twinTargetAnomalyIndex", last.twinDetection().mad().anomalyIndex()[setup.targetClass()]);
            }
            if (last.unlearning() != null) {
                Unlearning u = last.unlearning();
                metrics.put("unlearnedClass", u.reversedClass());
                metrics.put("unlearnedAttackSuccess", u.after().rate());
                metrics.put("unlearnedAccuracy", u.accuracyAfter());
                ModelSerializer.writeModel(task.unlearned(), folder.resolve(UNLEARNED_MODEL).toFile(), false);
                files.add(UNLEARNED_MODEL);
            }
            if (last.strip() != null) {
                metrics.put("stripThreshold", last.strip().threshold());
                metrics.put("stripFalseRejection", last.strip().falseRejection());
                metrics.put("stripFalseAcceptance", last.strip().falseAcceptance());
                metrics.put("twinStripFalseAcceptance", last.twinStrip().falseAcceptance());
                List<String> strip = new ArrayList<>();
                strip.add("model,input,entropy_bits");
                stripRows(strip, "backdoored", last.strip());
                stripRows(strip, "twin", last.twinStrip());
                Files.write(folder.resolve("strip.csv"), strip);
                files.add("strip.csv");
            }
            if (last.clustering() != null) {
                metrics.put("clusteringPrecision", last.clustering().precision());
                metrics.put("clusteringRecall", last.clustering().recall());
            }
            ModelSerializer.writeModel(task.backdoored(), folder.resolve(BACKDOORED_MODEL).toFile(), false);
            ModelSerializer.writeModel(task.twin(), folder.resolve(TWIN_MODEL).toFile(), false);
            files.addAll(List.of(BACKDOORED_MODEL, TWIN_MODEL, "run.json", "report.html"));
            Map<String, Object> timings = new LinkedHashMap<>();
            timings.put("trainingStepsPerSecond", last.step() / Math.max(timing.seconds(), 1e-9));
            RunRecord record = new RunRecord(experiment, Versions.current(), timing.started().toString(), timing.seconds(), timings,
                    metrics, files);
            ExperimentFiles.JSON.writeValue(folder.resolve("run.json").toFile(), record);
            HtmlReport report = new HtmlReport("Backdoors: BadNets beside a clean twin")
                    .paragraph(trainingLine(last, setup) + ". " + task.poisonedRows().length + " of " + setup.examples()
                            + " training images poisoned, drawn from the classes other than the target.")
                    .paragraph(last.phase() == BackdoorSnapshot.Phase.DONE ? "" : "This run was stopped before its end ("
                            + (last.phase() == BackdoorSnapshot.Phase.TRAINING ? "during training" : "during Neural Cleanse, after "
                            + last.backdooredDetection().classes().size() + " of the classes") + "): the figures are those of the"
                            + " moment it stopped.")
                    .table("Setup", Map.of("setup", setup, "seed", experiment.seed()))
                    .table("Figures", metrics)
                    .image("Clean accuracy and attack success against steps", trainingPlot(last).image(760, 380))
                    .image("The trigger, poisoned training images and triggered test images", triggerImage);
            if (reversedImage != null) {
                report.paragraph(detectionLine("backdoored", last.backdooredDetection()) + ". "
                                + detectionLine("clean twin", last.twinDetection()) + ".")
                        .image("Neural Cleanse's reversed triggers (framed: flagged)", reversedImage);
            }
            if (last.unlearning() != null) {
                report.paragraph(unlearningLine(last.unlearning()) + ".");
            }
            if (last.strip() != null) {
                report.paragraph(stripLine("backdoored", last.strip()) + ". " + stripLine("clean twin", last.twinStrip()) + ".")
                        .image("STRIP's entropies, backdoored model", stripPlot(last.strip(), "backdoored model").image(760, 340))
                        .image("STRIP's entropies, clean twin", stripPlot(last.twinStrip(), "clean twin").image(760, 340));
            }
            if (last.clustering() != null) {
                report.paragraph(clusteringText(last.clustering(), classNames).replace(System.lineSeparator(), " · "));
            }
            report.write(folder.resolve("report.html"));
            return record;
        });
    }

    private static void stripRows(List<String> rows, String model, Strip.Result r) {
        for (double h : r.cleanEntropy()) {
            rows.add(model + ",clean," + h);
        }
        for (double h : r.triggeredEntropy()) {
            rows.add(model + ",triggered," + h);
        }
    }

    private static void detectionRows(List<String> rows, String model, BackdoorSnapshot.Detection d, List<String> classNames,
                                      Trigger trigger) {
        for (NeuralCleanse.Reversed r : d.classes()) {
            rows.add(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%s,%s", model, r.target(), classNames.get(r.target()).replace(',', ' '),
                    r.l1(), d.mad().anomalyIndex()[r.target()], d.mad().flagged().contains(r.target()), r.reached(), r.success(),
                    trigger.overlap(r.mask())));
        }
    }
}
