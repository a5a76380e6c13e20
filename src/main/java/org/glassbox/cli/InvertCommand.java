package org.glassbox.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.glassbox.experiment.Parameters;
import org.glassbox.experiment.RunRecord;
import org.glassbox.inversion.DefenseKind;
import org.glassbox.inversion.DefensePriceTask;
import org.glassbox.inversion.InversionAttack;
import org.glassbox.inversion.InversionOptimizer;
import org.glassbox.inversion.InversionParameters;
import org.glassbox.inversion.InversionRun;
import org.glassbox.inversion.InversionSetup;
import org.glassbox.inversion.InversionSnapshot;
import org.glassbox.inversion.InversionTask;
import org.glassbox.inversion.PriceSnapshot;
import org.glassbox.inversion.Reconstruction;
import org.glassbox.models.samples.SampleModels;
import org.glassbox.experiment.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glassbox invert}: a gradient-inversion attack, headless; prints the figures and writes the exports. */
@Command(name = "invert", aliases = "gradient-inversion", mixinStandardHelpOptions = true,
        description = "Reconstruct private images from the gradient they give (DLG, iDLG or Inverting Gradients), from flags"
                + " or an experiment file (--experiment, as saved from the app). Prints iterations and time to 30 dB PSNR and"
                + " iterations per second; writes strip.png, comparison.png, curves.csv, run.json and report.html.")
final class InvertCommand extends SetupCommand<InversionSetup> implements Callable<Integer> {

    @Option(names = "--experiment", description = "An experiment file of the Gradient inversion workspace; the attack flags are then ignored.")
    Path experimentFile;

    @Option(names = {"-m", "--model"}, defaultValue = "lenet-sigmoid",
            description = "A catalog id or model file: an image classifier of 28×28 images. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--image-file", description = "A private image file (PNG, JPEG, GIF, BMP) instead of a test image; give its --label.")
    Path imageFile;

    @Option(names = "--trained-weights", description = "Attack the model as trained, instead of DLG's setting"
            + " (weights redrawn U(-0.5, 0.5) from the seed, the first round of federated training); the same as --dlg-weights=false.")
    boolean trainedWeights;

    @Param(label = "--price-steps", description = "training steps for the defense's price", min = 0, max = 100_000)
    @Option(names = "--price-steps", defaultValue = "0",
            description = "Also measure the defense's price: train DLG's LeNet this many steps (batch 32) with and without it"
                    + " and print both test accuracies. Default: ${DEFAULT-VALUE} (skip).")
    int priceSteps;

    @Mixin
    SeedAndOutput common;

    @Override
    public InversionSetup setupDefaults() {
        return InversionSetup.defaults();
    }

    @Override
    public Integer call() throws Exception {
        long seed = common.seed;
        Path out = common.out;
        Experiment experiment;
        Path base;
        if (experimentFile != null) {
            experiment = ExperimentFiles.read(experimentFile);
            base = experimentFile.toAbsolutePath().getParent();
        } else {
            // The attack brings its paper's optimiser and parameters; options given on top of them win.
            InversionSetup d = InversionSetup.defaults();
            InversionAttack attack = given("attack") ? setup().attack() : d.attack();
            InversionSetup preset = new InversionSetup(attack, attack.optimizer(), d.image(), d.batch(), d.fileLabel(), d.resize(),
                    d.dlgWeights(), d.defense(), d.strength(), d.clipNorm(), d.sideBySide(), attack.defaults());
            InversionSetup setup = setup(preset);
            if (trainedWeights) {
                setup = new InversionSetup(setup.attack(), setup.optimizer(), setup.image(), setup.batch(), setup.fileLabel(),
                        setup.resize(), false, setup.defense(), setup.strength(), setup.clipNorm(), setup.sideBySide(), setup.parameters());
            }
            experiment = InversionRun.experiment(model, imageFile != null ? imageFile.toString() : FashionMnist.TEST_ID, setup, seed);
            base = Path.of("");
        }
        int code = RunCommand.run(experiment, base, out);
        if (priceSteps > 0) {
            printPrice(InversionRun.setup(experiment), experiment.seed());
        }
        return code;
    }

    private void printPrice(InversionSetup setup, long seed) throws Exception {
        org.glassbox.inversion.Defense chosen = setup.createDefense();
        Assets assets = Assets.locate();
        int frames = Math.max(1, priceSteps / 10);
        DefensePriceTask price = new DefensePriceTask(SampleModels.lenetSigmoid(seed), chosen, FashionMnist.train(assets),
                FashionMnist.test(assets), frames, 10, 32, seed);
        PriceSnapshot p = org.glassbox.workspace.HeadlessRunner.runToEnd(price);
        System.out.printf(Locale.ROOT, "price of %s after %d steps: test accuracy %.1f %% without, %.1f %% with%n",
                chosen.describe(), p.steps(), 100 * p.accuracyUndefended(), 100 * p.accuracyDefended());
    }
}
