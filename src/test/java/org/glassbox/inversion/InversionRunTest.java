package org.glassbox.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.glassbox.data.Assets;
import org.glassbox.data.FashionMnist;
import org.glassbox.data.GrayImage;
import org.glassbox.engine.UserFacingException;
import org.glassbox.experiment.Experiment;
import org.glassbox.experiment.ExperimentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inversion experiments: their files, their private images, and their results. */
class InversionRunTest {

    @TempDir
    Path dir;

    private Experiment read(String parameters) throws Exception {
        Path file = dir.resolve("e.json");
        Files.writeString(file, "{\"format\":1,\"workspace\":\"gradient-inversion\",\"model\":\"lenet-sigmoid\","
                + "\"data\":\"fashion-mnist-test\",\"parameters\":" + parameters + ",\"seed\":4}");
        return ExperimentFiles.read(file);
    }

    @Test
    void aSetupRoundTripsThroughAnExperimentFile() throws Exception {
        InversionSetup setup = new InversionSetup(InversionAttack.DLG, InversionOptimizer.ADAM, 7, 3, 2, true, false,
                DefenseKind.PRUNING, 0.5, 2.0, false, new InversionParameters(40, 0.2, 1e-5, 0.1, 2));
        Path file = dir.resolve("inversion.json");
        ExperimentFiles.write(InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, setup, 11), file);
        Experiment back = ExperimentFiles.read(file);
        assertEquals(setup, InversionRun.setup(back));
        assertEquals(11, back.seed());
    }

    @Test
    void fieldsLeftOutTakeTheirDefaultsAlsoInsideTheAttackParameters() throws Exception {
        InversionSetup setup = InversionRun.setup(read("{\"batch\":2,\"parameters\":{\"restarts\":4}}"));
        assertEquals(2, setup.batch());
        assertEquals(4, setup.parameters().restarts());
        assertEquals(InversionSetup.defaults().parameters().iterations(), setup.parameters().iterations());
    }

    @Test
    void anUnknownAttackIsRefusedNamingTheKnownOnes() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> InversionRun.setup(read("{\"attack\":\"GUESS\"}")));
        assertTrue(e.userMessage().problem().contains("'attack' is GUESS"), e.userMessage().problem());
        assertTrue(e.userMessage().remedy().contains("DLG, IDLG, INVERTING_GRADIENTS"), e.userMessage().remedy());
    }

    @Test
    void anOutOfRangeNestedParameterIsRefusedNamingIt() {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> InversionRun.setup(read("{\"parameters\":{\"restarts\":0}}")));
        assertTrue(e.userMessage().problem().contains("Restarts must be between 1 and 32"), e.userMessage().problem());
    }

    @Test
    void aBatchWithRepeatedLabelsIsRefusedForIdlgButAllowedForDlgWhichLearnsThem() throws Exception {
        Assets assets = Assets.locate();
        int[] labels = FashionMnist.test(assets).labels();
        int first = 0;
        while (labels[first] != labels[first + 1] && labels[first] != labels[first + 2]) {
            first++;
        }
        InversionSetup idlg = new InversionSetup(InversionAttack.IDLG, InversionOptimizer.LBFGS, first, 3, 0, false, true,
                DefenseKind.NONE, 0, 1, false, InversionAttack.IDLG.defaults());
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> InversionRun.privateImages(assets, FashionMnist.TEST_ID, dir, idlg));
        assertTrue(e.userMessage().problem().contains("are both"), e.userMessage().problem());
        InversionSetup dlg = new InversionSetup(InversionAttack.DLG, InversionOptimizer.LBFGS, first, 3, 0, false, true,
                DefenseKind.NONE, 0, 1, false, InversionAttack.DLG.defaults());
        assertEquals(3, InversionRun.privateImages(assets, FashionMnist.TEST_ID, dir, dlg).size());
    }

    @Test
    void anImageFileIsMadeGrayAndResizedOnlyWhenAllowed() throws Exception {
        BufferedImage rgb = new BufferedImage(56, 42, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 42; y++) {
            for (int x = 0; x < 56; x++) {
                rgb.setRGB(x, y, x < 28 ? 0xFFFFFF : 0x000000);
            }
        }
        Path file = dir.resolve("half.png");
        ImageIO.write(rgb, "png", file.toFile());
        InversionSetup keep = InversionSetup.defaults();
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> InversionRun.privateImages(Assets.locate(), file.toString(), dir, keep));
        assertTrue(e.userMessage().problem().contains("The image is 56×42 pixels; the model takes 28×28"), e.userMessage().problem());
        InversionSetup resize = new InversionSetup(keep.attack(), keep.optimizer(), 0, 1, 4, true, true, DefenseKind.NONE, 0, 1, false,
                keep.parameters());
        ClientBatch batch = InversionRun.privateImages(Assets.locate(), file.toString(), dir, resize);
        assertEquals(4, batch.labels()[0]);
        double[] pixels = batch.images()[0];
        assertEquals(1.0, pixels[14 * 28 + 2], 0.02, "the white left half stays white");
        assertEquals(0.0, pixels[14 * 28 + 25], 0.02, "the black right half stays black");
        assertThrows(UserFacingException.class, () -> GrayImage.read(dir.resolve("missing.png")));
        Files.writeString(dir.resolve("text.png"), "not an image");
        UserFacingException notImage = assertThrows(UserFacingException.class, () -> GrayImage.read(dir.resolve("text.png")));
        assertTrue(notImage.userMessage().remedy().contains("PNG, JPEG"), notImage.userMessage().remedy());
    }

    @Test
    void theResultsHoldTheRunRecordTheReportAndTheImages() throws Exception {
        InversionSetup setup = new InversionSetup(InversionAttack.IDLG, InversionOptimizer.LBFGS, 0, 2, 0, false, true,
                DefenseKind.AGGREGATION, 1, 1, true, new InversionParameters(4, 1.0, 1e-4, 0, 1));
        Experiment experiment = InversionRun.experiment("lenet-sigmoid", FashionMnist.TEST_ID, setup, 9);
        InversionRun.Prepared run = InversionRun.prepare(Assets.locate(), experiment, dir);
        assertEquals(3, run.client().size(), "aggregation adds one image to the client's batch");
        assertEquals(2, run.watched().size());
        InversionTask task = run.task();
        List<InversionSnapshot> history = new ArrayList<>();
        for (int i = 0; i < task.iterations(); i++) {
            history.add(task.step(i));
        }
        assertEquals(2, history.get(3).batchSize(), "the two watched images are scored");
        Path out = dir.resolve("out");
        InversionRun.writeResults(out, experiment, run, history, List.of(), java.time.Instant.now(), 1.0);
        String csv = Files.readString(out.resolve("curves.csv"));
        assertEquals(5, csv.lines().count(), "a header and one line per iteration");
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("aggregation over 1 extra image") && report.contains("data:image/png;base64"), "report");
        BufferedImage comparison = ImageIO.read(out.resolve("comparison.png").toFile());
        assertTrue(comparison.getWidth() > 2 * 28 * 3, "two columns of tiles");
    }
}
